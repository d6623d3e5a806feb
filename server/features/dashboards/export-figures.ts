import type { StaffDeps } from "../../context.ts";
import { type Breakdown, type CoverageFilters, coverageOf } from "./coverage.ts";
import { figuresCsv, TABLE_FILE_NAMES, type Table, waitlistCsv } from "./csv.ts";
import { dashboardFigures } from "./figures.ts";

/** One table of the dashboard's figures as a CSV file, and the file's name (the table, the period). */
export async function exportFigures(deps: StaffDeps & { input: CoverageFilters & { by: Breakdown; table: Table } }) {
  const { table, ...query } = deps.input;
  const coverage = await coverageOf(deps, query);
  const figures = await dashboardFigures(deps.db, coverage, query.by, deps.clock.now());
  const csv = table === "waitlist" ? waitlistCsv(figures.waitlist) : figuresCsv(figures, table);
  return { csv, fileName: `rdv-orientation-${TABLE_FILE_NAMES[table]}-${coverage.from}-${coverage.to}.csv` };
}
