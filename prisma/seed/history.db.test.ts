import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { epochDay, mondayOf } from "../../server/domain/time.ts";
import { createTestDatabase } from "../../tests/helpers/db.ts";
import { brokenForeignKeys } from "./bulk.ts";
import { type HistoryCounts, seedDemoHistory } from "./history.ts";
import { seedDemo } from "./index.ts";

// The demo history on the demo directory: past only, inside the advisors' hours, never two
// meetings of an advisor at once, the mix as intended, referrals consistent with their meetings.

const NOW = new Date("2026-11-20T10:00:00Z");
const START_OF_TODAY = new Date("2026-11-19T23:00:00Z"); // midnight in Paris (UTC+1)

let db: Database;
let counts: HistoryCounts;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db);
  counts = await seedDemoHistory(db, NOW);
}, 120_000);
afterAll(() => db?.close());

const share = (part: number, whole: number) => part / whole;

describe("seedDemoHistory", () => {
  it("adds months of activity: people, meetings, referrals and 90 days of waiting times", () => {
    expect(counts.appointments).toBeGreaterThan(5000);
    expect(counts.persons).toBeGreaterThan(3000);
    expect(counts.referrals).toBeGreaterThan(500);
    expect(counts.referralEvents).toBeGreaterThan(counts.referrals);
    expect(counts.snapshots).toBeGreaterThan(90 * 50);
  });

  it("leaves no row without its parent, though PGlite checks the foreign keys once at the end", async () => {
    expect(await brokenForeignKeys(db.sql)).toEqual([]);
  });

  it("gives people phones in E.164 from ARCEP's range for fiction only, which nobody answers", async () => {
    const phones = await db.prisma.person.findMany({ where: { phone: { not: null } }, select: { phone: true } });
    expect(phones.length).toBeGreaterThan(1000);
    expect(phones.filter((p) => !/^\+26263998\d{4}$/.test(p.phone ?? ""))).toEqual([]);
  });

  it("places every meeting before today, and never two live meetings of an advisor at once", async () => {
    const future = await db.prisma.appointment.count({ where: { endsAt: { gt: START_OF_TODAY } } });
    expect(future).toBe(0);
    const [overlaps] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Appointment" a JOIN "Appointment" b
          ON a."advisorId" = b."advisorId" AND a.id < b.id
         AND tstzrange(a."startsAt", a."endsAt") && tstzrange(b."startsAt", b."endsAt")
         AND COALESCE(a."sessionKey", a.id::text) <> COALESCE(b."sessionKey", b.id::text)
       WHERE a.status = 'booked' AND b.status = 'booked'`;
    expect(overlaps?.n).toBe(0);
  });

  it("places every meeting inside a weekly range of its advisor that opens its offering", async () => {
    const rules = await db.prisma.availabilityRule.findMany({ include: { offerings: true } });
    const appointments = await db.prisma.appointment.findMany({
      select: { advisorId: true, offeringId: true, siteId: true, mode: true, startsAt: true, endsAt: true },
    });
    const outside = appointments.filter((a) => {
      const start = DateTime.fromJSDate(a.startsAt, { zone: "Europe/Paris" });
      const end = DateTime.fromJSDate(a.endsAt, { zone: "Europe/Paris" });
      const date = start.toISODate() as string;
      const from = start.toFormat("HH:mm");
      const to = end.toFormat("HH:mm");
      return !rules.some(
        (r) =>
          r.advisorId === a.advisorId &&
          r.offerings.some((o) => o.offeringId === a.offeringId) &&
          r.siteId === a.siteId &&
          r.modes.includes(a.mode) &&
          r.weekdays.includes(start.weekday) &&
          r.startTime <= from &&
          to <= r.endTime &&
          r.validFrom.toISOString().slice(0, 10) <= date &&
          (r.validUntil === null || date <= r.validUntil.toISOString().slice(0, 10)) &&
          ((epochDay(mondayOf(date)) - epochDay(mondayOf(r.validFrom.toISOString().slice(0, 10)))) / 7) % r.everyWeeks === 0,
      );
    });
    expect(outside).toEqual([]);
  });

  it("mixes channels, cancellations, outcomes and lead times as a real service would", async () => {
    const rows = await db.prisma.appointment.findMany({
      select: {
        channel: true,
        status: true,
        outcome: true,
        createdAt: true,
        startsAt: true,
        cancelledAt: true,
        cancelReason: true,
      },
    });
    const total = rows.length;
    const by = (channel: string) => share(rows.filter((r) => r.channel === channel).length, total);
    expect(by("online")).toBeGreaterThan(0.45);
    expect(by("online")).toBeLessThan(0.65);
    expect(by("reception")).toBeGreaterThan(0.12);
    expect(by("reception")).toBeLessThan(0.3);
    expect(by("advisor")).toBeGreaterThan(0.08);
    expect(by("advisor")).toBeLessThan(0.22);
    expect(by("referral")).toBeGreaterThan(0.06);
    expect(by("referral")).toBeLessThan(0.15);

    const cancelled = rows.filter((r) => r.status === "cancelled");
    expect(share(cancelled.length, total)).toBeGreaterThan(0.06);
    expect(share(cancelled.length, total)).toBeLessThan(0.13);
    for (const r of cancelled) {
      expect(r.cancelReason).toBeTruthy();
      expect(r.outcome).toBeNull();
      expect((r.cancelledAt as Date) < r.startsAt && (r.cancelledAt as Date) > r.createdAt).toBe(true);
    }
    const held = rows.filter((r) => r.status === "booked");
    expect(held.every((r) => r.outcome !== null)).toBe(true);
    const outcome = (o: string) => share(held.filter((r) => r.outcome === o).length, held.length);
    expect(outcome("honoured")).toBeGreaterThan(0.72);
    expect(outcome("no_show")).toBeGreaterThan(0.08);
    expect(outcome("no_show")).toBeLessThan(0.16);
    expect(outcome("excused")).toBeGreaterThan(0.04);
    expect(outcome("excused")).toBeLessThan(0.12);

    expect(rows.every((r) => r.createdAt < r.startsAt)).toBe(true);
    const leads = rows
      .filter((r) => r.channel === "online")
      .map((r) => (r.startsAt.getTime() - r.createdAt.getTime()) / 86_400_000)
      .sort((a, b) => a - b);
    const median = leads[Math.floor(leads.length / 2)] as number;
    expect(median).toBeGreaterThan(4);
    expect(median).toBeLessThan(10);
  });

  it("books staff channels by a staff member of the structure, follow-ups for the same person", async () => {
    const staffBooked = await db.prisma.appointment.findMany({
      where: { channel: { in: ["reception", "advisor"] } },
      select: { structureId: true, bookedBy: { select: { memberships: { select: { structureId: true } } } } },
    });
    expect(staffBooked.every((a) => a.bookedBy?.memberships.some((m) => m.structureId === a.structureId))).toBe(true);
    const followUps = await db.prisma.appointment.findMany({
      where: { followUpOfId: { not: null } },
      select: { personId: true, startsAt: true, followUpOf: { select: { personId: true, endsAt: true, outcome: true } } },
    });
    expect(followUps.length).toBeGreaterThan(100);
    for (const f of followUps) {
      expect(f.followUpOf?.personId).toBe(f.personId);
      expect(f.followUpOf?.outcome).toBe("honoured");
      expect((f.followUpOf?.endsAt as Date) < f.startsAt).toBe(true);
    }
  });

  it("links every booked referral to a referral meeting, and gives each referral a timeline that fits its status", async () => {
    const referrals = await db.prisma.referral.findMany({
      include: {
        appointment: { select: { channel: true, personId: true, structureId: true, startsAt: true } },
        events: { orderBy: { at: "asc" } },
        redirectedTo: { select: { id: true } },
      },
    });
    const unlinked = await db.prisma.appointment.count({ where: { channel: "referral", referral: null } });
    expect(unlinked).toBe(0);
    const statuses = new Set(referrals.map((r) => r.status));
    for (const status of ["booked", "declined", "redirected", "expired", "sent"] as const) expect(statuses).toContain(status);
    for (const r of referrals) {
      const kinds = r.events.map((e) => e.kind);
      expect(kinds[0]).toBe("created");
      expect(r.events.every((e) => e.at <= NOW)).toBe(true);
      expect(r.consentAt <= r.createdAt).toBe(true);
      if (r.status === "booked") {
        expect(r.appointment?.channel).toBe("referral");
        expect(r.appointment?.personId).toBe(r.personId);
        expect(r.appointment?.structureId).toBe(r.toStructureId);
        expect(kinds).toContain("booked");
      } else expect(r.appointmentId).toBeNull();
      if (r.status === "declined") expect(kinds.at(-1)).toBe("declined");
      if (r.status === "expired") expect(kinds.at(-1)).toBe("expired");
      if (r.status === "redirected") {
        expect(kinds).toContain("redirected");
        expect(r.redirectedTo).not.toBeNull();
        expect(r.statusReason).toBeTruthy();
      }
    }
  });

  it("keeps each person's last activity at their last meeting", async () => {
    const [stale] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Person" p
       WHERE p."lastActivityAt" < (SELECT max(a."startsAt") FROM "Appointment" a WHERE a."personId" = p.id)`;
    expect(stale?.n).toBe(0);
  });

  it("records a waiting-time snapshot each night of the last 90 days, today left to the daily job", async () => {
    const days = await db.prisma.waitingTimeSnapshot.groupBy({ by: ["day"], _count: true, orderBy: { day: "asc" } });
    expect(days).toHaveLength(90);
    expect(days[0]?.day.toISOString().slice(0, 10)).toBe("2026-08-22");
    expect(days.at(-1)?.day.toISOString().slice(0, 10)).toBe("2026-11-19");
    const sample = await db.prisma.waitingTimeSnapshot.findMany({ take: 200 });
    for (const s of sample) {
      expect(DateTime.fromJSDate(s.takenAt, { zone: "Europe/Paris" }).toFormat("HH:mm")).toBe("00:05");
      if (s.nextSlotAt) expect(s.nextSlotAt > s.takenAt).toBe(true);
    }
  });

  it("adds nothing when run again", async () => {
    const before = await db.prisma.appointment.count();
    const again = await seedDemoHistory(db, NOW);
    expect(again).toEqual({ persons: 0, appointments: 0, referrals: 0, referralEvents: 0, snapshots: 0 });
    expect(await db.prisma.appointment.count()).toBe(before);
  });
});
