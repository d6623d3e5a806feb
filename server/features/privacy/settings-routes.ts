import { z } from "@hono/zod-openapi";
import { act } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "../admin/route.ts";
import { listJobRuns } from "./list-job-runs.ts";
import { previewRetention } from "./preview-retention.ts";
import { DPO_CONTACT_MAX, LEGAL_TEXT_MAX, LegalNotice, RETENTION_MONTHS } from "./settings.ts";
import { showSettings } from "./show-settings.ts";
import { updateSettings } from "./update-settings.ts";

// The Région's side of the data lifecycle: how long personal data is kept, whom people write to
// about it (the data protection officer), and what the daily jobs did (anonymised persons, purged log) so that it can answer for it.

const { min, max } = RETENTION_MONTHS;
const Months = z
  .int("La durée de conservation : nombre entier de mois attendu.")
  .min(min, `La durée de conservation : ${min} mois au moins.`)
  .max(max, `La durée de conservation : ${max} mois (10 ans) au plus.`);
/** A text of the legal notice: a name, an address, a phone number (LEGAL_TEXT_MAX). */
const legalText = (label: string, description: string) =>
  z
    .string(`${label} : texte attendu.`)
    .trim()
    .max(LEGAL_TEXT_MAX, `${label} : ${LEGAL_TEXT_MAX} caractères au plus.`)
    .openapi({ description });

const Settings = z
  .object({
    retentionMonths: Months.optional().openapi({
      description: "Mois de conservation après le dernier rendez-vous ou la dernière orientation d'une personne.",
    }),
    dpoContact: z
      .string("Le contact du délégué à la protection des données : texte attendu.")
      .trim()
      .max(DPO_CONTACT_MAX, `Le contact du délégué à la protection des données : ${DPO_CONTACT_MAX} caractères au plus.`)
      // With an @ it is an e-mail address, which the notice turns into a link: it must be one.
      .refine(
        (value) => !value.includes("@") || z.email().safeParse(value).success,
        "Le contact du délégué à la protection des données : adresse électronique invalide, par exemple dpo@exemple.fr (ou une adresse postale).",
      )
      .optional()
      .openapi({
        description:
          "Contact du délégué à la protection des données, montré dans la notice publique : une adresse électronique ou postale ; vide, la notice renvoie à l'adresse postale de la Région.",
      }),
    publisher: legalText(
      "L'éditeur du site",
      "Éditeur du site : nom, adresse et téléphone, montrés dans les mentions légales.",
    ).optional(),
    publicationDirector: legalText(
      "Le directeur ou la directrice de la publication",
      "Directeur ou directrice de la publication (nom et qualité), montré dans les mentions légales.",
    ).optional(),
    host: legalText(
      "L'hébergeur",
      "Hébergeur du site : nom, adresse et téléphone, montrés dans les mentions légales.",
    ).optional(),
    accessibilityContact: legalText(
      "Le contact pour l'accessibilité",
      "Où signaler un défaut d'accessibilité : une adresse électronique ou l'adresse web d'un formulaire ; vide, la déclaration d'accessibilité renvoie à la structure la plus proche.",
    )
      .refine(
        (value) => value === "" || z.email().safeParse(value).success || z.url({ protocol: /^https$/ }).safeParse(value).success,
        "Le contact pour l'accessibilité : adresse électronique ou adresse web en https:// attendue, par exemple accessibilite@exemple.fr.",
      )
      .optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: "Un réglage au moins est attendu : durée de conservation, contact du délégué, mentions légales.",
    path: ["retentionMonths"],
  });

const read = adminRoute({
  method: "get",
  path: "/settings",
  summary:
    "Les réglages de la plateforme : la durée de conservation des données personnelles, le contact du délégué à la protection des données (Région)",
  responses: {
    200: json(
      z.object({ retentionMonths: z.int(), min: z.int(), max: z.int(), dpoContact: z.string() }).extend(LegalNotice.shape),
      "La durée en mois et les bornes que la Région peut choisir ; le contact du délégué et les mentions légales (vides s'ils ne sont pas renseignés).",
    ),
  },
});

const update = adminRoute({
  method: "patch",
  path: "/settings",
  summary:
    "Changer la durée de conservation (s'applique au prochain passage quotidien), le contact du délégué à la protection des données, les mentions légales ou le contact pour l'accessibilité (Région)",
  request: { body: jsonBody(Settings) },
  responses: done,
});

const preview = adminRoute({
  method: "get",
  path: "/settings/retention-preview",
  summary: "Combien de personnes le prochain passage quotidien anonymiserait avec cette durée de conservation (Région)",
  request: {
    query: z.object({
      months: z.coerce.number("La durée de conservation : nombre entier de mois attendu.").pipe(Months),
    }),
  },
  responses: { 200: json(z.object({ persons: z.int() }), "Le nombre de personnes, sans rien qui les désigne.") },
});

const Run = z.object({
  job: z.string(),
  day: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.record(z.string(), z.number()).nullable(),
});

const runs = adminRoute({
  method: "get",
  path: "/job-runs",
  summary: "Les traitements quotidiens des sept derniers jours et ce qu'ils ont fait (Région)",
  responses: { 200: json(z.object({ runs: z.array(Run) }), "Du plus récent au plus ancien.") },
});

export const privacySettings = createRouter()
  .openapi(read, async (c) => c.json(await act(c, "directory", showSettings), 200))
  .openapi(update, async (c) => c.json(await act(c, "directory", updateSettings, c.req.valid("json")), 200))
  .openapi(preview, async (c) => c.json(await act(c, "directory", previewRetention, c.req.valid("query")), 200))
  .openapi(runs, async (c) => c.json(await act(c, "directory", listJobRuns), 200));
