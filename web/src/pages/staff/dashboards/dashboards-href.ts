// The dashboards' filters live in the address: a view can be bookmarked or sent to a colleague,
// and Back returns to the previous one. Small and free of components, like directory-href.ts.
import { isLocalDate, type LocalDate } from "../../../lib/dates.ts";

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
const TOKEN = /^[a-z0-9-]{1,80}$/;

/** The search an address asks for; what is missing or malformed is left to the defaults (a line per month). */
export function readDashboardSearch(params: Record<string, string | string[] | undefined>): DashboardSearch {
  const one = (name: string) => {
    const value = params[name];
    return typeof value === "string" ? value : undefined;
  };
  const from = one("from");
  const to = one("to");
  const by = one("by");
  const search: DashboardSearch = { by: BREAKDOWNS.includes(by as Breakdown) ? (by as Breakdown) : "month" };
  if (from && isLocalDate(from)) search.from = from;
  if (to && isLocalDate(to)) search.to = to;
  for (const name of FILTERS) {
    const value = one(name);
    if (value && TOKEN.test(value)) search[name] = value;
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
