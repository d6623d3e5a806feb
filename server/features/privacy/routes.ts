import { createRoute, z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/roles.ts";
import { createRouter } from "../../http/router.ts";
import { audited, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam } from "../admin/schemas.ts";
import { erasePerson } from "./erase-person.ts";
import { exportPerson } from "./export-person.ts";
import { personInScope } from "./person-scope.ts";
import { personSummary } from "./person-summary.ts";
import { platformSettings } from "./settings.ts";

// A person's rights, exercised through the structure that knows them: their data as a file
// (access, portability) and its erasure. For the structure admins of the structures that met or
// referred them, and the Région. Each is audited, never with the person's details.

const peopleRoute = staffRoute("Données personnelles");

const summary = peopleRoute({
  method: "get",
  path: "/{id}",
  summary: "Une personne : son identité, ses coordonnées, ses rendez-vous à venir (administrateurs de structure, Région)",
  request: { params: IdParam },
  responses: { 200: json(z.object({}).passthrough(), "La personne ; anonymisedAt quand ses données sont effacées.") },
});

const exported = peopleRoute({
  method: "get",
  path: "/{id}/export",
  summary: "Tout ce que la plateforme sait d'une personne, en un fichier JSON à lui remettre (RGPD art. 15 et 20)",
  request: { params: IdParam },
  responses: { 200: json(z.object({}).passthrough(), "Identité, rendez-vous, orientations et leur historique.") },
});

const erase = peopleRoute({
  method: "post",
  path: "/{id}/erase",
  summary:
    "Effacer les données d'une personne à sa demande (RGPD art. 17) : irréversible ; les rendez-vous restent, anonymes, dans les chiffres. Refusé (409) tant qu'un rendez-vous est à venir",
  request: {
    params: IdParam,
    body: jsonBody(
      z.object({ confirm: z.literal(true, "Confirmez l'effacement : il est irréversible (confirm: true).") }).strict(),
    ),
  },
  responses: { 200: json(z.object({ anonymisedAt: z.string() }), "Effacée (ou déjà effacée).") },
});

export const people = createRouter()
  .openapi(summary, async (c) => {
    const { roles } = await requireArea(c, "directory");
    const { deps } = c.var;
    const { id } = await personInScope(deps.db, roles, c.req.valid("param").id);
    return c.json(await personSummary(deps.db, id, deps.clock.now()), 200);
  })
  .openapi(exported, async (c) => {
    const { roles } = await requireArea(c, "directory");
    const { deps } = c.var;
    const person = await personInScope(deps.db, roles, c.req.valid("param").id);
    const data = await exportPerson(deps.db, person.id, deps.clock.now());
    await audited(c, { action: "person.exported", entity: "Person", details: { structureId: person.structureId } }, async () => ({
      id: person.id,
    }));
    c.header("Content-Disposition", `attachment; filename="donnees-personnelles-${person.id}.json"`);
    c.header("Cache-Control", "no-store");
    return c.json(data, 200);
  })
  .openapi(erase, async (c) => {
    const { roles } = await requireArea(c, "directory");
    const { deps } = c.var;
    const person = await personInScope(deps.db, roles, c.req.valid("param").id);
    const now = deps.clock.now();
    const already = await deps.db.prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { anonymisedAt: true } });
    if (!already.anonymisedAt) {
      await audited(c, { action: "person.erased", entity: "Person", details: { structureId: person.structureId } }, (tx) =>
        erasePerson(tx, person.id, now),
      );
    }
    const after = await deps.db.prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { anonymisedAt: true } });
    return c.json({ anonymisedAt: (after.anonymisedAt ?? now).toISOString() }, 200);
  });

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

export const privacy = createRouter().openapi(notice, async (c) => c.json(await platformSettings(c.var.deps.db), 200));
