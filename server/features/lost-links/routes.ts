import { createRoute, z } from "@hono/zod-openapi";
import { clientAddress } from "../../auth/http.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { askForLinks } from "./ask-for-links.ts";
import { LostContactSchema } from "./schemas.ts";

// Beside the private link's routes (/api/manage/{token}…): for whoever no longer has it.

const lost = createRoute({
  method: "post",
  path: "/lost",
  summary:
    "Lien perdu : envoie les nouveaux liens privés des rendez-vous à venir, par le même moyen (courriel ou SMS) ; la demande est traitée à part, la réponse est la même",
  description:
    "Chaque rendez-vous à venir réservé avec cette adresse électronique ou ce numéro de mobile reçoit un nouveau lien privé ; " +
    "l'ancien ne fonctionne plus. Rien n'est envoyé quand rien ne correspond, ni au-delà de 3 demandes par jour pour un même " +
    "contact : la réponse, elle, ne change pas.",
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: z.object({ contact: LostContactSchema }).strict() } },
    },
  },
  responses: {
    202: {
      description: "Demande prise en compte : la même réponse, qu'un rendez-vous corresponde ou non.",
      content: {
        "application/json": {
          schema: z.object({ message: z.string().openapi({ description: "Ce que la page affiche, en français." }) }),
        },
      },
    },
    422: errorResponse("Ni une adresse électronique ni un numéro de mobile (un numéro de ligne fixe ne reçoit pas de SMS)."),
    429: errorResponse("Trop de demandes depuis cette adresse IP : réessayer dans une heure."),
  },
});

export const lostLinks = createRouter().openapi(lost, async (c) => {
  const { db, clock, config } = c.var.deps;
  const { contact } = c.req.valid("json");
  return c.json(await askForLinks({ db, clock, config, input: { contact, address: clientAddress(c) } }), 202);
});
