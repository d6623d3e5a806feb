import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireArea } from "../../auth/http.ts";
import type { AppEnv } from "../../context.ts";
import { DEFAULT_ZONE, firstOfMonthBefore, localDateOf } from "../../domain/time.ts";
import { csvHeaders } from "../../http/csv.ts";
import { localDate } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, staffRoute } from "../../http/staff-routes.ts";
import { BREAKDOWNS, coverageChoices, resolveCoverage } from "./coverage.ts";
import { figuresCsv, TABLE_FILE_NAMES, TABLES } from "./csv.ts";
import { dashboardFigures } from "./figures.ts";
import { DashboardChoices, DashboardFigures } from "./schemas.ts";

// The coordination dashboards: a territory's figures for its coordinators, every territory's for
// the Région. Shown outside the structures, so small counts are masked (domain/statistics.ts).

const dashboardRoute = staffRoute("Tableaux de bord");

const Filters = z.object({
  from: localDate
    .optional()
    .openapi({ description: "Premier jour (défaut : le 1er du mois, deux mois avant la fin : trois mois en tout)." }),
  to: localDate.optional().openapi({ description: "Dernier jour, inclus (défaut : aujourd'hui)." }),
  territory: z.string().max(80).optional().openapi({ description: "Un territoire (son slug)." }),
  network: z.string().max(80).optional().openapi({ description: "Un réseau (son slug)." }),
  structure: z.uuid("identifiant de structure attendu.").optional(),
  service: z.string().max(80).optional().openapi({ description: "Un service (son slug)." }),
  by: z
    .enum(BREAKDOWNS, "« territory », « network », « structure », « service » ou « month ».")
    .default("month")
    .openapi({ description: "Les lignes du tableau : par territoire, réseau, structure, service ou mois." }),
});

const choices = dashboardRoute({
  method: "get",
  path: "/filters",
  summary: "Ce que les filtres proposent (territoires suivis, réseaux, structures, services) et la période par défaut",
  responses: { 200: json(DashboardChoices, "Les choix.") },
});

const figures = dashboardRoute({
  method: "get",
  path: "/",
  summary:
    "Les chiffres : rendez-vous et leur issue, canaux, part du temps offert réservée, délais, orientations (effectifs de moins de 5 masqués : null)",
  request: { query: Filters },
  responses: { 200: json(DashboardFigures, "Les chiffres de la période.") },
});

const exported = dashboardRoute({
  method: "get",
  path: "/export",
  summary:
    "Les mêmes chiffres en CSV (UTF-8 avec BOM, point-virgule) : activité, délais d'attente, orientations, leurs flux entre structures ou entre réseaux",
  request: {
    query: Filters.extend({
      table: z
        .enum(TABLES, "« activity », « waiting », « referrals » ou « flows ».")
        .openapi({ description: "Le tableau exporté." }),
    }),
  },
  responses: { 200: { description: "text/csv" } },
});

/** The period shown when none is asked for: the current month and the two before it. */
function defaultPeriod(c: Context<AppEnv>, to?: string) {
  const end = to ?? localDateOf(c.var.deps.clock.now(), DEFAULT_ZONE);
  return { from: firstOfMonthBefore(end, 2), to: end };
}

async function coverageOf(c: Context<AppEnv>, query: z.infer<typeof Filters>) {
  const scope = await requireArea(c, "dashboards");
  const period = defaultPeriod(c, query.to);
  return resolveCoverage(c.var.deps.db, scope.roles, { ...query, from: query.from ?? period.from, to: period.to });
}

export const dashboards = createRouter()
  .openapi(choices, async (c) => {
    const scope = await requireArea(c, "dashboards");
    return c.json(await coverageChoices(c.var.deps.db, scope.roles, defaultPeriod(c)), 200);
  })
  .openapi(figures, async (c) => {
    const query = c.req.valid("query");
    return c.json(await dashboardFigures(c.var.deps.db, await coverageOf(c, query), query.by), 200);
  })
  .openapi(exported, async (c) => {
    const { table, ...query } = c.req.valid("query");
    const coverage = await coverageOf(c, query);
    const csv = figuresCsv(await dashboardFigures(c.var.deps.db, coverage, query.by), table);
    return c.body(csv, 200, csvHeaders(`rdv-orientation-${TABLE_FILE_NAMES[table]}-${coverage.from}-${coverage.to}.csv`));
  });
