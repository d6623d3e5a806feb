// `npm run bench:slots`: the slot search at the scale of DESIGN.md's target — one territory of
// 30 structures and 150 advisors offering one service, 8 weeks of rules, 5 000 booked
// appointments — on PGlite and on PostgreSQL. Times are taken in the server process
// (app.request(), JSON included, no socket). Target: p95 under 50 ms on PostgreSQL. Then the
// answer's size over the wire, in brotli and gzip: a tenth of its plain size at most.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { fixedClock } from "../../server/clock.ts";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { addDays } from "../../server/domain/time.ts";
import { testApp } from "../helpers/app.ts";
import { createPostgresqlUrl } from "../helpers/db.ts";
import { appendReport, percentile, table } from "./report.ts";

const STRUCTURES = Number(process.env.BENCH_STRUCTURES ?? 30);
const ADVISORS_PER_STRUCTURE = Number(process.env.BENCH_ADVISORS_PER_STRUCTURE ?? 5);
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 5000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const MONDAY = "2026-03-02"; // the first of the 8 weeks
const COMMUNE = "59350";
const rows: string[][] = [];

/** mulberry32: the same data set on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function build(db: Database) {
  const rnd = random(7);
  const p = db.prisma;
  await p.commune.create({ data: { code: COMMUNE, name: "Lille", departmentCode: "59", postcodes: ["59000"] } });
  const network = await p.network.create({ data: { slug: "bench", name: "Réseau de mesure" } });
  const service = await p.service.create({ data: { slug: "cep-premier-entretien", name: "CEP — premier entretien" } });
  const other = await p.service.create({ data: { slug: "autre", name: "Autre service" } });
  const person = await p.person.create({ data: { firstName: "Bench", lastName: "Mark" } });

  const structures = [];
  const sites = [];
  const offerings = [];
  const otherOfferings = [];
  const advisors: { id: string; structure: number }[] = [];
  const memberships = [];
  for (let s = 0; s < STRUCTURES; s++) {
    const id = randomUUID();
    structures.push({ id, slug: `structure-${s}`, name: `Structure ${s}`, networkId: network.id });
    sites.push({
      id: randomUUID(),
      structureId: id,
      name: "Site",
      address: `${s} rue de la Mesure`,
      postcode: "59000",
      communeCode: COMMUNE,
    });
    offerings.push({
      id: randomUUID(),
      structureId: id,
      serviceId: service.id,
      durationMinutes: 45,
      bufferMinutes: 15,
      modes: ["onsite" as const, "phone" as const],
      minNoticeMinutes: 120,
      horizonDays: 90,
    });
    otherOfferings.push({
      id: randomUUID(),
      structureId: id,
      serviceId: other.id,
      durationMinutes: 30,
      modes: ["onsite" as const],
    });
    for (let a = 0; a < ADVISORS_PER_STRUCTURE; a++) {
      const advisorId = randomUUID();
      advisors.push({ id: advisorId, structure: s });
      memberships.push({ userId: advisorId, structureId: id, role: "advisor" as const });
    }
  }
  await p.structure.createMany({ data: structures });
  await p.structureCommune.createMany({ data: structures.map((s) => ({ structureId: s.id, communeCode: COMMUNE })) });
  await p.site.createMany({ data: sites });
  await p.offering.createMany({ data: [...offerings, ...otherOfferings] });
  await p.staffUser.createMany({
    data: advisors.map((a, i) => ({ id: a.id, email: `a${i}@bench.test`, firstName: "A", lastName: String(i) })),
  });
  await p.membership.createMany({ data: memberships });

  // Varied weeks: full days with a lunch break, mornings only, every other week, some remote.
  const rules = [];
  const links = [];
  for (const [i, advisor] of advisors.entries()) {
    const structureId = structures[advisor.structure]?.id as string;
    const siteId = sites[advisor.structure]?.id as string;
    const offeringId = offerings[advisor.structure]?.id as string;
    const shapes = [
      { weekdays: [1, 2, 3, 4, 5], startTime: "09:00", endTime: "12:00", everyWeeks: 1, siteId, modes: ["onsite", "phone"] },
      { weekdays: [1, 2, 4], startTime: "13:30", endTime: "17:00", everyWeeks: i % 3 === 0 ? 2 : 1, siteId, modes: ["onsite"] },
      { weekdays: [3, 5], startTime: "14:00", endTime: "16:00", everyWeeks: 1, siteId: null, modes: ["phone"] },
    ];
    for (const shape of shapes.slice(0, 1 + (i % 3))) {
      const id = randomUUID();
      rules.push({
        id,
        advisorId: advisor.id,
        structureId,
        validFrom: new Date("2026-01-05"),
        ...shape,
        modes: shape.modes as ("onsite" | "phone")[],
      });
      links.push({ ruleId: id, offeringId });
    }
  }
  await p.availabilityRule.createMany({ data: rules });
  await p.availabilityRuleOffering.createMany({ data: links });

  // 5 000 appointments on the grid of the advisors' mornings over the 8 weeks, never overlapping.
  const taken = new Set<string>();
  const appointments = [];
  while (appointments.length < APPOINTMENTS) {
    const advisor = advisors[Math.floor(rnd() * advisors.length)] as (typeof advisors)[number];
    const day = addDays(MONDAY, Math.floor(rnd() * 8) * 7 + Math.floor(rnd() * 5));
    const hour = 9 + Math.floor(rnd() * 3);
    const key = `${advisor.id}/${day}/${hour}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const startsAt = new Date(`${day}T${String(hour - 1).padStart(2, "0")}:00:00Z`); // close enough to local time for load
    appointments.push({
      offeringId: offerings[advisor.structure]?.id as string,
      structureId: structures[advisor.structure]?.id as string,
      siteId: sites[advisor.structure]?.id as string,
      mode: "onsite" as const,
      advisorId: advisor.id,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      channel: "online" as const,
    });
  }
  for (let i = 0; i < appointments.length; i += 1000) await p.appointment.createMany({ data: appointments.slice(i, i + 1000) });
  await p.absence.createMany({
    data: advisors.slice(0, 20).map((a, i) => ({
      advisorId: a.id,
      startsAt: new Date(`${addDays(MONDAY, i * 2)}T07:00:00Z`),
      endsAt: new Date(`${addDays(MONDAY, i * 2 + 3)}T18:00:00Z`),
    })),
  });
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN).toFixed(1);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms`;
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/**
 * The answer as a browser receives it (server/http/compress.ts): its size in brotli and in
 * gzip, and the time of a request in brotli, compression included.
 */
async function overTheWire(app: ReturnType<typeof testApp>, path: string) {
  const sizeIn = async (encoding: string) => {
    const res = await app.request(path, { headers: { "Accept-Encoding": encoding } });
    if (res.headers.get("Content-Encoding") !== encoding) throw new Error(`${path}: not sent in ${encoding}`);
    return (await res.arrayBuffer()).byteLength;
  };
  const samples: number[] = [];
  for (let i = 0; i < Math.min(ROUNDS, 20); i++) {
    const started = performance.now();
    await sizeIn("br");
    samples.push(performance.now() - started);
  }
  return { br: await sizeIn("br"), gzip: await sizeIn("gzip"), brP50: percentile(samples, 0.5) };
}

async function measure(db: Database) {
  const label = db.kind.padEnd(10);
  let started = performance.now();
  await migrate(db);
  await build(db);
  // Statistics, as autovacuum gives a database in service within a minute of such a load:
  // without them the planner guesses one row per advisor and walks the exclusion index.
  await db.sql.exec("ANALYZE");
  console.log(
    `${label} data set: ${STRUCTURES} structures, ${STRUCTURES * ADVISORS_PER_STRUCTURE} advisors, ${APPOINTMENTS} appointments, built in ${Math.round(performance.now() - started)} ms`,
  );
  const app = testApp(db, { clock: fixedClock(`${MONDAY}T06:00:00Z`) });
  const cases = [
    [
      "commune, 4 weeks",
      (i: number) =>
        `/api/slots?service=cep-premier-entretien&commune=${COMMUNE}&from=${addDays(MONDAY, (i % 5) * 7)}&to=${addDays(MONDAY, (i % 5) * 7 + 27)}`,
    ],
    [
      "commune, 4 weeks, on site",
      (i: number) =>
        `/api/slots?service=cep-premier-entretien&commune=${COMMUNE}&mode=onsite&from=${addDays(MONDAY, (i % 5) * 7)}&to=${addDays(MONDAY, (i % 5) * 7 + 27)}`,
    ],
    [
      "commune, 1 week",
      (i: number) =>
        `/api/slots?service=cep-premier-entretien&commune=${COMMUNE}&from=${addDays(MONDAY, (i % 8) * 7)}&to=${addDays(MONDAY, (i % 8) * 7 + 6)}`,
    ],
    ["next availability (first=true)", () => `/api/slots?service=cep-premier-entretien&commune=${COMMUNE}&first=true`],
  ] as const;
  for (const [name, path] of cases) {
    let count = 0;
    let bytes = 0;
    for (let i = 0; i < 5; i++) await (await app.request(path(i))).arrayBuffer(); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      started = performance.now();
      const res = await app.request(path(i));
      const body = await res.text();
      samples.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${path(i)} → ${res.status} ${body}`);
      count = JSON.parse(body).slots.length;
      bytes = Buffer.byteLength(body);
    }
    const ms = (q: number) => `${percentile(samples, q).toFixed(1)} ms`;
    const wire = await overTheWire(app, path(0));
    rows.push([
      db.kind,
      name,
      ms(0.5),
      db.kind === "postgresql" ? `**${ms(0.95)}**` : ms(0.95),
      ms(0.99),
      String(count),
      `${kB(bytes)} → **${kB(wire.br)}** br (×${(bytes / wire.br).toFixed(0)}), ${kB(wire.gzip)} gzip (×${(bytes / wire.gzip).toFixed(0)}); p50 ${wire.brP50.toFixed(1)} ms in br`,
    ]);
    console.log(
      `${label} ${name.padEnd(32)} ${percentiles(samples)}  (${ROUNDS} requests, ${count} slots, ${kB(bytes)}; over the wire ${kB(wire.br)} in brotli, p50 ${wire.brP50.toFixed(1)} ms, ${kB(wire.gzip)} in gzip)`,
    );
  }
}

const pglite = await openDatabase({ kind: "pglite" });
try {
  await measure(pglite);
} finally {
  await pglite.close();
}

const reachable = await new pg.Client({ connectionString: ADMIN_URL }).connect().then(
  (c) => c.end().then(() => true),
  () => false,
);
if (reachable) {
  const { url, drop } = await createPostgresqlUrl(ADMIN_URL);
  const db = await openDatabase({ kind: "postgresql", url });
  try {
    await measure(db);
  } finally {
    await db.close();
    await drop();
  }
} else {
  console.log("postgresql skipped: no server at BENCH_DATABASE_URL");
}

await appendReport("slot search at the target scale (`npm run bench:slots`)", [
  `${STRUCTURES} structures, ${STRUCTURES * ADVISORS_PER_STRUCTURE} advisors, ${APPOINTMENTS} appointments over 8 weeks; timed inside the server (\`app.request()\`, JSON included), ${ROUNDS} requests per case. Target: p95 under 50 ms on PostgreSQL.`,
  "",
  table(["database", "search", "p50", "p95", "p99", "slots returned", "answer, plain → over the wire"], rows),
]);
