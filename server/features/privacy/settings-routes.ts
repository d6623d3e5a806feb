import { z } from "@hono/zod-openapi";
import { requireArea, requireStaff } from "../../auth/http.ts";
import { recordAudit } from "../../db/audit.ts";
import { DEFAULT_ZONE, localDateOf } from "../../domain/time.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "../admin/route.ts";
import { countExpired } from "./retention.ts";
import { DPO_CONTACT_MAX, platformSettings, RETENTION_MONTHS } from "./settings.ts";

// The Région's side of the data lifecycle: how long personal data is kept, whom people write to
// about it (the data protection officer), and what the daily jobs did (anonymised persons, purged log) so that it can answer for it.

const { min, max } = RETENTION_MONTHS;
const Months = z
  .int("La durée de conservation : nombre entier de mois attendu.")
  .min(min, `La durée de conservation : ${min} mois au moins.`)
  .max(max, `La durée de conservation : ${max} mois (10 ans) au plus.`);
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
  })
  .strict()
  .refine((body) => body.retentionMonths !== undefined || body.dpoContact !== undefined, {
    message: "La durée de conservation ou le contact du délégué à la protection des données est attendu.",
    path: ["retentionMonths"],
  });

const read = adminRoute({
  method: "get",
  path: "/settings",
  summary:
    "Les réglages de la plateforme : la durée de conservation des données personnelles, le contact du délégué à la protection des données (Région)",
  responses: {
    200: json(
      z.object({ retentionMonths: z.int(), min: z.int(), max: z.int(), dpoContact: z.string() }),
      "La durée en mois et les bornes que la Région peut choisir ; le contact du délégué (vide s'il n'est pas renseigné).",
    ),
  },
});

const update = adminRoute({
  method: "patch",
  path: "/settings",
  summary:
    "Changer la durée de conservation (s'applique au prochain passage quotidien) ou le contact du délégué à la protection des données (Région)",
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
  .openapi(read, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    return c.json({ ...(await platformSettings(c.var.deps.db)), min, max }, 200);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const body = c.req.valid("json");
    const current = await platformSettings(c.var.deps.db);
    const changes = (["retentionMonths", "dpoContact"] as const).filter(
      (field) => body[field] !== undefined && body[field] !== current[field],
    );
    if (changes.length === 0) return c.json({}, 200);
    // One audit event per setting: each carries its old and new value (a period, the officer's
    // public contact: nobody's personal data), so that the log says what the rule was before.
    await scope.prisma.$transaction(async (tx) => {
      await tx.platformSettings.upsert({
        where: { id: 1 },
        create: { id: 1, ...current, ...body },
        update: Object.fromEntries(changes.map((field) => [field, body[field]])),
      });
      for (const field of changes) {
        await recordAudit(
          tx,
          {
            actorId: requireStaff(c).user.id,
            action: "settings.update",
            entity: "PlatformSettings",
            entityId: "1",
            details: { fields: [field], change: { field, from: current[field], to: body[field] as number | string } },
          },
          c.var.deps.clock.now(),
        );
      }
    });
    return c.json({}, 200);
  })
  .openapi(preview, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { db, clock } = c.var.deps;
    return c.json({ persons: await countExpired(db, clock.now(), c.req.valid("query").months) }, 200);
  })
  .openapi(runs, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { clock, db } = c.var.deps;
    const today = new Date(`${localDateOf(clock.now(), DEFAULT_ZONE)}T00:00:00Z`);
    const found = await db.prisma.jobRun.findMany({
      where: { day: { gt: new Date(today.getTime() - 7 * 86_400_000) } },
      orderBy: [{ day: "desc" }, { startedAt: "asc" }],
    });
    return c.json(
      {
        runs: found.map((r) => ({
          job: r.job,
          day: r.day.toISOString().slice(0, 10),
          startedAt: r.startedAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
          result: (r.result as Record<string, number> | null) ?? null,
        })),
      },
      200,
    );
  });
