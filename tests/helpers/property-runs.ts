/**
 * How many cases a fast-check property tries. Each property names its full count, which
 * `npm run test:full` runs (PROPERTY_RUNS=full); by default (`npm test`, CI) a tenth of it, at
 * least 5, so that the unit tests stay quick on both passes while every property still runs.
 * PROPERTY_RUNS=0.5 runs half, and so on.
 */
export function propertyRuns(full: number): number {
  const setting = process.env.PROPERTY_RUNS ?? "0.1";
  const share = setting === "full" ? 1 : Number(setting);
  if (!(share > 0)) throw new Error(`PROPERTY_RUNS: "full" or a share of the full counts, not ${setting}`);
  return Math.min(full, Math.max(5, Math.round(full * share)));
}
