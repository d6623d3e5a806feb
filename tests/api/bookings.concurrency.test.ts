import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { ADVISOR_TURN } from "../../server/features/appointments/book-slot.ts";
import { decodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase, TEST_DATABASE_URL } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// Races that only a real server can run: PGlite is one connection and serialises everything.
// Each request runs through the whole app against a pool of 20 PostgreSQL connections.
describe.skipIf(!TEST_DATABASE_URL)("bookings under concurrency (PostgreSQL)", () => {
  let db: Database;
  let app: ReturnType<typeof testApp>;
  let fx: Awaited<ReturnType<typeof bookableDirectory>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    fx = await bookableDirectory(db);
    app = testApp(db, { clock: fixedClock("2026-03-20T08:00:00Z") });
  });
  afterAll(() => db.close());

  const slots = async (service: string, date: string) =>
    (
      await (
        await app.request(`/api/slots?service=${service}&structure=${fx.structure.id}&from=${date}&to=${date}&mode=onsite`)
      ).json()
    ).slots;
  const book = (slotKey: string, key: string, email = `${key}@example.org`) =>
    app.request("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify({ slotKey, person: { firstName: "Léa", lastName: "Durand", email }, noticeAccepted: true }),
    });

  it("50 concurrent bookings of one slot: exactly one 201, 49 × 409, one row", async () => {
    const [slot] = await slots("information-conseil-vae", "2026-03-30");
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => book(slot.key, `race-one-slot-${i}`)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const lost = await responses.find((r) => r.status === 409)?.json();
    expect(lost.error.code).toBe("SLOT_TAKEN");
    expect(lost.error.alternatives).toHaveLength(3);
    expect(await db.prisma.appointment.count({ where: { startsAt: new Date("2026-03-30T07:00:00Z"), status: "booked" } })).toBe(
      1,
    );
    expect(await db.prisma.person.count({ where: { email: { startsWith: "race-one-slot-" } } })).toBe(1);
  });

  it("a 12-seat session under 40 concurrent bookings: exactly 12", async () => {
    const [session] = await slots("reunion-information-vae", "2026-04-14");
    expect(session.seatsLeft).toBe(12);
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => book(session.key, `race-session-${i}`)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(12);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(28);
    expect(
      await db.prisma.appointment.count({
        where: { offeringId: fx.collective.offeringId, startsAt: new Date("2026-04-14T12:00:00Z") },
      }),
    ).toBe(12);
  });

  it("concurrent requests with one Idempotency-Key: one booking, the same answer for all", async () => {
    const [slot] = await slots("information-conseil-vae", "2026-03-31");
    const responses = await Promise.all(Array.from({ length: 10 }, () => book(slot.key, "same-key-for-all", "same@example.org")));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(new Set(bodies.map((b) => b.appointment.id)).size).toBe(1);
    expect(await db.prisma.appointment.count({ where: { person: { email: "same@example.org" } } })).toBe(1);
  });

  it("a move competing with a booking for the same new slot: one wins, the other keeps what it had", async () => {
    const [from, target] = await slots("information-conseil-vae", "2026-04-01");
    const booked = await (await book(from.key, "mover-key")).json();
    const token = booked.manageUrl.split("/").at(-1);
    const [move, other] = await Promise.all([
      app.request(`/api/manage/${token}/reschedule`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ slotKey: target.key }),
      }),
      book(target.key, "competitor"),
    ]);
    // Exactly one of them gets the slot.
    expect([move.status, other.status]).toContainEqual(409);
    expect([
      [200, 409],
      [409, 201],
    ]).toContainEqual([move.status, other.status]);
    const mine = await db.prisma.appointment.findUniqueOrThrow({ where: { id: booked.appointment.id } });
    expect(mine.status).toBe("booked");
    if (move.status === 200) expect(mine.startsAt.toISOString()).toBe("2026-04-01T08:00:00.000Z");
    else expect(mine.startsAt.toISOString()).toBe("2026-04-01T07:00:00.000Z"); // the old slot was never released
    expect(await db.prisma.appointment.count({ where: { startsAt: new Date("2026-04-01T08:00:00Z"), status: "booked" } })).toBe(
      1,
    );
  });
  it("bookings of one advisor take turns before inserting (no deadlock on a time many want): one waits for the other", async () => {
    // While another booking of the advisor holds the turn, a booking waits for it, then goes on.
    // (Deadlocks under a crowd: `npm run bench:users` and the PostgreSQL log; its statistics lag.)
    const [slot] = await slots("information-conseil-vae", "2026-04-07");
    const ref = decodeSlotKey(slot.key);
    let pending: Promise<Response> | undefined;
    await db.transaction(async (sql) => {
      await sql.query("SELECT 1 FROM pg_advisory_xact_lock($1, hashtext($2))", [ADVISOR_TURN, ref?.advisorId]);
      pending = Promise.resolve(book(slot.key, "turn-booking"));
      for (let waited = 0; ; waited += 20) {
        const [w] = await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        if (w?.n) break;
        if (waited > 10_000) throw new Error("the booking did not wait for the advisor's turn");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    expect((await (pending as Promise<Response>)).status).toBe(201);
  });

  it("a move into an advisor's time takes the same turn as a booking: it waits while a booking of theirs holds it", async () => {
    const [from, , target] = await slots("information-conseil-vae", "2026-04-08");
    const token = (await (await book(from.key, "turn-mover")).json()).manageUrl.split("/").at(-1);
    const ref = decodeSlotKey(target.key);
    let pending: Promise<Response> | undefined;
    await db.transaction(async (sql) => {
      await sql.query("SELECT 1 FROM pg_advisory_xact_lock($1, hashtext($2))", [ADVISOR_TURN, ref?.advisorId]);
      pending = Promise.resolve(
        app.request(`/api/manage/${token}/reschedule`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ slotKey: target.key }),
        }),
      );
      for (let waited = 0; ; waited += 20) {
        const [w] = await db.sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        if (w?.n) break;
        if (waited > 10_000) throw new Error("the move did not wait for the advisor's turn");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    expect((await (pending as Promise<Response>)).status).toBe(200);
  });

  it("two bookings of one time waiting on each other (a deadlock PostgreSQL breaks): the one aborted runs again, 201 not 500", async () => {
    // Two bookings inserting the same time at once each wait for the other under the exclusion
    // constraint, and PostgreSQL aborts one after deadlock_timeout. Made certain here: a
    // transaction holds a meeting at the slot (the booking waits for it), then claims the
    // booking's Idempotency-Key (it waits for the booking): the booking, waiting first, is aborted.
    const [held, slot] = await slots("information-conseil-vae", "2026-04-02");
    const owner = await (await book(held.key, "deadlock-owner")).json();
    const ref = decodeSlotKey(slot.key);
    let keyTaken = false;
    let pending: Promise<Response> | undefined;
    await expect(
      db.transaction(async (sql) => {
        await sql.query(
          `INSERT INTO "Appointment" (id, "offeringId", "structureId", "siteId", mode, "advisorId", "personId", "startsAt", "endsAt",
                                      channel, "manageTokenHash", "updatedAt")
           SELECT gen_random_uuid(), "offeringId", "structureId", "siteId", mode, $2::uuid, "personId", $3, $4, channel, md5(random()::text), now()
             FROM "Appointment" WHERE id = $1::uuid`,
          [owner.appointment.id, ref?.advisorId, new Date(slot.start), new Date(slot.end)],
        );
        pending = Promise.resolve(book(slot.key, "deadlock-booking", "deadlock@example.org"));
        for (let waited = 0; ; waited += 20) {
          const [w] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`);
          if (w?.n) break;
          if (waited > 10_000) throw new Error("the booking never waited for the meeting held");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await sql.query(`INSERT INTO "IdempotencyKey" (key, "requestHash", status, response) VALUES ($1, 'held', 0, '{}')`, [
          "booking:deadlock-booking",
        ]);
        keyTaken = true; // the booking was the one aborted
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(keyTaken).toBe(true);
    const answer = await (pending as Promise<Response>);
    expect(answer.status).toBe(201);
    expect((await answer.json()).appointment.start).toBe(slot.start);
    const booked = await db.prisma.appointment.findMany({
      where: { startsAt: new Date(slot.start), status: "booked" },
      select: { person: { select: { email: true } } },
    });
    expect(booked).toEqual([{ person: { email: "deadlock@example.org" } }]);
  });
  it("moves into a session with one seat left, 6 at once through private links: exactly one gets it", async () => {
    const sessionOn = async (date: string) => (await slots("reunion-information-vae", date))[0];
    const target = await sessionOn("2026-04-21");
    for (let i = 0; i < 11; i++) expect((await book(target.key, `move-full-${i}`)).status).toBe(201);
    expect((await sessionOn("2026-04-21")).seatsLeft).toBe(1);
    const from = await sessionOn("2026-04-28");
    const tokens = [];
    for (let i = 0; i < 6; i++) tokens.push((await (await book(from.key, `move-from-${i}`)).json()).manageUrl.split("/").at(-1));
    const moves = await Promise.all(
      tokens.map((token) =>
        app.request(`/api/manage/${token}/reschedule`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ slotKey: target.key }),
        }),
      ),
    );
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const booked = (start: string) =>
      db.prisma.appointment.count({
        where: { offeringId: fx.collective.offeringId, startsAt: new Date(start), status: "booked" },
      });
    expect(await booked(target.start)).toBe(12);
    expect(await booked(from.start)).toBe(5);
  });
});
