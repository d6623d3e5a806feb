import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { sessionKeyOf } from "../../server/domain/availability.ts";
import { decodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { atFixture, bookableDirectory } from "../helpers/fixtures.ts";

// A PIC VAE in Lille (one advisor, Mon–Fri 09:00–12:00 on site or by phone, plus a 12-seat
// collective session on Tuesdays) and a second structure serving Lille, on a fixed clock:
// Friday 20 March 2026, 09:00 in Paris.
let db: Database;
let app: ReturnType<typeof testApp>;
let fx: Omit<Awaited<ReturnType<typeof bookableDirectory>>, "other" | "collective">;
let other: { structureId: string; advisorId: string };
let collective: { offeringId: string };

beforeAll(async () => {
  db = await createTestDatabase();
  ({ other, collective, ...fx } = await bookableDirectory(db));
  app = testApp(db, { clock: fixedClock("2026-03-20T08:00:00Z") });
});
afterAll(() => db.close());

type SlotBody = {
  key: string;
  start: string;
  end: string;
  advisorId: string;
  structureId: string;
  siteId: string | null;
  mode: string;
  seatsLeft: number;
};
async function slots(query: string): Promise<SlotBody[]> {
  const res = await app.request(`/api/slots?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()).slots;
}
const vae = "service=information-conseil-vae";

describe("GET /api/slots for a structure", () => {
  it("lists the week's free slots with their Europe/Paris offset, one per mode", async () => {
    const week = await slots(`${vae}&structure=${fx.structure.id}&from=2026-03-23&to=2026-03-29`);
    expect(week).toHaveLength(30); // 5 days × 09:00, 10:00, 11:00 × on site and by phone
    expect(week.slice(0, 2).map((s) => [s.start, s.end, s.mode])).toEqual([
      ["2026-03-23T09:00:00+01:00", "2026-03-23T09:45:00+01:00", "onsite"],
      ["2026-03-23T09:00:00+01:00", "2026-03-23T09:45:00+01:00", "phone"],
    ]);
    expect(week[0]).toMatchObject({ advisorId: fx.advisor.id, structureId: fx.structure.id, siteId: fx.site.id, seatsLeft: 1 });
    expect(decodeSlotKey(week[0]?.key as string)).toEqual({
      offeringId: fx.offering.id,
      advisorId: fx.advisor.id,
      siteId: fx.site.id,
      mode: "onsite",
      start: new Date("2026-03-23T08:00:00Z"),
    });
  });

  it("keeps 09:00 local after the clocks go forward (+02:00 from 29 March)", async () => {
    const week = await slots(`${vae}&structure=${fx.structure.id}&from=2026-03-30&to=2026-04-05&mode=onsite`);
    expect(week.map((s) => s.start.slice(11))).toEqual(
      Array.from({ length: 5 }, () => ["09:00:00+02:00", "10:00:00+02:00", "11:00:00+02:00"]).flat(),
    );
  });

  it("filters by mode, and respects the minimum notice against the clock", async () => {
    const today = await slots(`${vae}&structure=${fx.structure.id}&from=2026-03-20&to=2026-03-20&mode=phone`);
    // Friday 09:00 now, two hours' notice: 09:00 and 10:00 are too soon.
    expect(today.map((s) => s.start)).toEqual(["2026-03-20T11:00:00+01:00"]);
  });

  it("defaults to the coming week from today", async () => {
    const week = await slots(`${vae}&structure=${fx.structure.id}&mode=onsite`);
    expect(week[0]?.start).toBe("2026-03-20T11:00:00+01:00");
    expect(week.at(-1)?.start).toBe("2026-03-26T11:00:00+01:00");
  });

  it("removes what a booking, an absence or a closure takes", async () => {
    const person = await db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } });
    const booking = await db.prisma.appointment.create({
      data: {
        ...atFixture(fx),
        personId: person.id,
        startsAt: new Date("2026-03-24T08:00:00Z"),
        endsAt: new Date("2026-03-24T08:45:00Z"),
        channel: "online",
      },
    });
    const absence = await db.prisma.absence.create({
      data: { advisorId: fx.advisor.id, startsAt: new Date("2026-03-25T09:30:00Z"), endsAt: new Date("2026-03-25T12:00:00Z") },
    });
    const closure = await db.prisma.closure.create({
      data: {
        structureId: fx.structure.id,
        siteId: fx.site.id,
        startDate: new Date("2026-03-26"),
        endDate: new Date("2026-03-26"),
      },
    });
    try {
      const days = await slots(`${vae}&structure=${fx.structure.id}&from=2026-03-24&to=2026-03-26&mode=onsite`);
      expect(days.map((s) => s.start)).toEqual([
        "2026-03-24T10:00:00+01:00",
        "2026-03-24T11:00:00+01:00",
        "2026-03-25T09:00:00+01:00",
      ]);
    } finally {
      await db.prisma.appointment.delete({ where: { id: booking.id } });
      await db.prisma.absence.delete({ where: { id: absence.id } });
      await db.prisma.closure.delete({ where: { id: closure.id } });
    }
  });

  it("counts the seats left of a collective session", async () => {
    const start = new Date("2026-03-24T13:00:00Z");
    const key = sessionKeyOf(collective.offeringId, fx.advisor.id, start);
    const person = await db.prisma.person.create({ data: { firstName: "Marc", lastName: "Leroy" } });
    await db.prisma.appointment.createMany({
      data: Array.from({ length: 3 }, () => ({
        offeringId: collective.offeringId,
        structureId: fx.structure.id,
        siteId: fx.site.id,
        mode: "onsite" as const,
        advisorId: fx.advisor.id,
        personId: person.id,
        startsAt: start,
        endsAt: new Date("2026-03-24T15:00:00Z"),
        sessionKey: key,
        channel: "online" as const,
      })),
    });
    const sessions = await slots(`service=reunion-information-vae&structure=${fx.structure.id}&from=2026-03-23&to=2026-04-05`);
    expect(sessions.map((s) => [s.start, s.seatsLeft])).toEqual([
      ["2026-03-24T14:00:00+01:00", 9],
      ["2026-03-31T14:00:00+02:00", 12],
    ]);
  });
});

describe("GET /api/slots across a commune", () => {
  it("gathers every structure that serves the commune and offers the service", async () => {
    const range = await slots(`${vae}&commune=59350&from=2026-04-13&to=2026-04-19`);
    expect(new Set(range.map((s) => s.structureId))).toEqual(new Set([fx.structure.id, other.structureId]));
    expect(range.filter((s) => s.structureId === other.structureId).map((s) => [s.start, s.mode, s.siteId])).toEqual([
      ["2026-04-16T14:00:00+02:00", "phone", null],
      ["2026-04-16T15:00:00+02:00", "phone", null],
    ]);
    expect(await slots(`${vae}&commune=59512&from=2026-04-13&to=2026-04-19`)).toEqual([]);
  });

  it("first=true gives each structure's next free slot, even weeks ahead", async () => {
    const first = await slots(`${vae}&commune=59350&first=true`);
    expect(first.map((s) => [s.structureId, s.start])).toEqual([
      [fx.structure.id, "2026-03-20T11:00:00+01:00"],
      [other.structureId, "2026-04-16T14:00:00+02:00"],
    ]);
  });

  it("first=true&per=place gives the next free slot of each place and mode", async () => {
    const first = await slots(`${vae}&structure=${fx.structure.id}&first=true&per=place`);
    expect(first.map((s) => [s.siteId, s.mode, s.start])).toEqual([
      [fx.site.id, "onsite", "2026-03-20T11:00:00+01:00"],
      [fx.site.id, "phone", "2026-03-20T11:00:00+01:00"],
    ]);
  });

  it("never shows offerings closed to online booking", async () => {
    await db.prisma.offering.update({ where: { id: fx.offering.id }, data: { bookableBy: "referral" } });
    try {
      const range = await slots(`${vae}&commune=59350&from=2026-04-13&to=2026-04-19`);
      expect(new Set(range.map((s) => s.structureId))).toEqual(new Set([other.structureId]));
    } finally {
      await db.prisma.offering.update({ where: { id: fx.offering.id }, data: { bookableBy: "public" } });
    }
  });
});
