import type { StaffDeps } from "../../context.ts";
import { type Breakdown, type CoverageFilters, coverageOf } from "./coverage.ts";
import { dashboardFigures } from "./figures.ts";

/** The figures of a period, broken down one way, small counts masked (domain/statistics.ts). */
export async function showFigures(deps: StaffDeps & { input: CoverageFilters & { by: Breakdown } }) {
  return dashboardFigures(deps.db, await coverageOf(deps, deps.input), deps.input.by, deps.clock.now());
}
