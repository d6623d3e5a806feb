import { describe, expect, it } from "vitest";
import {
  type AvailabilityInput,
  type BookedAppointment,
  findSlot,
  freeSlots,
  type OfferingSettings,
  type Rule,
  type Slot,
  sessionKeyOf,
  stillFits,
} from "./availability.ts";
import { holidaysBetween } from "./holidays.ts";
import { toZonedIso } from "./time.ts";

const PARIS = "Europe/Paris";
const ADVISOR = "advisor-a";
const SITE = "site-lille";

const offering = (o: Partial<OfferingSettings> = {}): OfferingSettings => ({
  id: "offering-vae",
  durationMinutes: 45,
  bufferMinutes: 15,
  modes: ["onsite", "phone"],
  minNoticeMinutes: 0,
  horizonDays: 365,
  seats: 1,
  ...o,
});

const rule = (r: Partial<Rule> = {}): Rule => ({
  id: "rule-1",
  advisorId: ADVISOR,
  siteId: SITE,
  modes: ["onsite"],
  weekdays: [1, 2, 3, 4, 5],
  startTime: "09:00",
  endTime: "12:00",
  validFrom: "2026-01-05",
  validUntil: null,
  everyWeeks: 1,
  onHolidays: false,
  ...r,
});

const input = (i: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  zone: PARIS,
  offering: offering(),
  rules: [rule()],
  absences: [],
  closures: [],
  holidays: holidaysBetween(i.from ?? "2026-03-23", i.to ?? "2026-03-29"),
  appointments: [],
  from: "2026-03-23",
  to: "2026-03-29",
  now: new Date("2026-01-01T00:00:00Z"),
  audience: "public",
  ...i,
});

/** Slots as people read them: local ISO time and mode. */
const shown = (slots: Slot[]) => slots.map((s) => `${toZonedIso(s.start, PARIS)} ${s.mode}`);
const starts = (slots: Slot[]) => slots.map((s) => toZonedIso(s.start, PARIS));
const paris = (local: string) => new Date(new Date(`${local}Z`).getTime() - (local < "2026-03-29T02" ? 3_600_000 : 7_200_000));

describe("a hand-computed week", () => {
  it("Mon–Fri 09:00–12:00, 45 min + 15 min buffer → 09:00, 10:00, 11:00 each day", () => {
    const slots = freeSlots(input());
    expect(slots).toHaveLength(15);
    expect(starts(slots).slice(0, 4)).toEqual([
      "2026-03-23T09:00:00+01:00",
      "2026-03-23T10:00:00+01:00",
      "2026-03-23T11:00:00+01:00",
      "2026-03-24T09:00:00+01:00",
    ]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 45 * 60_000)).toBe(true);
    expect(slots.every((s) => s.seatsLeft === 1 && s.sessionKey === null && s.siteId === SITE)).toBe(true);
  });

  it("closes on public holidays unless the rule says otherwise (Easter Monday 2026-04-06)", () => {
    const week = { from: "2026-04-06", to: "2026-04-12" };
    expect(freeSlots(input(week))).toHaveLength(12);
    expect(freeSlots(input({ ...week, rules: [rule({ onHolidays: true })] }))).toHaveLength(15);
  });

  it("offers each mode the rule and the offering share, never on site for a remote range", () => {
    const both = freeSlots(input({ rules: [rule({ modes: ["onsite", "phone", "video"] })] }));
    expect(shown(both).slice(0, 2)).toEqual(["2026-03-23T09:00:00+01:00 onsite", "2026-03-23T09:00:00+01:00 phone"]);
    const remote = freeSlots(input({ rules: [rule({ siteId: null, modes: ["onsite", "phone"] })] }));
    expect(new Set(remote.map((s) => s.mode))).toEqual(new Set(["phone"]));
    const filtered = freeSlots(input({ rules: [rule({ modes: ["onsite", "phone"] })], mode: "phone" }));
    expect(filtered).toHaveLength(15);
    expect(filtered.every((s) => s.mode === "phone")).toBe(true);
  });
});

describe("daylight saving", () => {
  const everyDay = rule({ weekdays: [1, 2, 3, 4, 5, 6, 7] });

  it.each([
    ["March", "2026-03-23", "2026-03-29", "+01:00", "+02:00"],
    ["October", "2026-10-19", "2026-10-25", "+02:00", "+01:00"],
  ])("in the week of the last Sunday of %s, 09:00–12:00 stays 09:00–12:00 local every day", (_, from, to, before, after) => {
    const slots = freeSlots(input({ rules: [everyDay], from, to }));
    expect(slots).toHaveLength(21);
    const byDay = new Map<string, string[]>();
    for (const iso of starts(slots)) byDay.set(iso.slice(0, 10), [...(byDay.get(iso.slice(0, 10)) ?? []), iso]);
    expect(byDay.size).toBe(7);
    for (const [day, times] of byDay) {
      const offset = day === to ? after : before;
      expect(times.map((t) => t.slice(11))).toEqual([`09:00:00${offset}`, `10:00:00${offset}`, `11:00:00${offset}`]);
    }
  });

  it("generates nothing in the hour that does not exist (29 March 2026, 02:00–03:00)", () => {
    const night = rule({ weekdays: [7], startTime: "01:00", endTime: "04:00" });
    const slots = freeSlots(input({ rules: [night], offering: offering({ durationMinutes: 30, bufferMinutes: 0 }) }));
    expect(starts(slots)).toEqual([
      "2026-03-29T01:00:00+01:00",
      "2026-03-29T01:30:00+01:00",
      "2026-03-29T03:00:00+02:00",
      "2026-03-29T03:30:00+02:00",
    ]);
  });

  it("generates nothing twice in the hour that repeats (25 October 2026, 02:00–03:00)", () => {
    const night = rule({ weekdays: [7], startTime: "01:00", endTime: "04:00" });
    const slots = freeSlots(
      input({
        rules: [night],
        offering: offering({ durationMinutes: 30, bufferMinutes: 0 }),
        from: "2026-10-19",
        to: "2026-10-25",
      }),
    );
    const times = starts(slots).map((t) => t.slice(11, 16));
    expect(times).toEqual(["01:00", "01:30", "02:00", "02:30", "03:00", "03:30"]);
    expect(new Set(slots.map((s) => s.start.getTime())).size).toBe(6);
  });
});

describe("rules over time", () => {
  it("every other week counts from the week of validFrom", () => {
    const biweekly = rule({ weekdays: [1], validFrom: "2026-03-04", everyWeeks: 2 }); // a Wednesday: its week is 2–8 March
    const days = new Set(
      freeSlots(input({ rules: [biweekly], from: "2026-03-02", to: "2026-04-05" })).map((s) =>
        toZonedIso(s.start, PARIS).slice(0, 10),
      ),
    );
    expect([...days]).toEqual(["2026-03-16", "2026-03-30"]);
  });

  it("respects the validity period, both ends included", () => {
    const limited = rule({ validFrom: "2026-03-24", validUntil: "2026-03-26" });
    const days = new Set(freeSlots(input({ rules: [limited] })).map((s) => toZonedIso(s.start, PARIS).slice(0, 10)));
    expect([...days]).toEqual(["2026-03-24", "2026-03-25", "2026-03-26"]);
  });

  it("an added single date is a one-day rule", () => {
    const saturday = rule({
      id: "added",
      weekdays: [6],
      validFrom: "2026-03-28",
      validUntil: "2026-03-28",
      startTime: "10:00",
      endTime: "11:00",
    });
    expect(freeSlots(input({ rules: [rule(), saturday] }))).toHaveLength(16);
  });
});

describe("minimum notice and horizon, against the injected clock", () => {
  const now = paris("2026-03-23T09:10:00"); // Monday 09:10 in Paris

  it("public: nothing before now + notice, nothing past the horizon", () => {
    const slots = freeSlots(input({ now, offering: offering({ minNoticeMinutes: 120, horizonDays: 2 }) }));
    expect(starts(slots)).toEqual([
      "2026-03-24T09:00:00+01:00",
      "2026-03-24T10:00:00+01:00",
      "2026-03-24T11:00:00+01:00",
      "2026-03-25T09:00:00+01:00",
    ]);
  });

  it("staff: inside the notice and past the horizon, but never in the past", () => {
    const slots = freeSlots(input({ now, audience: "staff", offering: offering({ minNoticeMinutes: 120, horizonDays: 2 }) }));
    expect(starts(slots)[0]).toBe("2026-03-23T10:00:00+01:00");
    expect(slots).toHaveLength(14);
  });
});

describe("what takes time away", () => {
  const booked = (start: string, end: string, a: Partial<BookedAppointment> = {}): BookedAppointment => ({
    advisorId: ADVISOR,
    start: paris(start),
    end: paris(end),
    bufferMinutes: 15,
    sessionKey: null,
    ...a,
  });
  const monday = (slots: Slot[]) =>
    starts(slots)
      .filter((s) => s.startsWith("2026-03-23"))
      .map((s) => s.slice(11, 16));

  it("an appointment and its buffer block every slot they touch, whatever its offering", () => {
    expect(monday(freeSlots(input({ appointments: [booked("2026-03-23T10:00:00", "2026-03-23T10:45:00")] })))).toEqual([
      "09:00",
      "11:00",
    ]);
    // Booked by staff off the grid: 09:30–10:15 (+15) touches 09:00 (with its buffer) and 10:00.
    expect(monday(freeSlots(input({ appointments: [booked("2026-03-23T09:30:00", "2026-03-23T10:15:00")] })))).toEqual(["11:00"]);
    // Another advisor's appointment changes nothing.
    expect(
      monday(freeSlots(input({ appointments: [booked("2026-03-23T09:00:00", "2026-03-23T12:00:00", { advisorId: "b" })] }))),
    ).toHaveLength(3);
  });

  it("an absence blocks the meetings it overlaps, to the minute (a buffer may run into it)", () => {
    const absence = { advisorId: ADVISOR, start: paris("2026-03-23T10:45:00"), end: paris("2026-03-23T14:00:00") };
    expect(monday(freeSlots(input({ absences: [absence] })))).toEqual(["09:00", "10:00"]);
  });

  it("a site closure closes that site's ranges; a structure closure closes remote ones too", () => {
    const remote = rule({ id: "remote", siteId: null, modes: ["phone"], startTime: "14:00", endTime: "15:00" });
    const rules = [rule(), remote];
    const siteClosed = freeSlots(input({ rules, closures: [{ siteId: SITE, startDate: "2026-03-23", endDate: "2026-03-24" }] }));
    expect(monday(siteClosed)).toEqual(["14:00"]);
    const structureClosed = freeSlots(
      input({ rules, closures: [{ siteId: null, startDate: "2026-03-23", endDate: "2026-03-23" }] }),
    );
    expect(monday(structureClosed)).toEqual([]);
    expect(starts(structureClosed)[0]?.slice(0, 10)).toBe("2026-03-24");
  });
});

describe("collective sessions", () => {
  const session = offering({ id: "vae-collective", durationMinutes: 120, bufferMinutes: 0, seats: 12, modes: ["onsite"] });
  const tuesday = rule({ weekdays: [2], startTime: "14:00", endTime: "16:00" });
  const start = paris("2026-03-24T14:00:00");
  const key = sessionKeyOf(session.id, ADVISOR, start);
  const seat = (): BookedAppointment => ({
    advisorId: ADVISOR,
    start,
    end: paris("2026-03-24T16:00:00"),
    bufferMinutes: 0,
    sessionKey: key,
  });

  it("counts the seats left, and closes when the last one is taken", () => {
    const base = input({ offering: session, rules: [tuesday] });
    expect(freeSlots(base)).toMatchObject([{ seatsLeft: 12, sessionKey: key }]);
    expect(freeSlots({ ...base, appointments: Array.from({ length: 11 }, seat) })).toMatchObject([{ seatsLeft: 1 }]);
    expect(freeSlots({ ...base, appointments: Array.from({ length: 12 }, seat) })).toEqual([]);
  });

  it("is blocked by an individual appointment of its advisor at the same time", () => {
    const meeting: BookedAppointment = { ...seat(), sessionKey: null, end: paris("2026-03-24T14:45:00") };
    expect(freeSlots(input({ offering: session, rules: [tuesday], appointments: [meeting] }))).toEqual([]);
  });
});

describe("findSlot: the booking-time check is the listing itself", () => {
  it("finds a listed slot, and no longer once it is taken or out of notice", () => {
    const base = input();
    const [first] = freeSlots(base);
    if (!first) throw new Error("no slot");
    expect(findSlot(base, first)).toEqual(first);
    const taken = {
      ...base,
      appointments: [{ advisorId: ADVISOR, start: first.start, end: first.end, bufferMinutes: 15, sessionKey: null }],
    };
    expect(findSlot(taken, first)).toBeUndefined();
    expect(findSlot({ ...base, now: new Date(first.start.getTime() + 60_000) }, first)).toBeUndefined();
    expect(findSlot(base, { ...first, start: new Date(first.start.getTime() + 5 * 60_000) })).toBeUndefined();
    expect(findSlot(base, { ...first, mode: "phone" })).toBeUndefined();
  });
});

describe("a booked meeting after its ranges change", () => {
  // Tuesday 31 March 2026, 10 h 00 in Paris (summer time since Sunday).
  const meeting = { advisorId: ADVISOR, siteId: SITE, mode: "onsite" as const, start: paris("2026-03-31T10:00") };
  const booked: BookedAppointment = { ...meeting, end: paris("2026-03-31T10:45"), bufferMinutes: 15, sessionKey: null };
  const week = { from: "2026-03-30", to: "2026-04-05", appointments: [booked] };

  it("still fits its range, its own time set aside", () => {
    expect(stillFits(input(week), meeting, "2026-03-31")).toBe(true);
  });
  it("no longer fits when the range shrinks, moves away or ends before it", () => {
    expect(stillFits(input({ ...week, rules: [rule({ endTime: "10:30" })] }), meeting, "2026-03-31")).toBe(false);
    expect(stillFits(input({ ...week, rules: [rule({ weekdays: [1, 3, 4, 5] })] }), meeting, "2026-03-31")).toBe(false);
    expect(stillFits(input({ ...week, rules: [rule({ validUntil: "2026-03-30" })] }), meeting, "2026-03-31")).toBe(false);
    expect(stillFits(input({ ...week, rules: [rule({ siteId: "site-roubaix" })] }), meeting, "2026-03-31")).toBe(false);
  });
  it("no longer fits under an absence or a closure", () => {
    const away = { advisorId: ADVISOR, start: paris("2026-03-31T09:30"), end: paris("2026-03-31T11:00") };
    expect(stillFits(input({ ...week, absences: [away] }), meeting, "2026-03-31")).toBe(false);
    const closed = { siteId: null, startDate: "2026-03-31", endDate: "2026-03-31" };
    expect(stillFits(input({ ...week, closures: [closed] }), meeting, "2026-03-31")).toBe(false);
  });
  it("ignores the public notice: a meeting an hour away still fits", () => {
    const now = paris("2026-03-31T09:00");
    expect(stillFits(input({ ...week, now, offering: offering({ minNoticeMinutes: 1440 }) }), meeting, "2026-03-31")).toBe(true);
  });
});
