import type { Deps } from "../../context.ts";
import { figuresCsv, TABLE_FILE_NAMES } from "./csv.ts";
import { publicFigures } from "./public-figures.ts";

/** One table of the public statistics as a CSV file, and the file's name (the table, the period). */
export async function exportStatistics({
  input,
  ...deps
}: Pick<Deps, "db" | "clock"> & {
  input: { table: "activity" | "waiting" | "referrals" | "network-flows"; by: "month" | "network" };
}) {
  const { table, by } = input;
  const { byMonth, byNetwork } = await publicFigures(deps);
  const figures = table === "activity" && by === "network" ? byNetwork : byMonth;
  const name =
    table === "activity" ? `${TABLE_FILE_NAMES.activity}-par-${by === "month" ? "mois" : "reseau"}` : TABLE_FILE_NAMES[table];
  return {
    csv: figuresCsv(figures, table),
    fileName: `rdv-orientation-statistiques-${name}-${figures.period.from}-${figures.period.to}.csv`,
  };
}
