import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { sqlState } from "../../server/db/errors.ts";
import { migrate, readMigrations } from "../../server/db/migrate.ts";
import {
  APPOINTMENT_STATES,
  type AppointmentOutcome,
  type AppointmentState,
  canBecome,
  OUTCOMES,
} from "../../server/domain/appointment-states.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { atFixture, smallDirectory } from "../helpers/fixtures.ts";

// The states' table of server/domain/appointment-states.ts, enforced by the database itself
// (migration appointment_states): every change between two states is written as a bug would
// write it, straight to the row, and must be refused exactly when the table refuses it. Run on
// PGlite, and on PostgreSQL with TEST_DATABASE_URL (.ci/run does both).

let db: Database;
let fx: Awaited<ReturnType<typeof smallDirectory>>;
let personId: string;
let hour = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await smallDirectory(db);
  personId = (await db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand", email: "lea@example.org" } })).id;
});
afterAll(() => db.close());

const columns = (state: AppointmentState) => ({
  status: state === "cancelled" ? ("cancelled" as const) : ("booked" as const),
  outcome: OUTCOMES.includes(state as AppointmentOutcome) ? (state as AppointmentOutcome) : null,
});

/** A meeting in `state`, each at its own hour so that none overlaps another. */
async function meetingIn(state: AppointmentState) {
  const start = new Date(Date.UTC(2026, 2, 2, 0, 0) + hour++ * 3_600_000);
  const { id } = await db.prisma.appointment.create({
    data: { ...atFixture(fx), personId, startsAt: start, endsAt: new Date(start.getTime() + 1_800_000), channel: "online" },
  });
  // Reached as the verbs reach it: from booked, so that the trigger lets it through.
  if (state !== "booked")
    await db.sql.query(
      `UPDATE "Appointment" SET status = $2::"AppointmentStatus", outcome = $3::"AppointmentOutcome" WHERE id = $1::uuid`,
      [id, columns(state).status, columns(state).outcome],
    );
  return id;
}

/** Writes `to` over the row's columns; the SQLSTATE when refused. */
async function write(id: string, to: { status: "booked" | "cancelled"; outcome: AppointmentOutcome | null }) {
  try {
    await db.sql.query(
      `UPDATE "Appointment" SET status = $2::"AppointmentStatus", outcome = $3::"AppointmentOutcome" WHERE id = $1::uuid`,
      [id, to.status, to.outcome],
    );
    return undefined;
  } catch (error) {
    return sqlState(error) ?? String(error);
  }
}

describe("the database keeps an appointment's states as the domain's table says", () => {
  for (const from of APPOINTMENT_STATES) {
    for (const to of APPOINTMENT_STATES) {
      if (from === to) continue; // staying put writes nothing
      const allowed = canBecome(from, to);
      it(`${from} → ${to}: ${allowed ? "accepted" : "refused"}`, async () => {
        const id = await meetingIn(from);
        // A cancellation written by a bug may keep the outcome or drop it: both refused.
        const ways =
          to === "cancelled" && from !== "booked"
            ? [columns(to), { status: "cancelled" as const, outcome: columns(from).outcome }]
            : [columns(to)];
        for (const way of ways) expect(await write(id, way), JSON.stringify(way)).toBe(allowed ? undefined : "23514");
        const row = await db.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true } });
        expect(row).toEqual(allowed ? columns(to) : columns(from));
      });
    }
  }

  it("refuses a cancelled appointment written with an outcome", async () => {
    const start = new Date("2026-03-10T09:00:00Z");
    const error = await db.prisma.appointment
      .create({
        data: {
          ...atFixture(fx),
          personId,
          startsAt: start,
          endsAt: new Date(start.getTime() + 1_800_000),
          channel: "online",
          status: "cancelled",
          outcome: "honoured",
        },
      })
      .catch((e: unknown) => e);
    expect(sqlState(error)).toBe("23514");
  });
});

describe("the migration that brings the table in", () => {
  it("puts back the meetings cancelled after their outcome, unless their time was given to another", async () => {
    // Every other migration first, then this one over rows the old code could write.
    const before = await createTestDatabase({ migrated: false });
    try {
      const states = (m: { name: string }) => m.name.endsWith("_appointment_states");
      await migrate(
        before,
        readMigrations().filter((m) => !states(m)),
      );
      const dir = await smallDirectory(before);
      const { id: person } = await before.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } });
      const meeting = (hhmm: string, extra: object) =>
        before.prisma.appointment.create({
          data: {
            ...atFixture(dir),
            personId: person,
            startsAt: new Date(`2026-03-24T${hhmm}:00+01:00`),
            endsAt: new Date(`2026-03-24T${hhmm}:45+01:00`),
            channel: "online",
            ...extra,
          },
        });
      const cancelledLate = { status: "cancelled", outcome: "honoured", cancelledAt: new Date("2026-03-24T12:00:00Z") };
      const attended = await meeting("09", cancelledLate);
      const given = await meeting("10", { ...cancelledLate, outcome: "no_show" });
      const taken = await meeting("10", {}); // booked on the time the cancellation freed
      await migrate(before);
      const rows = await before.prisma.appointment.findMany({
        where: { id: { in: [attended.id, given.id, taken.id] } },
        select: { id: true, status: true, outcome: true, cancelledAt: true },
      });
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get(attended.id)).toEqual({ id: attended.id, status: "booked", outcome: "honoured", cancelledAt: null });
      expect(byId.get(given.id)).toMatchObject({ status: "cancelled", outcome: null });
      expect(byId.get(taken.id)).toMatchObject({ status: "booked", outcome: null });
    } finally {
      await before.close();
    }
  });
});
