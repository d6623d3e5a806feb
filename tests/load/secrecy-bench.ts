// `npm run bench:secrecy`: the time to mask a table of activity (server/domain/secrecy.ts) as
// the dashboards, their CSV and the public statistics build it, on random tables the size of a
// region's: months of a year, a territory's structures, a region's. Pure computation, no database.
import { type Activity, emptyActivity, shownActivityTable } from "../../server/domain/statistics.ts";
import { appendReport, percentile, table } from "./report.ts";

const TABLES = Number(process.env.BENCH_TABLES ?? 20);

/** A table of `rows` rows of up to `largest` appointments each, from a seeded generator. */
function randomTable(seed: number, rows: number, largest: number): Activity[] {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  // `n` cut into `k` parts at random points.
  const split = (n: number, k: number) => {
    const cuts = Array.from({ length: k - 1 }, () => Math.floor(next() * (n + 1))).sort((a, b) => a - b);
    return [...cuts, n].map((cut, i) => cut - (i === 0 ? 0 : (cuts[i - 1] as number)));
  };
  return Array.from({ length: rows }, () => {
    const booked = Math.floor(next() * (largest + 1));
    const [honoured = 0, noShow = 0, excused = 0, unmarked = 0, cancelled = 0] = split(booked, 5);
    const [online = 0, reception = 0, referral = 0, advisor = 0] = split(booked, 4);
    return {
      ...emptyActivity(),
      booked,
      honoured,
      noShow,
      excused,
      unmarked,
      cancelled,
      channels: { online, reception, referral, advisor },
    };
  });
}

function total(rows: readonly Activity[]): Activity {
  const sum = emptyActivity();
  for (const row of rows) {
    for (const name of ["booked", "honoured", "noShow", "excused", "unmarked", "cancelled"] as const) sum[name] += row[name];
    for (const name of ["online", "reception", "referral", "advisor"] as const) sum.channels[name] += row.channels[name];
  }
  return sum;
}

const cases = [
  { name: "a year by month", rows: 12, largest: 400 },
  { name: "40 structures, 0 to 40 appointments each", rows: 40, largest: 40 },
  { name: "200 structures, 0 to 60 appointments each", rows: 200, largest: 60 },
] as const;

const results: string[][] = [];
for (const { name, rows, largest } of cases) {
  const times: number[] = [];
  let masked = 0;
  let small = 0;
  for (let seed = 1; seed <= TABLES; seed++) {
    const table = randomTable(seed, rows, largest);
    const sum = total(table);
    const started = performance.now();
    const shown = shownActivityTable(table, sum, true);
    times.push(performance.now() - started);
    for (const row of [...shown.rows, shown.total]) {
      masked += [
        row.booked,
        row.honoured,
        row.noShow,
        row.excused,
        row.unmarked,
        row.cancelled,
        ...Object.values(row.channels),
      ].filter((count) => count === null).length;
    }
    for (const row of [...table, sum]) {
      small += [
        row.booked,
        row.honoured,
        row.noShow,
        row.excused,
        row.unmarked,
        row.cancelled,
        ...Object.values(row.channels),
      ].filter((count) => count > 0 && count < 5).length;
    }
  }
  const p50 = percentile(times, 0.5);
  const slowest = Math.max(...times);
  const more = small === 0 ? 0 : ((masked - small) / small) * 100;
  console.log(
    `secrecy    ${name.padEnd(44)} p50 ${p50.toFixed(1)} ms  slowest ${slowest.toFixed(1)} ms  (${TABLES} tables of ${(rows + 1) * 10} counts; masked ${more.toFixed(0)} % more than the counts under 5)`,
  );
  results.push([name, `${(rows + 1) * 10}`, `${p50.toFixed(1)} ms`, `${slowest.toFixed(1)} ms`, `+${more.toFixed(0)} %`]);
}
await appendReport("masking a table of activity (`npm run bench:secrecy`)", [
  `${TABLES} random tables per size, each row's outcomes and channels adding up to its appointments and the rows to the total, masked by \`shownActivityTable\` (small counts and what would give them back).`,
  "",
  table(["table", "counts", "p50", "slowest", "secondary masking"], results),
]);
