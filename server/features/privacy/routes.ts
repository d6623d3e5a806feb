import { createRoute, z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam } from "../admin/schemas.ts";
import { erasePerson } from "./erase-person.ts";
import { exportPerson } from "./export-person.ts";
import { PersonExport, PersonSummary } from "./schemas.ts";
import { platformSettings } from "./settings.ts";
import { showPerson } from "./show-person.ts";

// A person's rights, exercised through the structure that knows them: their data as a file
// (access, portability) and its erasure. A structure admin exports and erases what the
// structures they run hold of the person; the Région, everything, everywhere. Each is audited,
// never with the person's details.

const peopleRoute = staffRoute("Données personnelles");

const summary = peopleRoute({
  method: "get",
  path: "/{id}",
  summary:
    "Une personne, telle que ses structures la connaissent : identité, coordonnées, rendez-vous à venir chez elles (administrateurs de structure ; tout pour la Région)",
  request: { params: IdParam },
  responses: { 200: json(PersonSummary, "La personne ; anonymisedAt quand ses données sont effacées.") },
});

const exported = peopleRoute({
  method: "get",
  path: "/{id}/export",
  summary:
    "Ce que les structures de l'administrateur détiennent d'une personne (tout, pour la Région), en un fichier JSON à lui remettre (RGPD art. 15 et 20)",
  request: { params: IdParam },
  responses: { 200: json(PersonExport, "Identité, rendez-vous, orientations et leur historique.") },
});

const erase = peopleRoute({
  method: "post",
  path: "/{id}/erase",
  summary:
    "Effacer les données d'une personne à sa demande (RGPD art. 17) : ce que ses structures en détiennent (partout, pour la Région) ; irréversible ; les rendez-vous restent, anonymes, dans les chiffres. Refusé (409) tant qu'un rendez-vous y est à venir",
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({ confirm: z.literal(true, "Confirmez l'effacement : il est irréversible (confirm: true).") }).strict(),
    ),
  },
  responses: {
    200: json(
      z.object({
        anonymisedAt: z.string(),
        everywhere: z.boolean().openapi({
          description:
            "true : effacée partout (la Région) ; false : ce que les structures de l'administrateur détenaient d'elle (ses rendez-vous, ses notes, ses orientations entre elles).",
        }),
      }),
      "Effacée (ou déjà effacée).",
    ),
  },
});

export const people = createRouter()
  .openapi(summary, async (c) => c.json(await act(c, "directory", showPerson, c.req.valid("param")), 200))
  .openapi(exported, async (c) => {
    const deps = await staffDeps(c, "directory");
    const { file, fileName } = await exportPerson({ ...deps, input: c.req.valid("param") });
    c.header("Content-Disposition", `attachment; filename="${fileName}"`);
    return c.json(file, 200);
  })
  .openapi(erase, async (c) => c.json(await act(c, "directory", erasePerson, c.req.valid("param")), 200));

const notice = createRoute({
  method: "get",
  path: "/",
  tags: ["Données personnelles"],
  summary: "Ce que la notice d'information publique doit dire de la conservation des données, et à qui écrire",
  responses: {
    200: {
      description:
        "La durée de conservation, en mois après le dernier rendez-vous ou la dernière orientation ; le contact du délégué à la protection des données (vide : écrire à la Région par courrier).",
      content: { "application/json": { schema: z.object({ retentionMonths: z.int(), dpoContact: z.string() }) } },
    },
  },
});

export const privacy = createRouter().openapi(notice, async (c) => {
  const { retentionMonths, dpoContact } = await platformSettings(c.var.deps.db);
  return c.json({ retentionMonths, dpoContact }, 200);
});
