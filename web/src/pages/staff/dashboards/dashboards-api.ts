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
  /** The period shown when the address asks for none (the server's today). */
  period: { from: string; to: string };
}

/** A filter the server refused (422: malformed; 404: not one the user follows), with its reason per field. */
export interface Refused {
  message: string;
  fields: Record<string, string>;
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

/** The figures, or why the filters were refused: the page says it beside the form instead of failing. */
export const getDashboardFigures = query(
  async (search: DashboardSearch): Promise<{ figures: DashboardFigures } | { refused: Refused }> => {
    const response = await dashboards.index.$get({ query: search });
    if (response.status === 422 || response.status === 404) {
      const { error } = (await response.json()) as unknown as { error: { message: string; fields?: Record<string, string> } };
      return { refused: { message: error.message, fields: error.fields ?? {} } };
    }
    if (response.status !== 200) throw await toApiError(response);
    return { figures: (await response.json()) as unknown as DashboardFigures };
  },
  "dashboardFigures",
);
