// `npm run bench:bookings`: DESIGN.md's booking target on PostgreSQL — 50 concurrent clients
// booking distinct slots through the real server (a child process, as `npm start` runs it) for
// BENCH_SECONDS (30): bookings per second, p50/p99, no overlap and one appointment per 201
// checked in SQL afterwards, the server's RSS idle and at its peak — with 1 process, one per
// core, and one per core leaving the e-mails to processes started after the load; then the ceiling, pgbench
// running the same writes bare with 50 clients on a database of the same schema, and the ratio.
// Targets: ≥ 300 bookings/s and ≥ half of pgbench's rate.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { openDatabase, type PrismaClient } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { addDays } from "../../server/domain/time.ts";
import { OFFERING } from "../../server/features/appointments/book-slot.ts";
import { APPOINTMENT } from "../../server/features/appointments/details.ts";
import { AVAILABILITY } from "../../server/features/slots/load-availability.ts";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { createPostgresqlUrl } from "../helpers/db.ts";
import { openWeekdays } from "./open-weekdays.ts";
import { ADMIN_URL, appendReport, postgresqlVersion, table } from "./report.ts";
import { cpuBudget, rssMiB, type Server, sampleRss, smtpSink, startServer } from "./server-child.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const STRUCTURES = Number(process.env.BENCH_STRUCTURES ?? 10);
const ADVISORS_PER_STRUCTURE = 5;
const PGBENCH = process.env.PGBENCH ?? "pgbench";
// pgbench's writes alone run several times faster than the API: four times the structures, so
// that its 12 weeks of slots are not used up before the end (each slot is booked once).
const PGBENCH_STRUCTURES = 4 * STRUCTURES;
const NOW = "2026-01-05T06:00:00Z"; // a Monday, 07:00 in Paris; 12 weeks of winter time follow
const FIRST_DAY = "2026-01-05";
const WEEKS = 12;
const COMMUNE = "59350";
const SERVICE = "cep-premier-entretien";
const run = promisify(execFile);

interface Advisor {
  id: string;
  structureId: string;
  siteId: string;
  offeringId: string;
}

/** mulberry32: the same order of slots on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Structures of 5 advisors each, one public offering of 30 minutes without notice, every
 * advisor open Monday to Friday 08:00–18:00: 20 slots a day each.
 */
async function build(p: PrismaClient, count = STRUCTURES): Promise<Advisor[]> {
  await p.commune.create({ data: { code: COMMUNE, name: "Lille", departmentCode: "59", postcodes: ["59000"] } });
  const network = await p.network.create({ data: { slug: "bench", name: "Réseau de mesure" } });
  const service = await p.service.create({ data: { slug: SERVICE, name: "CEP — premier entretien" } });
  const advisors: Advisor[] = [];
  const structures = [];
  const sites = [];
  const offerings = [];
  for (let s = 0; s < count; s++) {
    const structureId = randomUUID();
    const siteId = randomUUID();
    const offeringId = randomUUID();
    structures.push({ id: structureId, slug: `structure-${s}`, name: `Structure ${s}`, networkId: network.id });
    sites.push({
      id: siteId,
      structureId,
      name: "Site",
      address: `${s} rue de la Mesure`,
      postcode: "59000",
      communeCode: COMMUNE,
    });
    offerings.push({
      id: offeringId,
      structureId,
      serviceId: service.id,
      durationMinutes: 30,
      modes: ["onsite" as const],
      minNoticeMinutes: 0,
      horizonDays: 120,
    });
    for (let a = 0; a < ADVISORS_PER_STRUCTURE; a++) advisors.push({ id: randomUUID(), structureId, siteId, offeringId });
  }
  await p.structure.createMany({ data: structures });
  await p.structureCommune.createMany({ data: structures.map((s) => ({ structureId: s.id, communeCode: COMMUNE })) });
  await p.site.createMany({ data: sites });
  await p.offering.createMany({ data: offerings });
  await p.staffUser.createMany({
    data: advisors.map((a, i) => ({
      id: a.id,
      email: `conseiller${i}@bench.test`,
      firstName: "Conseiller",
      lastName: String(i),
    })),
  });
  await p.membership.createMany({
    data: advisors.map((a) => ({ userId: a.id, structureId: a.structureId, role: "advisor" as const })),
  });
  await openWeekdays(p, advisors, FIRST_DAY);
  return advisors;
}

/** Every slot of every advisor over the 12 weeks (Paris is UTC+1 until March 29), shuffled. */
function slotKeys(advisors: Advisor[]): string[] {
  const keys: string[] = [];
  for (let d = 0; d < WEEKS * 7; d++) {
    if (d % 7 >= 5) continue;
    const day = addDays(FIRST_DAY, d);
    for (let half = 0; half < 20; half++) {
      const start = new Date(Date.parse(`${day}T07:00:00Z`) + half * 30 * 60_000);
      for (const a of advisors) {
        keys.push(encodeSlotKey({ offeringId: a.offeringId, advisorId: a.id, siteId: a.siteId, mode: "onsite", start }));
      }
    }
  }
  const rnd = random(11);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  return keys;
}

interface ApiResult {
  created: number;
  statuses: Record<string, number>;
  perSecond: number;
  p50: number;
  p99: number;
  appointments: number;
  /** Bookings committed with their answer: those answered 201, and those in flight when the load stopped. */
  committed: number;
  overlaps: number;
  rssIdle: number;
  rssPeak: number;
  /** CPU seconds used during the load by the server, PostgreSQL, this process (load and SMTP), the machine. */
  cpu: ReturnType<ReturnType<typeof cpuBudget>>;
  mailsSent: number;
  /** Confirmations and advisor notices not yet sent when the load stopped: the outbox's backlog. */
  mailsWaiting: number;
  payloads: { type: string; payload: unknown }[];
  response: unknown;
  /** With OUTBOX_WORKER=off: the confirmations and notices sent after the load by a process that sends. */
  drain?: { messages: number; seconds: number };
}

/** A configuration measured: server processes, and whether they send the e-mails meanwhile. */
interface Setup {
  processes: number;
  sending: boolean;
}

async function measureApi(url: string, { processes, sending }: Setup): Promise<ApiResult> {
  const db = await openDatabase({ kind: "postgresql", url, poolSize: 2 });
  const smtp = await smtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), "rdv-bench-"));
  let server: Server | undefined;
  try {
    await migrate(db);
    const advisors = await build(db.prisma);
    const keys = slotKeys(advisors);
    console.log(`bookings   data set: ${STRUCTURES} structures, ${advisors.length} advisors, ${keys.length} free slots`);
    const env = {
      DATABASE_URL: url,
      NOW,
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      LOG_LEVEL: "info",
      SERVER_PROCESSES: String(processes),
    };
    server = await startServer({ ...env, OUTBOX_WORKER: sending ? "on" : "off" });
    const pid = server.child.pid as number;

    // The keys made here are the server's own: one day of one structure, as GET /api/slots lists it.
    const listed = await (
      await fetch(
        `${server.base}/api/slots?service=${SERVICE}&structure=${advisors[0]?.structureId}&from=2026-01-06&to=2026-01-06`,
      )
    ).json();
    const known = new Set(keys);
    const listedKeys = (listed.slots as { key: string }[]).map((s) => s.key);
    if (listedKeys.length !== 20 || !listedKeys.every((k) => known.has(k))) {
      throw new Error(`the slots listed by the server are not the ones built: ${JSON.stringify(listedKeys.slice(0, 3))}`);
    }
    const rssIdle = rssMiB(pid);

    let next = 0;
    const statuses: Record<string, number> = {};
    let firstRefusal = "";
    const stopSampling = sampleRss(pid);
    const cpuUsed = cpuBudget(pid);
    const result = await autocannon({
      url: server.base,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        {
          method: "POST",
          path: "/api/bookings",
          setupRequest: (request) => {
            const i = next++;
            const slotKey = keys[i % keys.length];
            return {
              ...request,
              headers: { "content-type": "application/json", "idempotency-key": `bench-${i}-${slotKey?.slice(-8)}` },
              body: JSON.stringify({
                slotKey,
                person: { firstName: "Léa", lastName: "Durand", email: `lea.${i}@example.org`, commune: COMMUNE },
                noticeAccepted: true,
              }),
            };
          },
          onResponse: (status, body) => {
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status !== 201 && !firstRefusal) firstRefusal = `${status} ${body.slice(0, 300)}`;
          },
        },
      ],
    });
    const rssPeak = stopSampling();
    const cpu = cpuUsed();
    const [waiting] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status = 'pending' AND type IN ('appointment.booked', 'advisor.booked')`,
    );
    if (next > keys.length) throw new Error(`only ${keys.length} slots for ${next} requests: raise BENCH_STRUCTURES`);
    const created = statuses[201] ?? 0;
    if (firstRefusal) console.log(`bookings   first answer other than 201: ${firstRefusal}`);

    const q = <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);
    // Requests in flight when the load stopped still commit: let them, then count both sides in
    // one statement (one snapshot), or the two counts would straddle a commit.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const [counts] = await q<{ appointments: bigint; answered: bigint }>(
      `SELECT (SELECT count(*) FROM "Appointment" WHERE status = 'booked') AS appointments,
              (SELECT count(*) FROM "IdempotencyKey" WHERE status = 201) AS answered`,
    );
    const [overlap] = await q<{ overlaps: bigint }>(`
      SELECT count(*) AS overlaps FROM "Appointment" a JOIN "Appointment" b
        ON a."advisorId" = b."advisorId" AND a.id < b.id AND a.status = 'booked' AND b.status = 'booked'
       AND tstzrange(a."startsAt", a."endsAt", '[)') && tstzrange(b."startsAt", b."endsAt", '[)')
       AND COALESCE(a."sessionKey", a.id::text) <> COALESCE(b."sessionKey", b.id::text)`);
    // What one booking wrote, for pgbench to write the same bytes.
    const [one] = await q<{ id: string }>(
      `SELECT "appointmentId" AS id FROM "OutboxMessage" GROUP BY "appointmentId" HAVING count(*) = 4 LIMIT 1`,
    );
    const payloads = await db.prisma.outboxMessage.findMany({
      where: { appointmentId: one?.id ?? randomUUID() },
      select: { type: true, payload: true },
    });
    const [answer] = await q<{ response: unknown }>(`SELECT response FROM "IdempotencyKey" WHERE status = 201 LIMIT 1`);
    const mailsSent = smtp.accepted();
    let drain: ApiResult["drain"];
    if (!sending) {
      // The web processes go; processes that send take the outbox as it was left.
      await server.stop();
      server = undefined;
      const sentBefore = smtp.accepted();
      const started = performance.now();
      server = await startServer(env);
      const deadline = Date.now() + 10 * 60_000;
      for (;;) {
        const [left] = await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE status = 'pending' AND type IN ('appointment.booked', 'advisor.booked')`,
        );
        if (left?.n === 0) break;
        if (Date.now() > deadline) throw new Error(`${left?.n} confirmations and notices still waiting after 10 minutes`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      drain = { messages: smtp.accepted() - sentBefore, seconds: (performance.now() - started) / 1000 };
    }
    return {
      created,
      statuses,
      perSecond: created / SECONDS,
      p50: result.latency.p50,
      p99: result.latency.p99,
      appointments: Number(counts?.appointments ?? -1),
      committed: Number(counts?.answered ?? -1),
      overlaps: Number(overlap?.overlaps ?? -1),
      rssIdle,
      rssPeak,
      cpu,
      mailsSent,
      mailsWaiting: waiting?.n ?? -1,
      payloads,
      response: answer?.response ?? {},
      drain,
    };
  } catch (error) {
    if (server) console.error(server.output.join(""));
    throw error;
  } finally {
    await server?.stop();
    await smtp.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Each client takes the next slot as the API run does: advisors in turn, each one's 1 200 slots
// (12 weeks, weekdays, 20 a day) in a scattered order (1 597 is prime to 1 200), so that a day
// holds as many meetings as in the API run.
const START = `(timestamptz '${FIRST_DAY}T07:00:00Z' + make_interval(mins => (:minute)::int))`;

// The writes of one booking, bare: the Idempotency-Key claimed, a person, an appointment under
// the exclusion constraint, its four outbox rows (confirmation with .ics, two reminders, advisor
// notice: one INSERT, as the server does), the key's stored answer.
const PGBENCH_SCRIPT = `
SELECT nextval('bench_slot') AS n, gen_random_uuid() AS person, gen_random_uuid() AS appointment \\gset
\\set advisor :n % :advisors
\\set s ((:n / :advisors) * 1597) % 1200
\\set day :s / 20
\\set minute ((:day / 5) * 7 + :day % 5) * 1440 + (:s % 20) * 30
BEGIN;
INSERT INTO "IdempotencyKey" ("key", "requestHash", "status", "response") VALUES ('booking-pgbench-' || (:n)::text, md5((:n)::text) || md5((:n)::text), 0, '{}');
INSERT INTO "Person" ("id", "firstName", "lastName", "email", "communeCode", "noticeAcceptedAt", "lastActivityAt") VALUES (:person::uuid, 'Léa', 'Durand', 'lea@example.org', '${COMMUNE}', now(), now());
INSERT INTO "Appointment" ("id", "offeringId", "structureId", "siteId", "mode", "advisorId", "personId", "startsAt", "endsAt", "channel", "manageTokenHash", "accessibilityNeeds", "updatedAt")
  SELECT :appointment::uuid, b."offeringId", b."structureId", b."siteId", 'onsite', b."advisorId", :person::uuid,
         ${START}, ${START} + interval '30 minutes',
         'online', md5(:appointment::text) || md5(:person::text), '', now()
    FROM bench_advisor b WHERE b.i = (:advisor)::int;
INSERT INTO "OutboxMessage" ("id", "type", "recipient", "payload", "dueAt", "appointmentId")
  SELECT gen_random_uuid(), p.type, 'lea@example.org', p.payload, now(), :appointment::uuid FROM bench_payload p;
UPDATE "IdempotencyKey" SET "status" = 201, "response" = (SELECT response FROM bench_response) WHERE "key" = 'booking-pgbench-' || (:n)::text;
END;
`;

// The same transaction with the three reads the server makes before and after its writes,
// its own statements: the offering, the availability of the slot's day for its advisor (rules,
// absences, closures, appointments), the appointment as the messages tell it.
// Without its comments: the statements are put on one line, where a comment would run to the end.
const inline = (sql: string, values: string[]) =>
  sql.replace(/--[^\n]*/g, "").replace(/\$(\d+)/g, (_, i) => `(${values[Number(i) - 1] ?? "NULL"})`);
const DAY = START;
const PGBENCH_READS = `
SELECT "offeringId" AS offering, "structureId" AS structure, "advisorId" AS advisor_id FROM bench_advisor WHERE i = (:advisor)::int \\gset
${inline(OFFERING.text, [":offering"]).trim()};
${inline(AVAILABILITY.text, [
  "ARRAY[:offering::uuid]",
  "ARRAY[:structure::uuid]",
  `${DAY}::date`,
  `${DAY}::date`,
  "NULL",
  `${DAY} + interval '38 hours'`,
  `${DAY} - interval '14 hours'`,
  `${DAY} - interval '38 hours'`,
  "NULL",
  ":advisor_id::uuid",
])
  .trim()
  .replaceAll("\n", " ")};
`;
const PGBENCH_DETAILS = `${inline(APPOINTMENT.text, [":appointment"]).trim().replaceAll("\n", " ")};\n`;
/** The write-only script with the reads added: reads after the advisor is known, details after the insert. */
const withReads = (script: string) =>
  script
    .replace("BEGIN;\n", `BEGIN;\n${PGBENCH_READS}`)
    .replace('INSERT INTO "OutboxMessage"', `${PGBENCH_DETAILS}INSERT INTO "OutboxMessage"`);

async function measurePgbench(url: string, api: ApiResult, script: string) {
  const db = await openDatabase({ kind: "postgresql", url, poolSize: 2 });
  const dir = mkdtempSync(join(tmpdir(), "rdv-pgbench-"));
  try {
    await migrate(db);
    const advisors = await build(db.prisma, PGBENCH_STRUCTURES);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SEQUENCE bench_slot`);
      await client.query(
        `CREATE TABLE bench_advisor (i int PRIMARY KEY, "advisorId" uuid, "structureId" uuid, "siteId" uuid, "offeringId" uuid)`,
      );
      for (const [i, a] of advisors.entries()) {
        await client.query(`INSERT INTO bench_advisor VALUES ($1, $2, $3, $4, $5)`, [
          i,
          a.id,
          a.structureId,
          a.siteId,
          a.offeringId,
        ]);
      }
      await client.query(`CREATE TABLE bench_payload (type text, payload jsonb)`);
      for (const p of api.payloads)
        await client.query(`INSERT INTO bench_payload VALUES ($1, $2)`, [p.type, JSON.stringify(p.payload)]);
      await client.query(`CREATE TABLE bench_response (response jsonb)`);
      await client.query(`INSERT INTO bench_response VALUES ($1)`, [JSON.stringify(api.response)]);
    } finally {
      await client.end();
    }
    const file = join(dir, "booking.sql");
    writeFileSync(file, script);
    const args = ["-n", "-M", "prepared", "-c", String(CONNECTIONS), "-j", "2", "-T", String(SECONDS)];
    const { stdout } = await run(PGBENCH, [...args, "-D", `advisors=${advisors.length}`, "-f", file, url], {
      maxBuffer: 1 << 20,
    });
    const tps = Number(stdout.match(/tps = ([\d.]+) \(without initial connection time\)/)?.[1]);
    const latency = Number(stdout.match(/latency average = ([\d.]+) ms/)?.[1]);
    const failed = Number(stdout.match(/number of failed transactions: (\d+)/)?.[1] ?? 0);
    const [{ n } = { n: 0 }] = await db.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "Appointment"`);
    return { tps, latency, failed, appointments: Number(n), outboxRows: api.payloads.length };
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!(await postgresqlVersion())) {
  console.log("bookings   skipped: no PostgreSQL at BENCH_DATABASE_URL");
  process.exit(0);
}
const cores = cpus().length;
// One process, then one per core (SERVER_PROCESSES), as a machine of this size would run it,
// each sending the e-mails meanwhile; then the most processes with OUTBOX_WORKER=off, the
// e-mails sent after the load (as a deployment with a process apart for them would).
const counts = (process.env.BENCH_PROCESSES ?? [...new Set([1, cores])].join(",")).split(",").map(Number);
const setups: Setup[] = [
  ...counts.map((processes) => ({ processes, sending: true })),
  ...(process.env.BENCH_SENDING_APART === "0" ? [] : [{ processes: Math.max(...counts), sending: false }]),
];
const runs: (Setup & { api: ApiResult })[] = [];
const f1 = (n: number) => n.toFixed(1);
for (const setup of setups) {
  const apiDb = await createPostgresqlUrl(ADMIN_URL);
  try {
    runs.push({ ...setup, api: await measureApi(apiDb.url, setup) });
  } finally {
    await apiDb.drop();
  }
}
/** How a run is named in the output and the report. */
const nameOf = ({ processes, sending }: Setup) =>
  `${processes} process${processes > 1 ? "es" : ""}${sending ? "" : ", e-mails sent apart"}`;

const othersOf = (api: ApiResult) =>
  Object.entries(api.statuses)
    .filter(([s]) => s !== "201")
    .map(([s, n]) => `${n} × ${s}`);
const perBooking = (api: ApiResult, seconds: number) => f1((seconds * 1000) / api.appointments);
const drainOf = ({ drain }: ApiResult) =>
  drain
    ? `${drain.messages} confirmations and notices sent in ${f1(drain.seconds)} s = ${f1(drain.messages / drain.seconds)}/s by ${cores} process${cores > 1 ? "es" : ""} that send`
    : "sent meanwhile";
const busyOf = ({ cpu }: ApiResult) => `${Math.round((100 * cpu.machineBusy) / cpu.machineTotal)} % of ${cores} cores busy`;
for (const run of runs) {
  const { api } = run;
  const others = othersOf(api);
  const label = `bookings   ${nameOf(run)}:`;
  console.log(
    `${label} ${api.created} bookings in ${SECONDS} s = ${f1(api.perSecond)}/s, p50 ${api.p50} ms, p99 ${api.p99} ms, ${CONNECTIONS} connections${others.length ? `, also ${others.join(", ")}` : ""}`,
  );
  console.log(
    `${label} ${api.appointments} appointments, ${api.committed} committed bookings, ${api.created} answers 201 (the rest in flight at the stop), ${api.overlaps} overlaps; ${api.mailsSent} e-mails sent meanwhile, ${api.mailsWaiting} confirmations and notices waiting at the stop`,
  );
  console.log(`${label} server RSS ${f1(api.rssIdle)} MiB idle, ${f1(api.rssPeak)} MiB peak under load`);
  if (api.drain) console.log(`${label} after the load, ${drainOf(api)}`);
  console.log(
    `${label} CPU per booking: server ${perBooking(api, api.cpu.server)} ms (e-mails sent meanwhile included), PostgreSQL ${perBooking(api, api.cpu.postgres)} ms, load generator and SMTP server ${perBooking(api, api.cpu.harness)} ms; machine ${busyOf(api)}`,
  );
}
// What one booking wrote (the same in every run), for pgbench to write the same bytes.
const written = (runs[0] as { api: ApiResult }).api;

/** pgbench on a fresh database of the same schema. */
async function pgbench(script: string) {
  const benchDb = await createPostgresqlUrl(ADMIN_URL);
  try {
    return await measurePgbench(benchDb.url, written, script);
  } finally {
    await benchDb.drop();
  }
}
const bare = await pgbench(PGBENCH_SCRIPT);
const withRead = await pgbench(withReads(PGBENCH_SCRIPT));
const ratiosOf = ({ api }: { api: ApiResult }, mark = (figure: string) => figure) =>
  `${mark((api.perSecond / bare.tps).toFixed(2))} to the writes, ${mark((api.perSecond / withRead.tps).toFixed(2))} with the reads`;
const pgbenchLine = (p: typeof bare) =>
  `${f1(p.tps)} transactions/s, latency average ${p.latency} ms, ${p.failed} failed, ${p.appointments} appointments (${p.outboxRows} outbox rows each)`;
console.log(`bookings   pgbench, the writes: ${pgbenchLine(bare)}`);
console.log(`bookings   pgbench, the writes and the booking's reads: ${pgbenchLine(withRead)}`);
for (const run of runs) {
  console.log(
    `bookings   ratio API (${nameOf(run)}) / pgbench: ${ratiosOf(run)} (target ≥ 0.5), API ${f1(run.api.perSecond)}/s (target ≥ 300)`,
  );
}

const problems = [];
for (const run of runs) {
  const { api } = run;
  if (api.overlaps !== 0) problems.push(`${api.overlaps} overlapping appointments (${nameOf(run)})`);
  // autocannon stops counting at the deadline; the requests then in flight still commit.
  const inFlight = api.appointments - api.created;
  if (api.appointments !== api.committed || inFlight < 0 || inFlight > CONNECTIONS) {
    problems.push(
      `${api.appointments} appointments for ${api.created} answers 201 and ${api.committed} committed bookings (${nameOf(run)})`,
    );
  }
}

await appendReport(`bookings on PostgreSQL (\`npm run bench:bookings\`)`, [
  `${CONNECTIONS} autocannon connections for ${SECONDS} s against the server started as \`npm start\` does (child processes: one, then one per core with \`SERVER_PROCESSES\`, \`LOG_LEVEL=info\`, their outbox workers sending to a local SMTP server meanwhile; then one per core with \`OUTBOX_WORKER=off\`, the e-mails sent after the load by processes that send), each request a distinct slot among ${STRUCTURES * ADVISORS_PER_STRUCTURE} advisors' 12 weeks; pgbench (\`-c ${CONNECTIONS} -j 2 -T ${SECONDS} -M prepared\`, as the server prepares its statements) with the same writes bare, then with the booking's three reads added (the server's own statements: offering, availability of the day, the appointment as the messages tell it). CPU from /proc: the server, PostgreSQL, the benchmark's process (autocannon and the SMTP server), the machine.`,
  "",
  table(
    ["measure", ...runs.map((run) => `${nameOf(run).replace("process", "server process")}`)],
    [
      ["bookings (201)", ...runs.map(({ api }) => `${api.created} in ${SECONDS} s`)],
      ["bookings per second", ...runs.map(({ api }) => `**${f1(api.perSecond)}**`)],
      ["latency p50 / p99", ...runs.map(({ api }) => `${api.p50} ms / ${api.p99} ms`)],
      ["other answers", ...runs.map(({ api }) => othersOf(api).join(", ") || "none")],
      [
        "appointments in the database",
        ...runs.map(({ api }) => `${api.appointments} (${api.appointments - api.created} in flight at the stop)`),
      ],
      ["overlapping appointments", ...runs.map(({ api }) => `**${api.overlaps}**`)],
      ["e-mails sent meanwhile", ...runs.map(({ api }) => `${api.mailsSent}`)],
      ["confirmations and notices waiting at the stop", ...runs.map(({ api }) => `${api.mailsWaiting}`)],
      ["e-mails after the load", ...runs.map(({ api }) => (api.drain ? drainOf(api) : "—"))],
      [
        "server CPU per booking (e-mails sent meanwhile included)",
        ...runs.map(({ api }) => `${perBooking(api, api.cpu.server)} ms`),
      ],
      ["PostgreSQL CPU per booking", ...runs.map(({ api }) => `${perBooking(api, api.cpu.postgres)} ms`)],
      ["autocannon and SMTP server CPU per booking", ...runs.map(({ api }) => `${perBooking(api, api.cpu.harness)} ms`)],
      ["machine during the load", ...runs.map(({ api }) => busyOf(api))],
      ["server RSS idle / peak under load", ...runs.map(({ api }) => `${f1(api.rssIdle)} MiB / ${f1(api.rssPeak)} MiB`)],
    ],
  ),
  "",
  table(
    ["ceiling", "figure"],
    [
      ["pgbench, the writes bare", `${f1(bare.tps)} transactions/s (latency average ${bare.latency} ms, ${bare.failed} failed)`],
      [
        "pgbench, the writes and the reads",
        `${f1(withRead.tps)} transactions/s (latency average ${withRead.latency} ms, ${withRead.failed} failed)`,
      ],
      ...runs.map((run) => [`ratio API (${nameOf(run)}) / pgbench`, ratiosOf(run, (figure) => `**${figure}**`)]),
    ],
  ),
]);
if (problems.length) {
  console.error(`bookings   FAILED: ${problems.join("; ")}`);
  process.exit(1);
}
