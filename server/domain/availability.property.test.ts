import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  type AvailabilityInput,
  type BookedAppointment,
  freeSlots,
  type Interval,
  type Mode,
  type Rule,
} from "./availability.ts";
import { holidaysBetween } from "./holidays.ts";

// The availability module against a slow, obvious oracle written with luxon alone: on random
// rules, appointments, absences, closures and clocks (daylight-saving weeks included), both must
// give exactly the same slots. Nothing shown that is not bookable; nothing bookable missing.

const ZONE = "Europe/Paris";
const ADVISORS = ["a1", "a2"];
const SITES = ["s1", "s2", null];
const MODES: Mode[] = ["onsite", "phone", "video"];
/** Mondays of ordinary weeks and of the two daylight-saving weeks of 2026. */
const WEEKS = ["2026-03-23", "2026-10-19", "2026-05-11", "2026-12-21", "2026-02-02"];

const local = (date: string) => DateTime.fromISO(date, { zone: ZONE });
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const arbRule = fc
  .record({
    advisorId: fc.constantFrom(...ADVISORS),
    siteId: fc.constantFrom(...SITES),
    modes: fc.subarray(MODES, { minLength: 1 }),
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    start: fc.integer({ min: 0, max: 88 }).map((q) => q * 15), // 00:00 … 22:00
    length: fc.integer({ min: 2, max: 16 }).map((q) => q * 15),
    validFromOffset: fc.integer({ min: -21, max: 10 }),
    validDays: fc.option(fc.integer({ min: 0, max: 30 })),
    everyWeeks: fc.integer({ min: 1, max: 3 }),
    onHolidays: fc.boolean(),
  })
  .map((r) => ({ ...r, end: Math.min(r.start + r.length, 23 * 60 + 59) }));

const arbCase = fc.record({
  week: fc.constantFrom(...WEEKS),
  rules: fc.array(arbRule, { minLength: 1, maxLength: 4 }),
  duration: fc.integer({ min: 1, max: 8 }).map((q) => q * 15),
  buffer: fc.constantFrom(0, 5, 15, 30),
  offeringModes: fc.subarray(MODES, { minLength: 1 }),
  minNotice: fc.constantFrom(0, 60, 120, 1440),
  horizon: fc.integer({ min: 1, max: 10 }),
  nowOffsetMinutes: fc.integer({ min: -3 * 1440, max: 4 * 1440 }),
  audience: fc.constantFrom("public" as const, "staff" as const),
  mode: fc.option(fc.constantFrom(...MODES)),
  appointments: fc.array(
    fc.record({
      advisorId: fc.constantFrom(...ADVISORS),
      startMinute: fc.integer({ min: 0, max: 7 * 96 - 1 }).map((q) => q * 15),
      duration: fc.integer({ min: 1, max: 8 }).map((q) => q * 15),
      buffer: fc.constantFrom(0, 15),
    }),
    { maxLength: 12 },
  ),
  absences: fc.array(
    fc.record({
      advisorId: fc.constantFrom(...ADVISORS),
      startMinute: fc.integer({ min: 0, max: 7 * 1440 }),
      minutes: fc.integer({ min: 1, max: 2 * 1440 }),
    }),
    { maxLength: 3 },
  ),
  closures: fc.array(
    fc.record({ siteId: fc.constantFrom(...SITES), day: fc.integer({ min: 0, max: 6 }), days: fc.integer({ min: 0, max: 2 }) }),
    {
      maxLength: 2,
    },
  ),
});

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function toInput(c: Case): AvailabilityInput {
  const monday = local(c.week);
  const from = c.week;
  const to = monday.plus({ days: 6 }).toISODate() as string;
  const rules: Rule[] = c.rules.map((r, i) => ({
    id: `r${i}`,
    advisorId: r.advisorId,
    siteId: r.siteId,
    modes: r.modes,
    weekdays: r.weekdays,
    startTime: hhmm(r.start),
    endTime: hhmm(r.end),
    validFrom: monday.plus({ days: r.validFromOffset }).toISODate() as string,
    validUntil: r.validDays === null ? null : (monday.plus({ days: r.validFromOffset + r.validDays }).toISODate() as string),
    everyWeeks: r.everyWeeks,
    onHolidays: r.onHolidays,
  }));
  const appointments: BookedAppointment[] = c.appointments.map((a) => {
    const start = monday.plus({ minutes: a.startMinute });
    return {
      advisorId: a.advisorId,
      start: start.toJSDate(),
      end: start.plus({ minutes: a.duration }).toJSDate(),
      bufferMinutes: a.buffer,
      sessionKey: null,
    };
  });
  const absences: Interval[] = c.absences.map((a) => {
    const start = monday.plus({ minutes: a.startMinute });
    return { advisorId: a.advisorId, start: start.toJSDate(), end: start.plus({ minutes: a.minutes }).toJSDate() };
  });
  return {
    zone: ZONE,
    offering: {
      id: "o",
      durationMinutes: c.duration,
      bufferMinutes: c.buffer,
      modes: c.offeringModes,
      minNoticeMinutes: c.minNotice,
      horizonDays: c.horizon,
      seats: 1,
    },
    rules,
    absences,
    closures: c.closures.map((cl) => ({
      siteId: cl.siteId,
      startDate: monday.plus({ days: cl.day }).toISODate() as string,
      endDate: monday.plus({ days: cl.day + cl.days }).toISODate() as string,
    })),
    holidays: holidaysBetween(from, to),
    appointments,
    from,
    to,
    now: monday.plus({ minutes: c.nowOffsetMinutes }).toJSDate(),
    audience: c.audience,
    mode: c.mode ?? undefined,
  };
}

/** A wall time as an instant with luxon; the earlier one when it happens twice; null when skipped. */
function wallTime(date: DateTime, minutes: number): DateTime | null {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const dt = date.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (dt.hour !== h || dt.minute !== m) return null;
  const earlier = dt.minus({ hours: 1 });
  return earlier.hour === h && earlier.minute === m ? earlier : dt;
}

function oracle(input: AvailabilityInput): Set<string> {
  const out = new Set<string>();
  const o = input.offering;
  const now = input.now.getTime();
  const overlaps = (s1: number, e1: number, s2: number, e2: number) => s1 < e2 && s2 < e1;
  for (const rule of input.rules) {
    const [sh, sm] = rule.startTime.split(":").map(Number) as [number, number];
    const [eh, em] = rule.endTime.split(":").map(Number) as [number, number];
    for (let day = local(input.from); day <= local(input.to); day = day.plus({ days: 1 })) {
      const date = day.toISODate() as string;
      if (date < rule.validFrom || (rule.validUntil !== null && date > rule.validUntil)) continue;
      if (!rule.weekdays.includes(day.weekday)) continue;
      const weeks = Math.round(day.startOf("week").diff(local(rule.validFrom).startOf("week"), "days").days / 7);
      if (weeks % rule.everyWeeks !== 0) continue;
      if (input.holidays.has(date) && !rule.onHolidays) continue;
      if (input.closures.some((c) => (c.siteId === null || c.siteId === rule.siteId) && c.startDate <= date && date <= c.endDate))
        continue;
      const rangeEnd = wallTime(day, eh * 60 + em) ?? wallTime(day, eh * 60 + em + 60);
      if (!rangeEnd) continue;
      for (let minute = sh * 60 + sm; minute + o.durationMinutes <= eh * 60 + em; minute += o.durationMinutes + o.bufferMinutes) {
        const start = wallTime(day, minute);
        if (!start) continue;
        const s = start.toMillis();
        const e = s + o.durationMinutes * 60_000;
        if (e > rangeEnd.toMillis()) continue;
        if (s < now) continue;
        if (input.audience === "public" && (s < now + o.minNoticeMinutes * 60_000 || s > now + o.horizonDays * 86_400_000))
          continue;
        if (input.absences.some((a) => a.advisorId === rule.advisorId && overlaps(s, e, a.start.getTime(), a.end.getTime())))
          continue;
        const freeAt = e + o.bufferMinutes * 60_000;
        if (
          input.appointments.some(
            (a) =>
              a.advisorId === rule.advisorId &&
              overlaps(s, freeAt, a.start.getTime(), a.end.getTime() + a.bufferMinutes * 60_000),
          )
        )
          continue;
        for (const mode of rule.modes) {
          if (!o.modes.includes(mode) || (mode === "onsite" && rule.siteId === null) || (input.mode && mode !== input.mode))
            continue;
          out.add(`${rule.advisorId}|${new Date(s).toISOString()}|${mode}|${rule.siteId}`);
        }
      }
    }
  }
  return out;
}

describe("availability, property-based against an oracle", () => {
  it("gives exactly the slots the oracle gives, on 400 random weeks", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const input = toInput(c);
        const slots = freeSlots(input);
        const got = slots.map((s) => `${s.advisorId}|${s.start.toISOString()}|${s.mode}|${s.siteId}`);
        expect(new Set(got).size).toBe(got.length);
        expect(new Set(got)).toEqual(oracle(input));
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });

  it("never lists a slot that overlaps an appointment, an absence, a closure or a holiday", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const input = toInput(c);
        for (const slot of freeSlots(input)) {
          const s = slot.start.getTime();
          const e = slot.end.getTime();
          const date = DateTime.fromJSDate(slot.start, { zone: ZONE }).toISODate() as string;
          expect(
            input.appointments.some((a) => a.advisorId === slot.advisorId && s < a.end.getTime() && a.start.getTime() < e),
          ).toBe(false);
          expect(input.absences.some((a) => a.advisorId === slot.advisorId && s < a.end.getTime() && a.start.getTime() < e)).toBe(
            false,
          );
          expect(
            input.closures.some(
              (cl) => (cl.siteId === null || cl.siteId === slot.siteId) && cl.startDate <= date && date <= cl.endDate,
            ),
          ).toBe(false);
          const rule = input.rules.find(
            (r) => r.advisorId === slot.advisorId && r.siteId === slot.siteId && r.modes.includes(slot.mode),
          );
          expect(rule).toBeDefined();
          if (input.holidays.has(date))
            expect(input.rules.some((r) => r.onHolidays && r.advisorId === slot.advisorId)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});
