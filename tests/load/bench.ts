// `npm run bench`: timings measured in the server process (app.request, no socket) on the
// demo directory, on PGlite and, when reachable, on PostgreSQL (BENCH_DATABASE_URL, default
// the local server). Prints p50/p95/p99; later issues add slots, bookings and reminders.
import pg from "pg";
import { seedDemo } from "../../prisma/seed/index.ts";
import type { Database } from "../../server/db/database.ts";
import { openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { testApp } from "../helpers/app.ts";
import { createPostgresqlUrl } from "../helpers/db.ts";
import { appendReport, table } from "./report.ts";

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const rows: string[][] = [];
// What people type in the commune field: starts of names, extra words, typos, postcodes.
const COMMUNE_QUERIES = ["lil", "Berck sur mer", "Lile", "villeneuve dascq", "59350", "st omer", "oeuilly", "amiens"];

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

async function measure(label: string, db: Database) {
  const app = testApp(db);
  const communes = await db.prisma.structureCommune.findMany({
    select: { communeCode: true },
    distinct: ["communeCode"],
    take: 50,
  });
  const services = await db.prisma.service.findMany({ select: { slug: true } });
  const paths = [
    ["services", () => "/api/services"],
    [
      "structures (commune + service)",
      (i: number) =>
        `/api/structures?commune=${communes[i % communes.length]?.communeCode}&service=${services[i % services.length]?.slug}`,
    ],
    ["structures (all)", () => "/api/structures"],
    [
      "communes (search)",
      (i: number) => `/api/communes?q=${encodeURIComponent(COMMUNE_QUERIES[i % COMMUNE_QUERIES.length] ?? "")}`,
    ],
  ] as const;
  for (const [name, path] of paths) {
    for (let i = 0; i < 20; i++) await app.request(path(i)); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const res = await app.request(path(i));
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path(i)} → ${res.status}`);
      samples.push(performance.now() - started);
    }
    const { p50, p95, p99 } = percentiles(samples);
    rows.push([label, name, `${p50.toFixed(2)} ms`, `${p95.toFixed(2)} ms`, `${p99.toFixed(2)} ms`]);
    console.log(
      `${label.padEnd(11)} ${name.padEnd(32)} p50 ${p50.toFixed(2)} ms  p95 ${p95.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${ROUNDS} requests)`,
    );
  }
}

async function withSeeded(db: Database, fn: (db: Database) => Promise<void>) {
  try {
    await migrate(db);
    const started = performance.now();
    await seedDemo(db);
    console.log(`${db.kind.padEnd(11)} demo directory seeded in ${Math.round(performance.now() - started)} ms`);
    await fn(db);
  } finally {
    await db.close();
  }
}

await withSeeded(await openDatabase({ kind: "pglite" }), (db) => measure("pglite", db));

const reachable = await new pg.Client({ connectionString: ADMIN_URL }).connect().then(
  (c) => c.end().then(() => true),
  () => false,
);
if (reachable) {
  const { url, drop } = await createPostgresqlUrl(ADMIN_URL);
  try {
    await withSeeded(await openDatabase({ kind: "postgresql", url }), (db) => measure("postgresql", db));
  } finally {
    await drop();
  }
} else {
  console.log(`postgresql  skipped: ${ADMIN_URL.replace(/\/\/[^@]*@/, "//…@")} is not reachable`);
}

await appendReport("directory endpoints (`npm run bench`)", [
  `Timed inside the server (\`app.request()\`) on the demo directory, ${ROUNDS} requests per endpoint.`,
  "",
  table(["database", "endpoint", "p50", "p95", "p99"], rows),
]);
