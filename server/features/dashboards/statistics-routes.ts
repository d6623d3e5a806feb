import { createRoute, z } from "@hono/zod-openapi";
import type { Roles } from "../../auth/policy.ts";
import type { Deps } from "../../context.ts";
import { addDays, DEFAULT_ZONE, firstOfMonthBefore, localDateOf } from "../../domain/time.ts";
import { csvHeaders } from "../../http/csv.ts";
import { createRouter } from "../../http/router.ts";
import { json } from "../../http/staff-routes.ts";
import { resolveCoverage } from "./coverage.ts";
import { figuresCsv, TABLE_FILE_NAMES } from "./csv.ts";
import { figuresOf } from "./figures.ts";
import { loadFacts } from "./load-facts.ts";
import { PublicStatistics } from "./schemas.ts";

// The public statistics (open data): the SPRO's activity over the last twelve months, by month
// and by network, with the dashboards' masking. No personal data: only counts and delays.

const REGION: Roles = { regionalAdmin: true, memberships: [], territories: [] };

/**
 * Twelve months at most, to yesterday: from the first day of the month eleven months ago, or of
 * the first month with an appointment if later (a platform in service since May has no figures
 * for the months before, only zeros that would mislead).
 */
async function computeFigures({ db, clock }: Pick<Deps, "db" | "clock">) {
  const to = addDays(localDateOf(clock.now(), DEFAULT_ZONE), -1);
  const first = (await db.prisma.appointment.aggregate({ _min: { startsAt: true } }))._min.startsAt;
  const start = firstOfMonthBefore(to, 11);
  const firstMonth = first ? firstOfMonthBefore(localDateOf(first, DEFAULT_ZONE), 0) : start;
  const coverage = await resolveCoverage(db, REGION, { from: firstMonth > start && firstMonth <= to ? firstMonth : start, to });
  const facts = await loadFacts(db, coverage);
  return { byMonth: figuresOf(facts, coverage, "month"), byNetwork: figuresOf(facts, coverage, "network") };
}

/**
 * Anyone may ask, and the answer takes the whole region's rows: each instance keeps it ten
 * minutes (per database), so that a crowd of visitors, or a loop, costs one computation.
 */
const KEEP_MS = 10 * 60_000;
const cache = new WeakMap<object, { until: number; figures: ReturnType<typeof computeFigures> }>();
function publicFigures(deps: Pick<Deps, "db" | "clock">) {
  const now = deps.clock.now().getTime();
  const kept = cache.get(deps.db);
  if (kept && kept.until > now) return kept.figures;
  const figures = computeFigures(deps);
  cache.set(deps.db, { until: now + KEEP_MS, figures });
  // A failure is not kept: the next visitor tries again.
  figures.catch(() => cache.delete(deps.db));
  return figures;
}

const get = createRoute({
  method: "get",
  path: "/",
  tags: ["Statistiques publiques"],
  summary:
    "L'activité du SPRO sur douze mois au plus (depuis le premier rendez-vous), par mois et par réseau (effectifs masqués : null)",
  responses: { 200: json(PublicStatistics, "Les chiffres, sans aucune donnée personnelle.") },
});

const exported = createRoute({
  method: "get",
  path: "/export",
  tags: ["Statistiques publiques"],
  summary:
    "Les mêmes chiffres en CSV (UTF-8 avec BOM, point-virgule) : les rendez-vous par mois ou par réseau, les délais d'attente, les orientations et leurs flux entre réseaux",
  request: {
    query: z.object({
      table: z
        .enum(
          ["activity", "waiting", "referrals", "network-flows"],
          "« activity », « waiting », « referrals » ou « network-flows ».",
        )
        .default("activity"),
      by: z
        .enum(["month", "network"], "« month » ou « network ».")
        .default("month")
        .openapi({ description: "Pour « activity » : une ligne par mois ou par réseau." }),
    }),
  },
  responses: { 200: { description: "text/csv" } },
});

export const statistics = createRouter()
  .openapi(get, async (c) => {
    const { byMonth, byNetwork } = await publicFigures(c.var.deps);
    c.header("Cache-Control", "public, max-age=3600");
    return c.json(
      {
        period: byMonth.period,
        total: byMonth.activity.total,
        months: byMonth.activity.rows,
        networks: byNetwork.activity.rows,
        waiting: byMonth.waiting.map(({ series, ...w }) => w),
        referrals: { ...byMonth.referrals, structureFlows: undefined },
      },
      200,
    );
  })
  .openapi(exported, async (c) => {
    const { table, by } = c.req.valid("query");
    const { byMonth, byNetwork } = await publicFigures(c.var.deps);
    const figures = table === "activity" && by === "network" ? byNetwork : byMonth;
    const name =
      table === "activity" ? `${TABLE_FILE_NAMES.activity}-par-${by === "month" ? "mois" : "reseau"}` : TABLE_FILE_NAMES[table];
    return c.body(
      figuresCsv(figures, table),
      200,
      csvHeaders(`rdv-orientation-statistiques-${name}-${figures.period.from}-${figures.period.to}.csv`),
    );
  });
