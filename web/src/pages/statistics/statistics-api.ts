import { query } from "@solidjs/router";
import type { InferResponseType } from "hono/client";
import { api, toApiError } from "../../lib/api.ts";
import type { DashboardFigures } from "../staff/dashboards/dashboards-api.ts";

/** The public statistics, typed from the server's route (server/features/dashboards/schemas.ts). */
export type PublicStatistics = InferResponseType<typeof api.statistics.$get, 200>;

// The figures both the public statistics and the dashboards show (figures-sections.tsx). A null
// count is a masked one. The dashboards add a daily series to the waiting times and the flows
// between structures to the referrals.
export type Activity = PublicStatistics["total"];
export type ActivityRow = PublicStatistics["months"][number];
export type WaitingRow = PublicStatistics["waiting"][number] & Partial<Pick<DashboardFigures["waiting"][number], "series">>;
export type Flow = PublicStatistics["referrals"]["networkFlows"][number];
/** The waiting list's totals: the dashboards only. */
export type WaitlistFigures = DashboardFigures["waitlist"];
export type ReferralFigures = PublicStatistics["referrals"] & Partial<Pick<DashboardFigures["referrals"], "structureFlows">>;

export const getStatistics = query(async (): Promise<PublicStatistics> => {
  const response = await api.statistics.$get();
  if (response.status !== 200) throw await toApiError(response);
  return await response.json();
}, "statistics");
