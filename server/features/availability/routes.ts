import { z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { parseTime } from "../../domain/time.ts";
import { dateProblem, eachOnce, localDate, text } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam, Mode } from "../admin/schemas.ts";
import { addRule } from "./add-rule.ts";
import { changeRule } from "./change-rule.ts";
import { declareAbsence } from "./declare-absence.ts";
import { ruleToChange } from "./editable.ts";
import { removeAbsence } from "./remove-absence.ts";
import { removeRule } from "./remove-rule.ts";
import { Availability, AvailabilityChange } from "./schemas.ts";
import { viewAvailability } from "./view-availability.ts";

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
  AvailabilityChange,
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

export const availability = createRouter()
  .openapi(view, async (c) => c.json(await act(c, "agenda", viewAvailability, c.req.valid("query")), 200))
  .openapi(createRule, async (c) => c.json(await act(c, "agenda", addRule, c.req.valid("json")), 201))
  .openapi(updateRule, async (c) => {
    // The range first, then the user's rights: an unknown id has always been a 404, for anyone.
    const rule = await ruleToChange(c.var.deps.db, c.req.valid("param").id);
    const deps = await staffDeps(c, "agenda");
    return c.json(await changeRule({ ...deps, rule, input: c.req.valid("json") }), 200);
  })
  .openapi(deleteRule, async (c) => {
    const rule = await ruleToChange(c.var.deps.db, c.req.valid("param").id);
    const deps = await staffDeps(c, "agenda");
    return c.json(await removeRule({ ...deps, rule, input: c.req.valid("query") }), 200);
  })
  .openapi(createAbsence, async (c) => c.json(await act(c, "agenda", declareAbsence, c.req.valid("json")), 201))
  .openapi(deleteAbsence, async (c) => c.json(await act(c, "agenda", removeAbsence, c.req.valid("param")), 200));
