import { z } from "@hono/zod-openapi";
import { requireArea, requireRegion } from "../../auth/roles.ts";
import { DEFAULT_ZONE, localDateOf } from "../../domain/time.ts";
import { createRouter } from "../../http/router.ts";
import { audited, done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "../admin/route.ts";
import { RETENTION_MONTHS, retentionMonths } from "./settings.ts";

// The Région's side of the data lifecycle: how long personal data is kept, and what the daily
// jobs did (anonymised persons, purged log) so that it can answer for it.

const { min, max } = RETENTION_MONTHS;
const Settings = z.object({
  retentionMonths: z
    .int("nombre entier de mois attendu.")
    .min(min, `${min} mois au moins.`)
    .max(max, `${max} mois (10 ans) au plus.`)
    .openapi({ description: "Mois de conservation après le dernier rendez-vous ou la dernière orientation d'une personne." }),
});

const read = adminRoute({
  method: "get",
  path: "/settings",
  summary: "Les réglages de la plateforme : la durée de conservation des données personnelles (Région)",
  responses: {
    200: json(
      z.object({ retentionMonths: z.int(), min: z.int(), max: z.int() }),
      "La durée en mois, et les bornes que la Région peut choisir.",
    ),
  },
});

const update = adminRoute({
  method: "patch",
  path: "/settings",
  summary: "Changer la durée de conservation (Région) : s'applique au prochain passage quotidien",
  request: { body: jsonBody(Settings.strict()) },
  responses: done,
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
    const { roles } = await requireArea(c, "directory");
    requireRegion(roles);
    return c.json({ retentionMonths: await retentionMonths(c.var.deps.db), min, max }, 200);
  })
  .openapi(update, async (c) => {
    const { roles } = await requireArea(c, "directory");
    requireRegion(roles);
    const { retentionMonths: months } = c.req.valid("json");
    await audited(c, { action: "settings.update", entity: "PlatformSettings", details: { fields: ["retentionMonths"] } }, (tx) =>
      tx.platformSettings
        .upsert({ where: { id: 1 }, create: { id: 1, retentionMonths: months }, update: { retentionMonths: months } })
        .then(() => ({ id: "1" })),
    );
    return c.json({}, 200);
  })
  .openapi(runs, async (c) => {
    const { roles } = await requireArea(c, "directory");
    requireRegion(roles);
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
