import type { Deps } from "../../context.ts";
import { publicFigures } from "./public-figures.ts";

/** The public statistics: the period, its total, a row per month and per network, delays and referrals. */
export async function showStatistics(deps: Pick<Deps, "db" | "clock">) {
  const { byMonth, byNetwork } = await publicFigures(deps);
  return {
    period: byMonth.period,
    total: byMonth.activity.total,
    months: byMonth.activity.rows,
    networks: byNetwork.activity.rows,
    waiting: byMonth.waiting.map(({ series, ...w }) => w),
    referrals: { ...byMonth.referrals, structureFlows: undefined },
  };
}
