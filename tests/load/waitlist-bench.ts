// `npm run bench:waitlist`: the waiting list's target on PostgreSQL — 1 000 people waiting on one
// offering, each for an earlier time than their meeting (their meetings inserted in bulk, each
// joining through its private link, as the page does), then 100 other meetings cancelled one
// after the other through their private links. A cancellation writes its offer to the outbox in
// its own transaction, so the cancel's latency is the time until the freed slot is offered: p50,
// p95 and max. Then BENCH_ACCEPTS (20) of those offers accepted, each freeing the later meeting
// it replaces, offered on in the same transaction (the cascade): their latency too. Through the
// API in this process (Hono's app.request: the whole stack but the socket). Target: p95 < 1 s.
import { randomUUID } from "node:crypto";
import { createApp } from "../../server/app.ts";
import { fixedClock } from "../../server/clock.ts";
import { openDatabase, type PrismaClient } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { addDays, isoWeekday, localInstant } from "../../server/domain/time.ts";
import { newManageToken } from "../../server/features/appointments/manage-token.ts";
import { messageOf, testConfig, testDeps } from "../helpers/app.ts";
import { createPostgresqlUrl } from "../helpers/db.ts";
import { openWeekdays } from "./open-weekdays.ts";
import { ADMIN_URL, appendReport, percentile, postgresqlVersion, table } from "./report.ts";

const WAITING = Number(process.env.BENCH_WAITING ?? 1000);
const CANCELS = Number(process.env.BENCH_CANCELS ?? 100);
const ACCEPTS = Number(process.env.BENCH_ACCEPTS ?? 20);
const ADVISORS = 10;
const NOW = "2026-03-02T08:00:00Z"; // Monday 09:00 in Paris: day time, 15-minute holds
const FIRST_DAY = "2026-03-02";
const ZONE = "Europe/Paris";

interface Meeting {
  personId: string;
  advisorId: string;
  startsAt: Date;
  token: string;
}

/** One structure, one offering of 30 minutes, ten advisors open Monday to Friday 08:00–18:00: 200 slots a day. */
async function build(p: PrismaClient) {
  await p.commune.create({ data: { code: "59350", name: "Lille", departmentCode: "59", postcodes: ["59000"] } });
  const network = await p.network.create({ data: { slug: "bench", name: "Réseau de mesure" } });
  const service = await p.service.create({ data: { slug: "information-conseil-vae", name: "Information-conseil VAE" } });
  const structure = await p.structure.create({
    data: {
      slug: "structure",
      name: "Structure de mesure",
      networkId: network.id,
      communes: { create: [{ communeCode: "59350" }] },
    },
  });
  const site = await p.site.create({
    data: { structureId: structure.id, name: "Site", address: "1 rue de la Mesure", postcode: "59000", communeCode: "59350" },
  });
  const offering = await p.offering.create({
    data: {
      structureId: structure.id,
      serviceId: service.id,
      durationMinutes: 30,
      modes: ["onsite"],
      minNoticeMinutes: 0,
      horizonDays: 120,
    },
  });
  const advisors = Array.from({ length: ADVISORS }, () => randomUUID());
  await p.staffUser.createMany({
    data: advisors.map((id, i) => ({ id, email: `conseiller${i}@bench.test`, firstName: "Conseiller", lastName: String(i) })),
  });
  await p.membership.createMany({
    data: advisors.map((userId) => ({ userId, structureId: structure.id, role: "advisor" as const })),
  });
  await openWeekdays(
    p,
    advisors.map((id) => ({ id, structureId: structure.id, siteId: site.id, offeringId: offering.id })),
    FIRST_DAY,
  );
  return { structure, site, offering, advisors };
}

/** `count` meetings booked online, in bulk, from `firstDay` on (weekdays, every advisor's half-hours in turn), with their private links. */
async function meetings(p: PrismaClient, fx: Awaited<ReturnType<typeof build>>, firstDay: string, count: number, name: string) {
  const list: Meeting[] = [];
  for (let d = 0; list.length < count; d++) {
    const day = addDays(firstDay, d);
    if (isoWeekday(day) > 5) continue;
    for (let half = 0; half < 20 && list.length < count; half++) {
      for (const advisorId of fx.advisors) {
        if (list.length === count) break;
        list.push({
          personId: randomUUID(),
          advisorId,
          startsAt: localInstant(day, 8 * 60 + half * 30, ZONE) as Date,
          token: "",
        });
      }
    }
  }
  const tokens = list.map(() => newManageToken());
  await p.person.createMany({
    data: list.map((m, i) => ({
      id: m.personId,
      firstName: "Léa",
      lastName: `${name}-${i}`,
      email: `${name.toLowerCase()}.${i}@example.org`,
      noticeAcceptedAt: new Date(NOW),
    })),
  });
  await p.appointment.createMany({
    data: list.map((m, i) => ({
      offeringId: fx.offering.id,
      structureId: fx.structure.id,
      siteId: fx.site.id,
      mode: "onsite" as const,
      advisorId: m.advisorId,
      personId: m.personId,
      startsAt: m.startsAt,
      endsAt: new Date(m.startsAt.getTime() + 30 * 60_000),
      channel: "online" as const,
      manageTokenHash: tokens[i]?.hash ?? null,
      createdAt: new Date(Date.parse(NOW) - 86_400_000),
    })),
  });
  return list.map((m, i) => ({ ...m, token: tokens[i]?.token as string }));
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

if (!(await postgresqlVersion())) {
  console.log("waitlist   skipped: no PostgreSQL at BENCH_DATABASE_URL");
  process.exit(0);
}
const { url, drop } = await createPostgresqlUrl(ADMIN_URL);
const db = await openDatabase({ kind: "postgresql", url, poolSize: 4 });
const clock = fixedClock(NOW);
const config = testConfig();
const app = createApp(testDeps(db, { clock, config }));
const post = (path: string, body: object = {}) =>
  app.request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

let results: { join: number[]; cancel: number[]; accept: number[]; offers: number; cascaded: number; doubles: number };
try {
  await migrate(db);
  const p = db.prisma;
  const fx = await build(p);
  // The cancelled meetings tomorrow; the waiting people's from next week on (200 a day).
  const soon = await meetings(p, fx, addDays(FIRST_DAY, 1), CANCELS, "Annule");
  const later = await meetings(p, fx, addDays(FIRST_DAY, 7), WAITING, "Attente");
  const join: number[] = [];
  for (const m of later) {
    const start = process.hrtime.bigint();
    const res = await post(`/api/manage/${m.token}/waitlist`);
    join.push(ms(start));
    if (res.status !== 201) throw new Error(`join: ${res.status} ${await res.text()}`);
  }
  console.log(
    `waitlist   ${WAITING} people waiting on one offering (joined through their links: p50 ${percentile(join, 0.5).toFixed(1)} ms)`,
  );

  const cancel: number[] = [];
  for (const m of soon) {
    const before = await p.outboxMessage.count({ where: { type: "waitlist.offer" } });
    const start = process.hrtime.bigint();
    const res = await post(`/api/manage/${m.token}/cancel`);
    cancel.push(ms(start));
    if (res.status !== 200) throw new Error(`cancel: ${res.status} ${await res.text()}`);
    // Answered: the offer is already in the outbox (same transaction).
    if ((await p.outboxMessage.count({ where: { type: "waitlist.offer" } })) !== before + 1) throw new Error("no offer written");
  }
  const offers = await p.waitlistOffer.count({ where: { status: "open" } });
  console.log(
    `waitlist   ${CANCELS} cancellations: time to offer p50 ${percentile(cancel, 0.5).toFixed(1)} ms, p95 ${percentile(cancel, 0.95).toFixed(1)} ms, max ${Math.max(...cancel).toFixed(1)} ms (target p95 < 1 s); ${offers} offers open`,
  );

  // The first offers accepted: each frees its person's later meeting, offered on at once.
  const rows = await p.outboxMessage.findMany({
    where: { type: "waitlist.offer" },
    orderBy: { createdAt: "asc" },
    take: ACCEPTS,
  });
  const tokens = rows.map((row) => /\/offre\/([A-Za-z0-9_-]{22})/.exec(messageOf(row).text)?.[1] as string);
  const accept: number[] = [];
  for (const token of tokens) {
    const before = await p.waitlistOffer.count();
    const start = process.hrtime.bigint();
    const res = await post(`/api/offers/${token}/accept`);
    accept.push(ms(start));
    if (res.status !== 200) throw new Error(`accept: ${res.status} ${await res.text()}`);
    if ((await p.waitlistOffer.count()) !== before + 1) throw new Error("the freed meeting was not offered on");
  }
  const cascaded = (await p.waitlistOffer.count()) - CANCELS;
  const [{ doubles } = { doubles: -1 }] = await p.$queryRaw<{ doubles: number }[]>`
    SELECT count(*)::int AS doubles FROM "Appointment" a JOIN "Appointment" b ON a."advisorId" = b."advisorId" AND a.id < b.id
     WHERE a.status = 'booked' AND b.status = 'booked' AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"`;
  results = { join, cancel, accept, offers, cascaded, doubles };
} finally {
  await db.close();
  await drop();
}

const { join, cancel, accept, offers, cascaded, doubles } = results;
const row = (name: string, samples: number[]) => [
  name,
  samples.length,
  `**${percentile(samples, 0.5).toFixed(1)}**`,
  `**${percentile(samples, 0.95).toFixed(1)}**`,
  Math.max(...samples).toFixed(1),
];
console.log(
  `waitlist   ${ACCEPTS} accepts with their cascade: p50 ${percentile(accept, 0.5).toFixed(1)} ms, p95 ${percentile(accept, 0.95).toFixed(1)} ms, max ${Math.max(...accept).toFixed(1)} ms; ${cascaded} freed meetings offered on; ${doubles} double bookings`,
);
await appendReport("the waiting list: time from a cancellation to its offer (`npm run bench:waitlist`)", [
  `${WAITING} people waiting on one offering of one structure (10 advisors), their meetings from a week on inserted in bulk, each joining the list through its private link; ${CANCELS} other meetings of the coming days cancelled one after another through their private links, through the API in the benchmark's process (PostgreSQL). The offer is written to the outbox in the cancel's transaction: the cancel's latency is the time to offer. Then ${ACCEPTS} offers accepted, each freeing a later meeting offered on in the same transaction.`,
  "",
  table(
    ["step", "n", "p50 (ms)", "p95 (ms)", "max (ms)"],
    [row("cancel → offer in the outbox", cancel), row("accept with its cascade", accept), row("join through the link", join)],
  ),
  "",
  `${offers} offers open after the cancellations; ${cascaded} freed meetings offered on; ${doubles} double bookings.`,
]);
if (percentile(cancel, 0.95) >= 1000 || doubles !== 0 || offers !== CANCELS) {
  console.error("waitlist   FAILED: p95 ≥ 1 s, an offer missing or a double booking");
  process.exit(1);
}
