import { afterAll, describe, it } from "vitest";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { messageIdOf } from "../../server/mail/transport.ts";
import { createPostgresqlUrl, TEST_DATABASE_URL } from "../helpers/db.ts";
import {
  type Answer,
  book,
  byMessageId,
  FULL,
  faultDirectory,
  findPgBin,
  freeSlots,
  killAllServers,
  privateCluster,
  request,
  restartableSmtp,
  type ServerProcess,
  START,
  sleep,
  startServer,
  waitFor,
} from "./harness.ts";

// Faults, with the real server as a child process: the SMTP server down, the process killed
// mid-send, PostgreSQL restarted under it. `npm run test:faults` runs the sizes; CI a
// short version of each.
const SIZES = FULL
  ? { smtpDownMs: 60_000, smtpDownBookings: 60, kills: 20, killBookings: 500, pgDownMs: 20_000 }
  : { smtpDownMs: 3_000, smtpDownBookings: 8, kills: 3, killBookings: 50, pgDownMs: 3_000 };
const LONG = FULL ? 15 * 60_000 : 120_000;
/** The outbox worker's lease (server/mail/outbox-worker.ts): past it, a killed worker's claims are taken over. */
const LEASE_MS = 120_000;

/** What one test started, undone in reverse order whatever happens (the tests run side by side). */
class Scope {
  private readonly undo: (() => Promise<unknown> | unknown)[] = [];
  defer(fn: () => Promise<unknown> | unknown) {
    this.undo.push(fn);
  }
  async close() {
    for (const fn of this.undo.splice(0).reverse()) await Promise.resolve(fn()).catch(() => {});
  }
}
afterAll(killAllServers);

/** A fresh PostgreSQL database on the shared server, dropped afterwards. */
async function freshDatabase(scope: Scope) {
  const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
  scope.defer(drop);
  return url;
}

async function openAndFill(scope: Scope, url: string) {
  const db = await openDatabase({ kind: "postgresql", url, poolSize: 4 });
  scope.defer(() => db.close());
  return { db, fx: await faultDirectory(db) };
}

class UnexpectedAnswer extends Error {}

/**
 * Books as a patient client does: the same request (same Idempotency-Key) again while the
 * server cannot be reached or answers 503, until it answers. Anything but a 201 is a failure.
 */
async function bookUntilAnswered(server: () => string, slot: string, key: string, stats: { retries: number; aborted: boolean }) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new UnexpectedAnswer(`${key}: no answer for 60 s`);
    if (stats.aborted) throw new UnexpectedAnswer(`${key}: the test stopped`);
    let answer: Answer | undefined;
    try {
      answer = await book(server(), slot, key);
    } catch {
      // The process is down (killed, restarting): try again.
    }
    if (answer?.status === 201) return answer;
    if (answer && answer.status !== 503) throw new UnexpectedAnswer(`${key}: ${answer.status} ${JSON.stringify(answer.body)}`);
    stats.retries++;
    await sleep(100);
  }
}

/** Every message that is due (reminders are not: the meetings are days away) has been sent. */
const allDueSent = async (db: Database) =>
  (await db.prisma.outboxMessage.count({ where: { type: { not: "appointment.reminder" }, status: { not: "sent" } } })) === 0;

const PG_BIN = findPgBin();

// Side by side: each mostly waits (for a backoff, a restart, an outage), on its own processes.
describe.concurrent("faults", () => {
  it(
    `SMTP down ${SIZES.smtpDownMs / 1000} s while ${SIZES.smtpDownBookings} bookings are made: every message delivered once it is back, none lost, none failed`,
    async ({ expect, skip }) => {
      skip(!TEST_DATABASE_URL, "needs PostgreSQL: set TEST_DATABASE_URL");
      const scope = new Scope();
      try {
        const url = await freshDatabase(scope);
        const smtp = await restartableSmtp();
        scope.defer(smtp.close);
        const server = await startServer({ DATABASE_URL: url, SMTP_URL: smtp.url, NOW: START });
        scope.defer(server.kill);
        const { db, fx } = await openAndFill(scope, url);
        const slots = await freeSlots(server.url, fx.structure.id, "2026-03-23", SIZES.smtpDownBookings + 2);

        // Two bookings while all is well, then the SMTP server goes away.
        for (const [i, slot] of slots.slice(0, 2).entries())
          expect((await book(server.url, slot, `smtp-before-${i}`)).status).toBe(201);
        await waitFor("the first messages sent", () => allDueSent(db), 30_000);
        const before = smtp.received.length;
        await smtp.down();
        const downAt = Date.now();
        const pace = SIZES.smtpDownMs / SIZES.smtpDownBookings;
        for (const [i, slot] of slots.slice(2).entries()) {
          expect((await book(server.url, slot, `smtp-during-${i}`)).status).toBe(201);
          await sleep(Math.max(0, downAt + (i + 1) * pace - Date.now()));
        }
        expect(smtp.received.length).toBe(before);
        const refused = await db.prisma.outboxMessage.count({ where: { lastError: { contains: "ECONNREFUSED" } } });
        expect(refused).toBeGreaterThan(0); // the worker did try while it was down
        await smtp.up();
        const upAt = Date.now();

        await waitFor("every due message sent after the SMTP server came back", () => allDueSent(db), LONG - 30_000, 500);
        const last = Math.max(...smtp.received.map((m) => m.at));
        const rows = await db.prisma.outboxMessage.findMany({
          where: { type: { not: "appointment.reminder" } },
          select: { id: true, status: true, attempts: true },
        });
        expect(rows).toHaveLength(2 * (SIZES.smtpDownBookings + 2));
        expect(await db.prisma.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
        const counts = byMessageId(smtp.received);
        expect([...counts.keys()].sort()).toEqual(rows.map((r) => messageIdOf(r.id)).sort());
        expect([...counts.values()].filter((copies) => copies.length > 1)).toEqual([]);
        console.log(
          `SMTP down ${SIZES.smtpDownMs / 1000} s: ${rows.length} messages (${refused} refused meanwhile) delivered once each, ` +
            `the last ${((last - upAt) / 1000).toFixed(1)} s after it came back; attempts up to ${Math.max(...rows.map((r) => r.attempts))}`,
        );
      } finally {
        await scope.close();
      }
    },
    LONG,
  );

  it(
    `the server killed (SIGKILL) ${SIZES.kills} times mid-send during ${SIZES.killBookings} bookings: every confirmation delivered, duplicates only with the same Message-ID`,
    async ({ expect, skip }) => {
      skip(!TEST_DATABASE_URL, "needs PostgreSQL: set TEST_DATABASE_URL");
      const scope = new Scope();
      try {
        const url = await freshDatabase(scope);
        // The SMTP server takes 100 ms to answer: the kills land between its receiving a message
        // and the worker recording it as sent, the window where a message is sent twice.
        const smtp = await restartableSmtp({ delayMs: 100 });
        scope.defer(smtp.close);
        // The restarted process's clock is moved past the killed one's leases: in production, the
        // takeover waits for the lease (two minutes); here, the clock travels instead.
        let startNow = new Date(START).getTime();
        let startWall = Date.now();
        const serverNow = () => startNow + (Date.now() - startWall);
        const env = { DATABASE_URL: url, SMTP_URL: smtp.url };
        let server: ServerProcess = await startServer({ ...env, NOW: START });
        scope.defer(() => server.kill());
        const port = server.port;
        const { db, fx } = await openAndFill(scope, url);
        const slots = await freeSlots(server.url, fx.structure.id, "2026-03-23", SIZES.killBookings);

        // Set when the test ends, so that a failure stops the client and the killer too.
        const stats = { retries: 0, aborted: false };
        scope.defer(() => {
          stats.aborted = true;
        });
        let done = 0;
        let next = 0;
        const client = Promise.all(
          Array.from({ length: 4 }, async () => {
            while (next < slots.length) {
              const i = next++;
              await bookUntilAnswered(() => server.url, slots[i] as string, `kill-booking-${i}`, stats);
              done++;
            }
          }),
        );
        const kills: { unanswered: number; restartMs: number }[] = [];
        const killer = (async () => {
          for (let k = 0; k < SIZES.kills && !stats.aborted; k++) {
            // Spread over the bookings, each at a moment a message is being sent if one comes.
            await waitFor(
              "bookings progressing",
              () => stats.aborted || done >= Math.floor(((k + 1) * SIZES.killBookings) / (SIZES.kills + 1)),
              LONG,
            );
            await waitFor("a message being sent", () => smtp.unanswered() > 0, 2_000, 5).catch(() => {});
            const unanswered = smtp.unanswered();
            await server.kill();
            const killedAt = Date.now();
            startNow = serverNow() + LEASE_MS + 5_000;
            startWall = Date.now();
            server = await startServer({ ...env, NOW: new Date(startNow).toISOString() }, { port });
            kills.push({ unanswered, restartMs: Date.now() - killedAt });
          }
        })();
        await Promise.all([client, killer]);

        await waitFor("every due message sent", () => allDueSent(db), 60_000, 250);
        const appointments = await db.prisma.appointment.findMany({
          where: { status: "booked" },
          select: { id: true, person: { select: { email: true } } },
        });
        expect(appointments).toHaveLength(SIZES.killBookings);
        const confirmations = await db.prisma.outboxMessage.findMany({
          where: { type: "appointment.booked" },
          select: { id: true, appointmentId: true, status: true },
        });
        expect(confirmations.map((c) => c.appointmentId).sort()).toEqual(appointments.map((a) => a.id).sort());
        const counts = byMessageId(smtp.received);
        // Every confirmation reached the SMTP server, under its row's Message-ID.
        for (const c of confirmations) expect(counts.get(messageIdOf(c.id))?.length ?? 0).toBeGreaterThanOrEqual(1);
        // No message under an unknown Message-ID, and one Message-ID per person (their
        // confirmation), however many copies: a duplicate can always be told as one.
        const sent = await db.prisma.outboxMessage.findMany({ where: { status: "sent" }, select: { id: true } });
        expect([...counts.keys()].sort()).toEqual(sent.map((r) => messageIdOf(r.id)).sort());
        for (const a of appointments) {
          const ids = new Set(smtp.received.filter((m) => m.to === a.person.email).map((m) => m.messageId));
          expect(ids.size).toBe(1);
        }
        const duplicates = smtp.received.length - counts.size;
        const midSend = kills.filter((k) => k.unanswered > 0).length;
        console.log(
          `SIGKILL ×${kills.length} (${midSend} with a message being sent) during ${SIZES.killBookings} bookings: ` +
            `${confirmations.length}/${SIZES.killBookings} confirmations delivered; ${smtp.received.length} deliveries of ${counts.size} messages ` +
            `(${duplicates} duplicates, each under its message's Message-ID); ${stats.retries} client retries; ` +
            `restart ${Math.round(kills.reduce((s, k) => s + k.restartMs, 0) / kills.length)} ms on average`,
        );
      } finally {
        await scope.close();
      }
    },
    LONG,
  );

  it(
    `PostgreSQL (a private cluster) down ${SIZES.pgDownMs / 1000} s under the server: requests answer 503 quickly meanwhile, and succeed again after, without restarting the app`,
    async ({ expect, skip }) => {
      skip(PG_BIN === undefined, "needs PostgreSQL's initdb and pg_ctl (and, as root, a postgres user)");
      const scope = new Scope();
      try {
        const cluster = await privateCluster(PG_BIN as string);
        scope.defer(() => cluster.destroy());
        const server = await startServer({ DATABASE_URL: cluster.url, NOW: START });
        scope.defer(server.kill);
        const db = await openDatabase({ kind: "postgresql", url: cluster.url, poolSize: 1 });
        const fx = await faultDirectory(db).finally(() => db.close());
        const slots = await freeSlots(server.url, fx.structure.id, "2026-03-23", 400);
        const paths = ["/api/health", "/api/services", "/api/structures", "booking"];
        let booked = 0;
        // Reads, and bookings (a transaction), each on a new slot: 201 or 503, nothing else.
        const call = (path: string) =>
          path === "booking"
            ? book(server.url, slots[booked++ % slots.length] as string, `restart-booking-${booked}`)
            : request(`${server.url}${path}`, {}, 30_000);
        for (const path of paths) expect((await call(path)).status).toBeLessThan(300);

        const samples: { path: string; start: number; end: number; status: number | "socket"; ms: number }[] = [];
        let running = true;
        const load = Promise.all(
          paths.map(async (path) => {
            while (running) {
              const start = Date.now();
              try {
                const answer = await call(path);
                samples.push({ path, start, end: Date.now(), status: answer.status, ms: answer.ms });
              } catch {
                samples.push({ path, start, end: Date.now(), status: "socket", ms: Date.now() - start });
              }
              await sleep(50);
            }
          }),
        );
        await sleep(1_000);
        const stopping = Date.now();
        await cluster.stop();
        const stopped = Date.now();
        await sleep(SIZES.pgDownMs);
        const starting = Date.now();
        await cluster.start();
        const up = Date.now();
        await waitFor(
          "a request that succeeds",
          () => samples.some((s) => s.start >= up && typeof s.status === "number" && s.status < 300),
          30_000,
          50,
        );
        await sleep(2_000);
        running = false;
        await load;

        // Nothing but success and 503; never a 500 (a bug: logged), never a dropped connection.
        expect(
          server
            .output()
            .split("\n")
            .filter((line) => line.includes('"msg":"unexpected error"')),
        ).toEqual([]);
        const at = (s: (typeof samples)[number]) =>
          `${s.path} ${s.status} ${s.ms.toFixed(0)} ms, from ${s.start - stopping} ms after the stop`;
        const timeline = `stop ${stopped - stopping} ms, start at ${starting - stopping} ms, up at ${up - stopping} ms`;
        const ok = (s: (typeof samples)[number]) => typeof s.status === "number" && s.status < 300;
        expect(samples.filter((s) => !ok(s) && s.status !== 503).map(at), timeline).toEqual([]);
        const outage = samples.filter((s) => s.start >= stopped && s.end <= starting);
        expect(outage.length).toBeGreaterThan(0);
        expect(outage.filter((s) => s.status !== 503).map(at), timeline).toEqual([]);
        const slowest = Math.max(...outage.map((s) => s.ms));
        expect(slowest).toBeLessThan(5_000);
        expect(outage.filter((s) => s.path === "booking").length).toBeGreaterThan(0);
        const firstOk = Math.min(...samples.filter((s) => s.start >= up && ok(s)).map((s) => s.end));
        const recovery = firstOk - up;
        expect(recovery).toBeLessThan(10_000);
        // Once back, it stays back: every request of the last second succeeded.
        const tail = samples.filter((s) => s.start >= firstOk + 1_000);
        expect(tail.length).toBeGreaterThan(0);
        expect(tail.filter((s) => !ok(s)).map(at), timeline).toEqual([]);
        expect(new Set(tail.map((s) => s.path))).toEqual(new Set(paths));
        expect(server.child.exitCode).toBeNull();
        const sorted = outage.map((s) => s.ms).sort((x, y) => x - y);
        console.log(
          `PostgreSQL down ${SIZES.pgDownMs / 1000} s (stop took ${stopped - stopping} ms, start ${up - starting} ms): ` +
            `${outage.length} requests meanwhile, all 503, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} ms, slowest ${slowest.toFixed(0)} ms; ` +
            `first success ${recovery} ms after PostgreSQL was up again`,
        );
        expect(await server.stop(), server.output().slice(-2000)).toBe(0);
      } finally {
        await scope.close();
      }
    },
    LONG,
  );
});
