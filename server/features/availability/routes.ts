import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireArea } from "../../auth/http.ts";
import type { AppEnv } from "../../context.ts";
import { changedFields } from "../../db/audit.ts";
import type { Tx } from "../../db/database.ts";
import { localInstant, parseTime, toZonedIso } from "../../domain/time.ts";
import { notFound, validationError } from "../../errors.ts";
import { dateProblem, eachOnce, localDate, text } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam, Mode } from "../admin/schemas.ts";
import { absenceReasonFor } from "../agenda/load-agenda.ts";
import { changeAvailability } from "./affected.ts";
import { Availability } from "./schemas.ts";

// The availability editor: an advisor's weekly ranges (plages) per site or remote, with the
// services they open, every N weeks, over a validity period; single dates are one-day ranges;
// absences. A change that would leave booked meetings outside the availability says which, and
// is made only once someone decides: keep them, or cancel them and tell the people.

const availabilityRoute = staffRoute("Disponibilités");
const hhmm = z.string().refine((v) => parseTime(v) !== undefined, "heure attendue au format HH:MM, par exemple 09:30.");
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "date et heure attendues au format AAAA-MM-JJTHH:MM.")
  .superRefine((v, ctx) => {
    const message = dateProblem(v.slice(0, 10)) ?? (parseTime(v.slice(11)) === undefined ? "heure inexistante." : undefined);
    if (message) ctx.addIssue({ code: "custom", message });
  });
const OnBooked = z
  .enum(["keep", "cancel"], "« keep » (garder les rendez-vous) ou « cancel » (les annuler en prévenant les personnes).")
  .optional();

const ruleFields = {
  siteId: z.uuid("identifiant de lieu attendu.").nullable(),
  modes: z.array(Mode).min(1, "au moins une modalité.").refine(eachOnce, "chaque modalité une seule fois."),
  weekdays: z
    .array(z.int().min(1).max(7))
    .min(1, "au moins un jour de la semaine.")
    .refine(eachOnce, "chaque jour une seule fois."),
  startTime: hhmm,
  endTime: hhmm,
  validFrom: localDate,
  validUntil: localDate.nullable().optional(),
  everyWeeks: z.int().min(1, "1 au moins.").max(8, "8 au plus.").optional(),
  onHolidays: z.boolean().optional(),
  offeringIds: z.array(z.uuid()).min(1, "au moins un service.").refine(eachOnce, "chaque service une seule fois."),
};
const RuleInput = z.object({ advisorId: z.uuid(), structureId: z.uuid(), ...ruleFields, onBooked: OnBooked }).strict();
const RulePatch = z
  .object({ ...ruleFields, onBooked: OnBooked })
  .partial()
  .strict();
const AbsenceInput = z
  .object({
    advisorId: z.uuid(),
    structureId: z.uuid().openapi({ description: "La structure dont le fuseau donne l'heure locale." }),
    start: localDateTime,
    end: localDateTime,
    reason: text(200).optional(),
    onBooked: OnBooked,
  })
  .strict();
const Changed = json(
  z.object({
    id: z.uuid(),
    affected: z.int(),
    cancelled: z.int(),
    conflicts: z.array(z.object({ start: z.string(), end: z.string() })).openapi({
      description: "Rendez-vous du conseiller dans ses autres structures pendant l'absence : l'heure seulement ; ils restent.",
    }),
  }),
  "Fait ; `affected` rendez-vous de la structure étaient concernés, `cancelled` ont été annulés.",
);

const view = availabilityRoute({
  method: "get",
  path: "/",
  summary: "Les plages et absences d'un conseiller dans une structure, avec les lieux et offres à choisir",
  request: {
    query: z.object({
      advisor: z.uuid("identifiant de conseiller attendu."),
      structure: z.uuid("identifiant de structure attendu."),
    }),
  },
  responses: { 200: json(Availability, "Les plages (dates locales), les absences à venir, les lieux et offres.") },
});
const createRule = availabilityRoute({
  method: "post",
  path: "/rules",
  summary: "Ajouter une plage (un jour seul : validFrom = validUntil)",
  request: { body: jsonBody(RuleInput) },
  responses: { 201: Changed },
});
const updateRule = availabilityRoute({
  method: "patch",
  path: "/rules/{id}",
  summary: "Modifier une plage ; 409 avec les rendez-vous concernés tant que onBooked n'est pas choisi",
  request: { params: IdParam, body: jsonBody(RulePatch) },
  responses: { 200: Changed },
});
const deleteRule = availabilityRoute({
  method: "delete",
  path: "/rules/{id}",
  summary: "Supprimer une plage ; 409 avec les rendez-vous concernés tant que onBooked n'est pas choisi",
  request: { params: IdParam, query: z.object({ onBooked: OnBooked }) },
  responses: { 200: Changed },
});
const createAbsence = availabilityRoute({
  method: "post",
  path: "/absences",
  summary: "Déclarer une absence (une partie de journée ou plusieurs jours)",
  request: { body: jsonBody(AbsenceInput) },
  responses: { 201: Changed },
});
const deleteAbsence = availabilityRoute({
  method: "delete",
  path: "/absences/{id}",
  summary: "Supprimer une absence",
  request: { params: IdParam },
  responses: { 200: Changed },
});

/** The advisor and structure the user may edit, or a 404 (also for an advisor not of the structure). */
async function editable(c: Context<AppEnv>, advisorId: string, structureId: string) {
  const scope = await requireArea(c, "agenda");
  const structure = scope.editsAvailability(advisorId, structureId)
    ? await scope.prisma.structure.findFirst({
        where: { id: structureId, memberships: { some: { userId: advisorId, role: "advisor" } } },
        select: { id: true, timeZone: true },
      })
    : null;
  if (!structure) throw notFound("Conseiller");
  return { scope, structure };
}

/** Sites and offerings named by a range must be the structure's; a remote range has no site and no « sur place ». */
async function checkRule(
  tx: Tx | Context<AppEnv>["var"]["deps"]["db"]["prisma"],
  structureId: string,
  rule: Partial<z.infer<typeof RuleInput>>,
) {
  if (rule.startTime && rule.endTime && rule.endTime <= rule.startTime)
    throw validationError({ endTime: "La fin doit suivre le début." });
  if (rule.validFrom && rule.validUntil && rule.validUntil < rule.validFrom) {
    throw validationError({ validUntil: "La fin de validité ne peut précéder son début." });
  }
  if (rule.siteId === null && rule.modes?.includes("onsite")) {
    throw validationError({ modes: "Une plage à distance (sans lieu) n'accueille pas sur place." });
  }
  if (rule.siteId && !(await tx.site.count({ where: { id: rule.siteId, structureId, active: true } }))) {
    throw validationError({ siteId: "Ce lieu n'est pas un lieu ouvert de la structure." });
  }
  if (
    rule.offeringIds &&
    (await tx.offering.count({ where: { id: { in: rule.offeringIds }, structureId } })) !== rule.offeringIds.length
  ) {
    throw validationError({ offeringIds: "Un de ces services n'est pas offert par la structure." });
  }
}

const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

export const availability = createRouter()
  .openapi(view, async (c) => {
    const { advisor, structure: structureId } = c.req.valid("query");
    const { scope, structure } = await editable(c, advisor, structureId);
    const db = c.var.deps.db;
    const [rules, absences, options] = await Promise.all([
      db.prisma.availabilityRule.findMany({
        where: { advisorId: advisor, structureId },
        orderBy: [{ validFrom: "asc" }, { startTime: "asc" }],
        include: { offerings: { select: { offeringId: true } } },
      }),
      db.prisma.absence.findMany({
        where: { advisorId: advisor, endsAt: { gt: c.var.deps.clock.now() } },
        orderBy: { startsAt: "asc" },
      }),
      db.prisma.structure.findUniqueOrThrow({
        where: { id: structureId },
        select: {
          sites: { where: { active: true }, select: { id: true, name: true } },
          offerings: { where: { active: true }, select: { id: true, service: { select: { name: true } } } },
        },
      }),
    ]);
    return c.json(
      {
        zone: structure.timeZone,
        rules: rules.map(({ offerings, validFrom, validUntil, createdAt: _, ...r }) => ({
          ...r,
          validFrom: day(validFrom),
          validUntil: day(validUntil),
          offeringIds: offerings.map((o) => o.offeringId),
        })),
        absences: absences.map((a) => ({
          id: a.id,
          start: toZonedIso(a.startsAt, structure.timeZone),
          end: toZonedIso(a.endsAt, structure.timeZone),
          reason: absenceReasonFor(scope, a),
          /** Declared by this structure (or by the advisor's only one): it may remove it. */
          removable: a.structureId === null || a.structureId === structureId,
        })),
        ...options,
      },
      200,
    );
  })
  .openapi(createRule, async (c) => {
    const { advisorId, structureId, onBooked, offeringIds, validFrom, validUntil, ...rule } = c.req.valid("json");
    await editable(c, advisorId, structureId);
    await checkRule(c.var.deps.db.prisma, structureId, { ...rule, validFrom, validUntil, offeringIds });
    const result = await changeAvailability(
      c,
      { advisorIds: [advisorId], structureId, onBooked },
      { action: "rule.create", entity: "AvailabilityRule" },
      (tx) =>
        tx.availabilityRule.create({
          data: {
            ...rule,
            advisorId,
            structureId,
            validFrom: toDate(validFrom),
            validUntil: validUntil ? toDate(validUntil) : null,
            offerings: { create: offeringIds.map((offeringId) => ({ offeringId })) },
          },
          select: { id: true },
        }),
    );
    return c.json(result, 201);
  })
  .openapi(updateRule, async (c) => {
    const { id } = c.req.valid("param");
    const current = await c.var.deps.db.prisma.availabilityRule.findUnique({ where: { id }, include: { offerings: true } });
    if (!current) throw notFound("Plage");
    await editable(c, current.advisorId, current.structureId);
    const { onBooked, offeringIds, validFrom, validUntil, ...patch } = c.req.valid("json");
    const before = {
      ...current,
      validFrom: day(current.validFrom),
      validUntil: day(current.validUntil),
      offeringIds: current.offerings.map((o) => o.offeringId),
    };
    await checkRule(c.var.deps.db.prisma, current.structureId, {
      ...before,
      ...patch,
      validFrom: validFrom ?? before.validFrom ?? undefined,
      validUntil: validUntil !== undefined ? validUntil : before.validUntil,
      offeringIds: offeringIds ?? before.offeringIds,
    });
    const fields = changedFields({ ...patch, validFrom, validUntil, offeringIds }, before);
    const target = { advisorIds: [current.advisorId], structureId: current.structureId, onBooked };
    const result = await changeAvailability(
      c,
      target,
      { action: "rule.update", entity: "AvailabilityRule", fields },
      async (tx) => {
        if (offeringIds) {
          await tx.availabilityRuleOffering.deleteMany({ where: { ruleId: id } });
          await tx.availabilityRuleOffering.createMany({ data: offeringIds.map((offeringId) => ({ ruleId: id, offeringId })) });
        }
        return tx.availabilityRule.update({
          where: { id },
          data: {
            ...patch,
            ...(validFrom && { validFrom: toDate(validFrom) }),
            ...(validUntil !== undefined && { validUntil: validUntil ? toDate(validUntil) : null }),
          },
          select: { id: true },
        });
      },
    );
    return c.json(result, 200);
  })
  .openapi(deleteRule, async (c) => {
    const { id } = c.req.valid("param");
    const current = await c.var.deps.db.prisma.availabilityRule.findUnique({ where: { id } });
    if (!current) throw notFound("Plage");
    await editable(c, current.advisorId, current.structureId);
    const target = { advisorIds: [current.advisorId], structureId: current.structureId, onBooked: c.req.valid("query").onBooked };
    const result = await changeAvailability(c, target, { action: "rule.delete", entity: "AvailabilityRule" }, (tx) =>
      tx.availabilityRule.delete({ where: { id }, select: { id: true } }),
    );
    return c.json(result, 200);
  })
  .openapi(createAbsence, async (c) => {
    const { advisorId, structureId, start, end, reason, onBooked } = c.req.valid("json");
    const { structure } = await editable(c, advisorId, structureId);
    const instant = (local: string, field: string) => {
      const at = localInstant(local.slice(0, 10), parseTime(local.slice(11)) ?? 0, structure.timeZone);
      if (!at) throw validationError({ [field]: "Cette heure n'existe pas ce jour-là (passage à l'heure d'été)." });
      return at;
    };
    const startsAt = instant(start, "start");
    const endsAt = instant(end, "end");
    if (endsAt <= startsAt) throw validationError({ end: "La fin doit suivre le début." });
    const result = await changeAvailability(
      c,
      { advisorIds: [advisorId], structureId, onBooked, span: { from: startsAt, to: endsAt } },
      { action: "absence.create", entity: "Absence" },
      (tx) =>
        tx.absence.create({ data: { advisorId, structureId, startsAt, endsAt, reason: reason ?? "" }, select: { id: true } }),
    );
    return c.json(result, 201);
  })
  .openapi(deleteAbsence, async (c) => {
    const { id } = c.req.valid("param");
    const scope = await requireArea(c, "agenda");
    const db = c.var.deps.db;
    const absence = await db.prisma.absence.findUnique({
      where: { id },
      select: {
        advisorId: true,
        structureId: true,
        advisor: { select: { memberships: { where: { role: "advisor" }, select: { structureId: true } } } },
      },
    });
    // Whoever may edit the advisor's availability in the structure that declared it (in one of
    // their structures, for an absence declared before structures were told apart).
    const structureId = absence?.advisor.memberships
      .map((m) => m.structureId)
      .find((s) => (absence.structureId ?? s) === s && scope.editsAvailability(absence.advisorId, s));
    if (!absence || !structureId) throw notFound("Absence");
    const result = await changeAvailability(
      c,
      { advisorIds: [absence.advisorId], structureId, onBooked: "keep" },
      { action: "absence.delete", entity: "Absence" },
      (tx) => tx.absence.delete({ where: { id }, select: { id: true } }),
    );
    return c.json(result, 200);
  });
