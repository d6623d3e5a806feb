import { createRoute, z } from "@hono/zod-openapi";
import { csvHeaders } from "../../http/csv.ts";
import { createRouter } from "../../http/router.ts";
import { json } from "../../http/staff-routes.ts";
import { exportStatistics } from "./export-statistics.ts";
import { PublicStatistics } from "./schemas.ts";
import { showStatistics } from "./show-statistics.ts";

// The public statistics (open data): the SPRO's activity over the last twelve months, by month
// and by network, with the dashboards' masking. No personal data: only counts and delays.

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
    const body = await showStatistics(c.var.deps);
    c.header("Cache-Control", "public, max-age=3600");
    return c.json(body, 200);
  })
  .openapi(exported, async (c) => {
    const { csv, fileName } = await exportStatistics({ ...c.var.deps, input: c.req.valid("query") });
    return c.body(csv, 200, csvHeaders(fileName));
  });
