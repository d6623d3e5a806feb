// `npm run bench:secrecy`: the time to mask the activity a dashboard shows (server/domain/secrecy.ts):
// the total and its five breakdowns — territories, networks, structures, services, months — masked
// together, as the dashboards, their CSV and the public statistics do, on random appointments of
// a territory's and a region's size. Pure computation, no database.
import { type Activity, type ActivityRows, CHANNELS, emptyActivity, shownActivityTable } from "../../server/domain/statistics.ts";
import { appendReport, percentile, table } from "./report.ts";

const TABLES = Number(process.env.BENCH_TABLES ?? 10);
const OUTCOMES = ["honoured", "honoured", "honoured", "honoured", "noShow", "excused", "unmarked", "cancelled"] as const;

/** A random year of appointments, counted per breakdown; `structures` of 0 to 2 × `mean` appointments each. */
function randomActivity(seed: number, structures: number, mean: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const territories = Math.max(2, Math.round(structures / 12));
  const sizes = { territory: territories, network: 8, structure: structures, service: 12, month: 12 };
  const rows = Object.fromEntries(
    Object.entries(sizes).map(([by, n]) => [by, Array.from({ length: n }, emptyActivity)]),
  ) as Record<keyof typeof sizes, Activity[]>;
  const total = emptyActivity();
  const count = (a: Activity, outcome: (typeof OUTCOMES)[number], channel: (typeof CHANNELS)[number]) => {
    a.booked += 1;
    a[outcome] += 1;
    a.channels[channel] += 1;
  };
  for (let s = 0; s < structures; s++) {
    const appointments = Math.floor(next() * (2 * mean + 1));
    // A structure with sites in two territories counts in both (one in ten).
    const inTerritories = s % 10 === 0 ? [s % territories, (s + 1) % territories] : [s % territories];
    for (let i = 0; i < appointments; i++) {
      const [outcome, channel] = [pick(OUTCOMES), pick(CHANNELS)];
      for (const a of [
        total,
        rows.structure[s],
        rows.network[s % 8],
        rows.service[Math.floor(next() * 12)],
        rows.month[Math.floor(next() * 12)],
        ...inTerritories.map((t) => rows.territory[t]),
      ]) {
        if (a) count(a, outcome, channel);
      }
    }
  }
  const breakdowns: ActivityRows[] = Object.entries(rows).map(([by, list]) => ({ rows: list, splitTotal: by !== "territory" }));
  return { total, breakdowns };
}

const cases = [
  { name: "a territory: 30 structures, about 100 appointments each", structures: 30, mean: 100 },
  { name: "a quiet territory: 40 structures, about 20 each", structures: 40, mean: 20 },
  { name: "a region: 200 structures, about 100 each", structures: 200, mean: 100 },
  { name: "a quiet region: 200 structures, about 20 each", structures: 200, mean: 20 },
] as const;

const results: string[][] = [];
for (const { name, structures, mean } of cases) {
  const times: number[] = [];
  let counts = 0;
  let masked = 0;
  let small = 0;
  for (let seed = 1; seed <= TABLES; seed++) {
    const { total, breakdowns } = randomActivity(seed, structures, mean);
    const started = performance.now();
    const shown = shownActivityTable(total, breakdowns);
    times.push(performance.now() - started);
    const values = (a: Activity) => [
      a.booked,
      a.honoured,
      a.noShow,
      a.excused,
      a.unmarked,
      a.cancelled,
      ...Object.values(a.channels),
    ];
    const all = [total, ...breakdowns.flatMap((b) => b.rows)];
    counts += all.length * 10;
    small += all.flatMap(values).filter((n) => n > 0 && n < 5).length;
    masked += [shown.total, ...shown.breakdowns.flat()]
      .flatMap((a) => [a.booked, a.honoured, a.noShow, a.excused, a.unmarked, a.cancelled, ...Object.values(a.channels)])
      .filter((n) => n === null).length;
  }
  const p50 = percentile(times, 0.5);
  const slowest = Math.max(...times);
  const more = small === 0 ? 0 : ((masked - small) / small) * 100;
  console.log(
    `secrecy    ${name.padEnd(56)} p50 ${p50.toFixed(0)} ms  slowest ${slowest.toFixed(0)} ms  (${counts / TABLES} counts; masked ${((masked / counts) * 100).toFixed(0)} %, ${more.toFixed(0)} % more than the counts under 5)`,
  );
  results.push([
    name,
    `${counts / TABLES}`,
    `${p50.toFixed(0)} ms`,
    `${slowest.toFixed(0)} ms`,
    `${((masked / counts) * 100).toFixed(0)} %`,
    `+${more.toFixed(0)} %`,
  ]);
}
await appendReport("masking a dashboard's activity (`npm run bench:secrecy`)", [
  `${TABLES} random years of appointments per size, counted by territory, network, structure, service and month, masked together by \`shownActivityTable\` (small counts and whatever would give them back).`,
  "",
  table(["coverage", "counts", "p50", "slowest", "masked", "beyond the counts under 5"], results),
]);
