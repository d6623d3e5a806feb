import { query } from "@solidjs/router";
import { hc } from "hono/client";
import type { DashboardsType } from "../../../../../server/app.ts";
import { toApiError } from "../../../lib/api.ts";
import type { Activity, ActivityRow, ReferralFigures, WaitingRow } from "../../figures/figures-types.ts";
import type { Breakdown, DashboardSearch } from "./dashboards-href.ts";

// The dashboards' calls. Their answers are declared loosely on the server (`passthrough`): they
// are typed here, once, from what it returns (server/features/dashboards/figures.ts, scope.ts).

const dashboards = hc<DashboardsType>("/api/dashboards");

interface Named {
  id: string;
  slug: string;
  name: string;
}

export interface DashboardChoices {
  territories: Named[];
  networks: Named[];
  structures: { id: string; name: string }[];
  services: Named[];
}

export interface DashboardFigures {
  period: { from: string; to: string };
  by: Breakdown;
  activity: { rows: ActivityRow[]; total: Activity };
  waiting: WaitingRow[];
  referrals: ReferralFigures;
}

export const getDashboardChoices = query(async (): Promise<DashboardChoices> => {
  const response = await dashboards.filters.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()) as unknown as DashboardChoices;
}, "dashboardChoices");

export const getDashboardFigures = query(async (search: DashboardSearch): Promise<DashboardFigures> => {
  const response = await dashboards.index.$get({ query: search });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()) as unknown as DashboardFigures;
}, "dashboardFigures");
