import { z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { csvHeaders } from "../../http/csv.ts";
import { localDate } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, staffRoute } from "../../http/staff-routes.ts";
import { BREAKDOWNS } from "./coverage.ts";
import { TABLES } from "./csv.ts";
import { exportFigures } from "./export-figures.ts";
import { filterChoices } from "./filter-choices.ts";
import { DashboardChoices, DashboardFigures } from "./schemas.ts";
import { showFigures } from "./show-figures.ts";

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
    "Les chiffres : rendez-vous et leur issue, canaux, part du temps offert réservée, délais, orientations, liste d'attente (effectifs de moins de 5 masqués : null)",
  request: { query: Filters },
  responses: { 200: json(DashboardFigures, "Les chiffres de la période.") },
});

const exported = dashboardRoute({
  method: "get",
  path: "/export",
  summary:
    "Les mêmes chiffres en CSV (UTF-8 avec BOM, point-virgule) : activité, délais d'attente, orientations, leurs flux entre structures ou entre réseaux, liste d'attente",
  request: {
    query: Filters.extend({
      table: z
        .enum(TABLES, "« activity », « waiting », « referrals », « flows », « network-flows » ou « waitlist ».")
        .openapi({ description: "Le tableau exporté." }),
    }),
  },
  responses: { 200: { description: "text/csv" } },
});

export const dashboards = createRouter()
  .openapi(choices, async (c) => c.json(await act(c, "dashboards", filterChoices), 200))
  .openapi(figures, async (c) => c.json(await act(c, "dashboards", showFigures, c.req.valid("query")), 200))
  .openapi(exported, async (c) => {
    const deps = await staffDeps(c, "dashboards");
    const { csv, fileName } = await exportFigures({ ...deps, input: c.req.valid("query") });
    return c.body(csv, 200, csvHeaders(fileName));
  });
