import { query } from "@solidjs/router";
import { api, toApiError } from "../../lib/api.ts";
import type { Activity, ActivityRow, ReferralFigures, WaitingRow } from "../figures/figures-types.ts";

/** The public statistics (server/features/dashboards/statistics-routes.ts), typed here once. */
export interface PublicStatistics {
  period: { from: string; to: string };
  total: Activity;
  months: ActivityRow[];
  networks: ActivityRow[];
  waiting: WaitingRow[];
  referrals: ReferralFigures;
}

export const getStatistics = query(async (): Promise<PublicStatistics> => {
  const response = await api.statistics.$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()) as unknown as PublicStatistics;
}, "statistics");
