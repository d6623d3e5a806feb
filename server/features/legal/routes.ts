import { createRoute } from "@hono/zod-openapi";
import { createRouter } from "../../http/router.ts";
import { LegalNotice, platformSettings } from "../privacy/settings.ts";

// What the legal notice (LCEN art. 6 III) and the accessibility statement (RGAA) must give, as
// the Région set it (PATCH /api/admin/settings).

const notice = createRoute({
  method: "get",
  path: "/",
  tags: ["Mentions légales"],
  summary: "L'éditeur, le directeur de la publication et l'hébergeur du site ; où signaler un défaut d'accessibilité",
  responses: {
    200: {
      description: "Chaque texte tel que la Région l'a saisi ; vide tant qu'il n'est pas renseigné.",
      content: { "application/json": { schema: LegalNotice } },
    },
  },
});

export const legal = createRouter().openapi(notice, async (c) => {
  const { publisher, publicationDirector, host, accessibilityContact } = await platformSettings(c.var.deps.db);
  return c.json({ publisher, publicationDirector, host, accessibilityContact }, 200);
});
