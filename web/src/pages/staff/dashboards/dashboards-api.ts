import { query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
import type { DashboardsType } from "../../../../../server/app.ts";
import { toApiError } from "../../../lib/api.ts";
import type { DashboardSearch } from "./dashboards-href.ts";

// The dashboards' calls, typed from the server's routes (server/features/dashboards/schemas.ts).

const dashboards = hc<DashboardsType>("/api/dashboards");

export type DashboardChoices = InferResponseType<typeof dashboards.filters.$get, 200>;
export type DashboardFigures = InferResponseType<typeof dashboards.index.$get, 200>;

/** A filter the server refused (422: malformed; 404: not one the user follows), with its reason per field. */
export interface Refused {
  message: string;
  fields: Record<string, string>;
}

export const getDashboardChoices = query(async (): Promise<DashboardChoices> => {
  const response = await dashboards.filters.$get();
  if (response.status !== 200) throw await toApiError(response);
  return await response.json();
}, "dashboardChoices");

/** The figures, or why the filters were refused: the page says it beside the form instead of failing. */
export const getDashboardFigures = query(
  async (search: DashboardSearch): Promise<{ figures: DashboardFigures } | { refused: Refused }> => {
    const response = await dashboards.index.$get({ query: search });
    if (response.status === 422 || response.status === 404) {
      const { error } = await response.json();
      return { refused: { message: error.message, fields: error.fields ?? {} } };
    }
    if (response.status !== 200) throw await toApiError(response);
    return { figures: await response.json() };
  },
  "dashboardFigures",
);
