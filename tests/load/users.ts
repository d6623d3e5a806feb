// `npm run bench:users`: simulated people using the booking site, through HTTP on 127.0.0.1, against
// the real server (a child process, as `npm start` runs it) on a fresh PostgreSQL database with a
// bookable directory. Each user loops: services → structures of a commune for a service → first
// free slot → that week's slots → sometimes a booking of a free slot (Idempotency-Key; a 409
// SLOT_TAKEN is a normal answer) → the private link. Small think times between steps.
// Reports requests/s and p50/p95/p99 per endpoint; fails (exit code 1) on any 5xx or network
// error, or if the database ends with overlapping meetings or a session over its seats.
// USERS (default 200) and DURATION_S (default 60) size the run; BENCH_DATABASE_URL the server.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { createPostgresqlUrl } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";
import { ADMIN_URL, appendReport, percentile, table } from "./report.ts";
import { startServer } from "./server-child.ts";

/** The server's clock starts here: the fixture's ranges are open, its CIBC advisor away until 13 April. */
const NOW = "2026-03-23T07:00:00Z";
const COMMUNE = "59350";

export interface UsersOptions {
  users: number;
  durationMs: number;
  /** PostgreSQL server where a fresh database is created, and dropped at the end. */
  adminUrl: string;
  /** Share of loops that try to book (default 0.3). */
  bookingShare?: number;
  /** Extra advisors in the PIC VAE de Lille, Mon–Fri 09:00–12:00 and 13:30–17:00 (default 12). */
  extraAdvisors?: number;
  log?: (line: string) => void;
}

export interface EndpointStats {
  samples: number[];
  statuses: Map<number, number>;
}

export interface UsersResult {
  users: number;
  seconds: number;
  requests: number;
  byEndpoint: Map<string, EndpointStats>;
  statuses: Map<number, number>;
  /** Network failures and unexpected answers (a 2xx without what it promises), with a sample. */
  failures: string[];
  bookings: number;
  taken: number;
  loops: number;
  /** Live meetings of one advisor that overlap (the database forbids it). */
  overlaps: number;
  /** Live individual meetings closer than their buffer. */
  bufferViolations: number;
  /** Collective sessions with more live seats than the offering has. */
  overbookedSessions: number;
  liveAppointments: number;
}

/**
 * One HTTP request on a keep-alive connection (node:http: a lighter client than fetch, so that the
 * load generator leaves the CPU to the server it measures).
 */
function httpCall(
  agent: Agent,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; contentType: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method: init.method ?? "GET", headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers["content-type"] ?? ""),
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.on("error", reject);
    req.end(init.body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];
const think = () => sleep(50 + Math.random() * 250);
/** A name without digits (names refuse them): 0 → "a", 27 → "bb". */
const letters = (n: number): string => (n < 26 ? "" : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));

/** More capacity for the directory: advisors of the PIC VAE de Lille, on site or by phone. */
async function addAdvisors(db: Database, fx: Awaited<ReturnType<typeof bookableDirectory>>, count: number) {
  for (let i = 0; i < count; i++) {
    const advisor = await db.prisma.staffUser.create({
      data: {
        email: `conseiller-${i}@charge.test`,
        firstName: "Conseiller",
        lastName: `Charge ${letters(i)}`,
        memberships: { create: [{ structureId: fx.structure.id, role: "advisor" }] },
      },
    });
    for (const [startTime, endTime] of [
      ["09:00", "12:00"],
      ["13:30", "17:00"],
    ] as const)
      await db.prisma.availabilityRule.create({
        data: {
          advisorId: advisor.id,
          structureId: fx.structure.id,
          siteId: fx.site.id,
          modes: ["onsite", "phone"],
          weekdays: [1, 2, 3, 4, 5],
          startTime,
          endTime,
          validFrom: new Date("2026-01-05"),
          offerings: { create: [{ offeringId: fx.offering.id }] },
        },
      });
  }
}

export async function simulateUsers(options: UsersOptions): Promise<UsersResult> {
  const log = options.log ?? (() => {});
  const bookingShare = options.bookingShare ?? 0.3;
  const { url, drop } = await createPostgresqlUrl(options.adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), "rdv-users-"));
  let db: Database | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    db = await openDatabase({ kind: "postgresql", url, poolSize: 4 });
    await migrate(db);
    const fx = await bookableDirectory(db);
    await addAdvisors(db, fx, options.extraAdvisors ?? 12);
    server = await startServer({ DATABASE_URL: url, DATA_DIR: dataDir, NOW, LOG_LEVEL: "warn" });
    const base = server.base;
    log(`server up at ${base}; ${options.users} users for ${options.durationMs / 1000} s`);

    // Warm-up, not measured: the first requests compile code paths and fill caches.
    for (let i = 0; i < 5; i++) {
      await fetch(`${base}/api/services`).then((r) => r.arrayBuffer());
      await fetch(`${base}/api/structures?commune=${COMMUNE}&service=information-conseil-vae`).then((r) => r.arrayBuffer());
      await fetch(`${base}/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&first=true`).then((r) =>
        r.arrayBuffer(),
      );
    }

    const byEndpoint = new Map<string, EndpointStats>();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    let bookings = 0;
    let taken = 0;
    let loops = 0;
    const deadline = performance.now() + options.durationMs;

    const agent = new Agent({ keepAlive: true, maxSockets: options.users });
    const call = async (
      name: string,
      path: string,
      init?: { method?: string; headers?: Record<string, string>; body?: string },
    ): Promise<{ status: number; body: unknown }> => {
      const started = performance.now();
      let status = 0;
      let body: unknown = {};
      try {
        const res = await httpCall(agent, `${base}${path}`, init);
        status = res.status;
        body = res.contentType.startsWith("application/json") ? JSON.parse(res.text) : res.text;
      } catch (error) {
        if (failures.length < 20) failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const ms = performance.now() - started;
      requests++;
      const stats: EndpointStats = byEndpoint.get(name) ?? { samples: [], statuses: new Map() };
      byEndpoint.set(name, stats);
      stats.samples.push(ms);
      stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 && failures.length < 20)
        failures.push(`${name} ${path} → ${status} ${JSON.stringify(body).slice(0, 200)}`);
      return { status, body };
    };

    type Slot = { key: string; start: string };
    const user = async (n: number) => {
      const person = { firstName: "Usager", lastName: `Charge ${letters(n)}`, email: `usager-${n}@charge.test` };
      while (performance.now() < deadline) {
        loops++;
        const services = await call("GET /api/services", "/api/services");
        const slugs = ((services.body as { services?: { slug: string }[] }).services ?? []).map((s) => s.slug);
        // Mostly the individual VAE meetings; now and then the collective session, or a service
        // no structure offers in the commune (an empty list, as happens).
        const service =
          Math.random() < 0.75 ? "information-conseil-vae" : (pick(slugs.filter((s) => s !== "information-conseil-vae")) ?? "");
        await think();
        const structures = await call(
          "GET /api/structures?commune&service",
          `/api/structures?commune=${COMMUNE}&service=${encodeURIComponent(service)}`,
        );
        const structure = pick((structures.body as { structures?: { id: string }[] }).structures ?? []);
        if (!structure) continue;
        await think();
        const query = `service=${encodeURIComponent(service)}&structure=${structure.id}`;
        const first = await call("GET /api/slots (first)", `/api/slots?${query}&first=true`);
        const next = ((first.body as { slots?: Slot[] }).slots ?? [])[0];
        if (!next) continue;
        await think();
        const from = next.start.slice(0, 10);
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
        const week = await call("GET /api/slots (week)", `/api/slots?${query}&from=${from}&to=${to}`);
        const slots = (week.body as { slots?: Slot[] }).slots ?? [];
        await think();
        if (slots.length === 0 || Math.random() >= bookingShare) continue;
        // People favour the first slots shown: contention on the same ones, as in real life.
        const slot = slots[Math.floor(Math.random() ** 2 * Math.min(slots.length, 12))] as Slot;
        const booked = await call("POST /api/bookings", "/api/bookings", {
          method: "POST",
          headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
          body: JSON.stringify({ slotKey: slot.key, person, noticeAccepted: true }),
        });
        if (booked.status === 409) {
          taken++;
          continue;
        }
        if (booked.status !== 201) {
          if (booked.status < 500 && failures.length < 20)
            failures.push(`POST /api/bookings → ${booked.status} ${JSON.stringify(booked.body).slice(0, 200)}`);
          continue;
        }
        bookings++;
        const token = String((booked.body as { manageUrl?: string }).manageUrl ?? "")
          .split("/")
          .at(-1);
        await think();
        const managed = await call("GET /api/manage/<token>", `/api/manage/${token}`);
        if (managed.status !== 200 && failures.length < 20) failures.push(`GET /api/manage/<token> → ${managed.status}`);
      }
    };

    const started = performance.now();
    // Users arrive over the first second, not all in the same millisecond.
    await Promise.all(Array.from({ length: options.users }, (_, n) => sleep((n * 1000) / options.users).then(() => user(n))));
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();

    const [check] = await db.prisma.$queryRawUnsafe<{ overlaps: number; buffers: number; overbooked: number; live: number }[]>(`
      WITH live AS (
        SELECT a.id, a."advisorId", a."startsAt", a."endsAt", a."sessionKey", o."bufferMinutes", o.seats
        FROM "Appointment" a JOIN "Offering" o ON o.id = a."offeringId" WHERE a.status = 'booked'
      )
      SELECT
        (SELECT count(*) FROM live x JOIN live y ON x."advisorId" = y."advisorId" AND x.id < y.id
           AND COALESCE(x."sessionKey", x.id::text) <> COALESCE(y."sessionKey", y.id::text)
           AND tstzrange(x."startsAt", x."endsAt") && tstzrange(y."startsAt", y."endsAt"))::int AS overlaps,
        (SELECT count(*) FROM live x JOIN live y ON x."advisorId" = y."advisorId" AND x.id <> y.id
           AND x."sessionKey" IS NULL AND y."sessionKey" IS NULL
           AND tstzrange(x."startsAt", x."endsAt" + make_interval(mins => x."bufferMinutes"))
               && tstzrange(y."startsAt", y."endsAt"))::int AS buffers,
        (SELECT count(*) FROM (SELECT "sessionKey", max(seats) AS seats, count(*) AS n FROM live
           WHERE "sessionKey" IS NOT NULL GROUP BY "sessionKey") s WHERE s.n > s.seats)::int AS overbooked,
        (SELECT count(*) FROM live)::int AS live`);
    return {
      users: options.users,
      seconds,
      requests,
      byEndpoint,
      statuses,
      failures,
      bookings,
      taken,
      loops,
      overlaps: check?.overlaps ?? -1,
      bufferViolations: check?.buffers ?? -1,
      overbookedSessions: check?.overbooked ?? -1,
      liveAppointments: check?.live ?? -1,
    };
  } finally {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    await drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const fiveXX = (r: UsersResult) => [...r.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);

/** The run as lines of text and a Markdown table. */
export function summarize(r: UsersResult): { lines: string[]; markdown: string } {
  const statusList = (m: Map<number, number>) =>
    [...m]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s === 0 ? "network error" : s}×${n}`)
      .join(" ");
  const rows = [...r.byEndpoint].map(([name, s]) => [
    name,
    s.samples.length,
    (s.samples.length / r.seconds).toFixed(1),
    percentile(s.samples, 0.5).toFixed(1),
    percentile(s.samples, 0.95).toFixed(1),
    percentile(s.samples, 0.99).toFixed(1),
    statusList(s.statuses),
  ]);
  const all = [...r.byEndpoint.values()].flatMap((s) => s.samples);
  rows.push([
    "all",
    r.requests,
    (r.requests / r.seconds).toFixed(1),
    percentile(all, 0.5).toFixed(1),
    percentile(all, 0.95).toFixed(1),
    percentile(all, 0.99).toFixed(1),
    statusList(r.statuses),
  ]);
  const summary = [
    `${r.users} users for ${r.seconds.toFixed(1)} s on 127.0.0.1: ${r.requests} requests (${(r.requests / r.seconds).toFixed(1)}/s), ` +
      `${r.loops} visits, ${r.bookings} bookings, ${r.taken} × 409 SLOT_TAKEN, ${fiveXX(r)} × 5xx, ${r.failures.length} failures.`,
    `Database at the end: ${r.liveAppointments} live appointments, ${r.overlaps} overlapping pairs, ` +
      `${r.bufferViolations} buffer violations, ${r.overbookedSessions} sessions over their seats.`,
  ];
  const markdown = [
    ...summary,
    "",
    table(["endpoint", "requests", "per s", "p50 ms", "p95 ms", "p99 ms", "statuses"], rows),
  ].join("\n");
  const lines = [
    ...summary,
    ...rows.map(
      ([name, n, rate, p50, p95, p99, st]) =>
        `  ${String(name).padEnd(36)} ${String(n).padStart(6)} req  ${String(rate).padStart(6)}/s  p50 ${p50} ms  p95 ${p95} ms  p99 ${p99} ms  ${st}`,
    ),
    ...r.failures.map((f) => `  failure: ${f}`),
  ];
  return { lines, markdown };
}

export const passed = (r: UsersResult) =>
  fiveXX(r) === 0 &&
  r.failures.length === 0 &&
  r.overlaps === 0 &&
  r.bufferViolations === 0 &&
  r.overbookedSessions === 0 &&
  (r.statuses.get(0) ?? 0) === 0;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const users = Number(process.env.USERS ?? 200);
  const durationMs = Number(process.env.DURATION_S ?? 60) * 1000;
  if (!(users > 0 && users <= 2000 && durationMs > 0 && durationMs <= 600_000))
    throw new Error("USERS between 1 and 2000, DURATION_S between 1 and 600");
  const reachable = await new pg.Client({ connectionString: ADMIN_URL }).connect().then(
    (c) => c.end().then(() => true),
    () => false,
  );
  if (!reachable) {
    console.log(`users: skipped, ${ADMIN_URL.replace(/\/\/[^@]*@/, "//…@")} is not reachable`);
  } else {
    const result = await simulateUsers({ users, durationMs, adminUrl: ADMIN_URL, log: console.log });
    const { lines, markdown } = summarize(result);
    for (const line of lines) console.log(line);
    await appendReport(`Simulated users: ${users} for ${durationMs / 1000} s (bench:users)`, markdown);
    if (!passed(result)) {
      console.error("users: FAILED (5xx, failures or overlaps above)");
      process.exitCode = 1;
    }
  }
}
