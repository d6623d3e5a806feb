import { createRoute, z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import type { Scope } from "../../auth/scope.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { createRouter } from "../../http/router.ts";
import { audited, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { forgetMessages } from "../../mail/transport.ts";
import { IdParam } from "../admin/schemas.ts";
import { erasePerson } from "./erase-person.ts";
import { exportPerson } from "./export-person.ts";
import { personInScope } from "./person-scope.ts";
import { personSummary } from "./person-summary.ts";
import { PersonExport, PersonSummary } from "./schemas.ts";
import { platformSettings } from "./settings.ts";

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
  .openapi(summary, async (c) => {
    const scope = await requireArea(c, "directory");
    const { db, clock } = c.var.deps;
    const person = await personInScope(db, scope, c.req.valid("param").id);
    return c.json(await personSummary(db, person.id, person.structureIds, clock.now()), 200);
  })
  .openapi(exported, async (c) => {
    const scope = await requireArea(c, "directory");
    const { db, clock } = c.var.deps;
    const person = await personInScope(db, scope, c.req.valid("param").id);
    const data = await exportPerson(db, person.id, person.structureIds, clock.now());
    const details = person.structureIds ? { structureId: person.structureIds[0] } : {};
    await audited(c, { action: "person.exported", entity: "Person", details }, async () => ({ id: person.id }));
    c.header("Content-Disposition", `attachment; filename="donnees-personnelles-${person.id}.json"`);
    return c.json(data, 200);
  })
  .openapi(erase, async (c) => {
    const scope = await requireArea(c, "directory");
    const { db, clock, config } = c.var.deps;
    const { id } = c.req.valid("param");
    const held = await heldOrErased(db, scope, id);
    if ("erasedAt" in held) return c.json({ anonymisedAt: held.erasedAt.toISOString(), everywhere: false }, 200);
    const { person } = held;
    const now = clock.now();
    const details = person.structureIds ? { structureId: person.structureIds[0] } : {};
    // The erasure reaches rows outside the user's own (the person's other meetings, when the
    // Région erases everywhere; the stand-in of a structure's erasure): the database's client,
    // once personInScope has said what is theirs to erase.
    const done = await audited(
      c,
      { action: person.structureIds ? "person.erased" : "person.erased_everywhere", entity: "Person", details },
      (tx) => erasePerson(tx, person.id, person.structureIds, now),
      db.prisma,
    );
    await forgetMessages(config, done.messageIds);
    const after = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: { anonymisedAt: true } });
    // A structure's erasure leaves the person to whoever else meets them: nothing here says so.
    const anonymisedAt = person.structureIds ? now : (after.anonymisedAt ?? now);
    return c.json({ anonymisedAt: anonymisedAt.toISOString(), everywhere: !person.structureIds }, 200);
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

/**
 * What the user may erase of this person (personInScope); or, once a structure they run has
 * erased what it held of them and holds nothing more, when it did: a retry of the erasure is
 * answered as the erasure was. What it holds of them again (a new meeting) is erased in turn.
 */
async function heldOrErased(
  db: Database,
  scope: Scope,
  id: string,
): Promise<{ person: Awaited<ReturnType<typeof personInScope>> } | { erasedAt: Date }> {
  try {
    return { person: await personInScope(db, scope, id) };
  } catch (error) {
    const erasedAt = error instanceof AppError && error.code === "NOT_FOUND" ? await previousErasure(scope, id) : undefined;
    if (!erasedAt) throw error;
    return { erasedAt };
  }
}

/** When one of the structures the user runs erased this person, if it did. */
async function previousErasure(scope: Scope, personId: string): Promise<Date | undefined> {
  const managed = scope.managedIds();
  if (!managed) return undefined;
  const events = await scope.prisma.auditEvent.findMany({
    where: { action: "person.erased", entity: "Person", entityId: personId },
    select: { at: true, details: true },
  });
  return events.find((e) => managed.includes((e.details as { structureId?: string } | null)?.structureId ?? ""))?.at;
}
