import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { readMigrations } from "../../server/db/migrate.ts";
import { messageIdOf } from "../../server/mail/transport.ts";
import { createPostgresqlUrl, TEST_DATABASE_URL } from "../helpers/db.ts";
import {
  book,
  byMessageId,
  FULL,
  faultDirectory,
  freeSlots,
  killAllServers,
  request,
  restartableSmtp,
  type ServerProcess,
  START,
  startServer,
  waitFor,
} from "./harness.ts";

// Two real instances of the app (two processes, each with its pool, its outbox worker and its
// jobs) against one PostgreSQL database, as behind a load balancer. PostgreSQL only: the
// embedded database is one process's.
const ROUNDS = FULL ? 100 : 12;
const BOOKINGS = FULL ? 200 : 30;

describe.skipIf(!TEST_DATABASE_URL)("two instances on one PostgreSQL", () => {
  let drop: (() => Promise<void>) | undefined;
  let db: Database | undefined;
  let smtp: Awaited<ReturnType<typeof restartableSmtp>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let fx: Awaited<ReturnType<typeof faultDirectory>>;
  let slots: string[] = [];

  beforeAll(async () => {
    const created = await createPostgresqlUrl(TEST_DATABASE_URL as string);
    drop = created.drop;
    smtp = await restartableSmtp();
    // Both started at the same moment on an empty database; each tells the SMTP server who it is.
    const env = { DATABASE_URL: created.url, SMTP_URL: smtp.url, NOW: START };
    [a, b] = await Promise.all([
      startServer({ ...env, MAIL_FROM: "Instance A <a@rdv-orientation.localhost>" }),
      startServer({ ...env, MAIL_FROM: "Instance B <b@rdv-orientation.localhost>" }),
    ]);
    db = await openDatabase({ kind: "postgresql", url: created.url, poolSize: 4 });
  }, 120_000);

  afterAll(async () => {
    await killAllServers();
    await smtp?.close();
    await db?.close();
    await drop?.();
  });

  it("started together on an empty database: each migration applied once, both serve", async () => {
    const rows = await (db as Database).prisma.$queryRaw<{ migration_name: string; n: number }[]>`
      SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`;
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, n: 1 })));
    for (const server of [a, b]) {
      expect((await request(`${server.url}/api/health`)).body).toEqual({ status: "ok", database: "postgresql" });
    }
    // Between them, they applied each file once (either may have applied some of them).
    const applied = [a, b]
      .flatMap((s) => s.output().split("\n"))
      .filter((line) => line.includes('"msg":"migrations applied"'))
      .reduce((sum, line) => sum + (JSON.parse(line) as { count: number }).count, 0);
    expect(applied).toBe(readMigrations().length);

    fx = await faultDirectory(db as Database);
    slots = await freeSlots(a.url, fx.structure.id, "2026-03-23", ROUNDS + BOOKINGS);
  });

  it(`the same slot booked through both at once, ${ROUNDS} times: one 201 and one 409 SLOT_TAKEN each`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const slot = slots[round] as string;
      const answers = await Promise.all([book(a.url, slot, `race-${round}-a`), book(b.url, slot, `race-${round}-b`)]);
      outcomes.push(
        answers
          .map((x) => `${x.status}${x.body.error ? ` ${x.body.error.code}` : ""}`)
          .sort()
          .join(" / "),
      );
    }
    expect(outcomes).toEqual(Array(ROUNDS).fill("201 / 409 SLOT_TAKEN"));
    expect(await (db as Database).prisma.appointment.count({ where: { status: "booked" } })).toBe(ROUNDS);
  }, 120_000);

  it(`${BOOKINGS} bookings through both: each message received once, both workers sending`, async () => {
    const keys = slots.slice(ROUNDS);
    // Alternating instances, a few at a time, as a load balancer would spread them.
    const concurrency = 4;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < keys.length) {
          const i = next++;
          const answer = await book((i % 2 ? a : b).url, keys[i] as string, `two-instances-${i}`);
          expect(answer.status, JSON.stringify(answer.body)).toBe(201);
        }
      }),
    );
    const p = (db as Database).prisma;
    const due = { dueAt: { lte: new Date("2026-03-21T00:00:00Z") } }; // everything but the reminders
    const expected = await p.outboxMessage.count({ where: due });
    expect(expected).toBe(2 * (ROUNDS + BOOKINGS)); // a confirmation and an advisor's notice each
    await waitFor(
      "every due message sent",
      async () => (await p.outboxMessage.count({ where: { ...due, status: "sent" } })) === expected,
      60_000,
    );
    const rows = await p.outboxMessage.findMany({ where: due, select: { id: true } });
    const counts = byMessageId(smtp.received);
    expect([...counts.keys()].sort()).toEqual(rows.map((r) => messageIdOf(r.id)).sort());
    expect([...counts.values()].filter((copies) => copies.length > 1)).toEqual([]);
    const bySender = { a: 0, b: 0 };
    for (const m of smtp.received) bySender[m.from.startsWith("a@") ? "a" : "b"]++;
    console.log(
      `two instances: ${smtp.received.length} messages received once each; sent by A ${bySender.a}, by B ${bySender.b}`,
    );
    expect(smtp.received).toHaveLength(expected);
  }, 180_000);
});
