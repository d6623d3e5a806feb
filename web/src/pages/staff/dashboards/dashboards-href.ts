// The dashboards' filters live in the address: a view can be bookmarked or sent to a colleague,
// and Back returns to the previous one. Small and free of components, like directory-href.ts.
import type { LocalDate } from "../../../lib/dates.ts";

export const BREAKDOWNS = ["month", "territory", "network", "structure", "service"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface DashboardSearch {
  /** Absent: the server's default, the current month and the two before it (its clock, not the browser's). */
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
  by: Breakdown;
  territory?: string | undefined;
  network?: string | undefined;
  structure?: string | undefined;
  service?: string | undefined;
}

export const DASHBOARDS_PATH = "/espace/tableaux-de-bord";

const FILTERS = ["territory", "network", "structure", "service"] as const;

/**
 * The search an address asks for, as it is: the server checks it and names what it refuses,
 * which the page shows beside the form (a mistyped date is said, not silently replaced).
 */
export function readDashboardSearch(params: Record<string, string | string[] | undefined>): DashboardSearch {
  const one = (name: string) => {
    const value = params[name];
    return typeof value === "string" && value.length > 0 && value.length <= 100 ? value : undefined;
  };
  const search: DashboardSearch = { by: (one("by") as Breakdown | undefined) ?? "month" };
  for (const name of ["from", "to", ...FILTERS] as const) {
    const value = one(name);
    if (value) search[name] = value;
  }
  return search;
}

/** The query string of a search, its parameters always in the same order (the API takes the same). */
export function dashboardQuery(search: DashboardSearch): string {
  const params = new URLSearchParams();
  for (const name of ["from", "to", "by", ...FILTERS] as const) {
    const value = search[name];
    if (value) params.set(name, value);
  }
  return params.toString();
}

export const dashboardHref = (search: DashboardSearch) => `${DASHBOARDS_PATH}?${dashboardQuery(search)}`;
