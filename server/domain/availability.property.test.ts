import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/helpers/property-runs.ts";
import {
  type AvailabilityInput,
  type BookedAppointment,
  findSlot,
  freeSlots,
  type Interval,
  type Mode,
  openTime,
  type Rule,
  type Slot,
  sessionKeyOf,
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
  it(`gives exactly the slots the oracle gives, on ${propertyRuns(400)} random weeks`, () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const input = toInput(c);
        const slots = freeSlots(input);
        const got = slots.map((s) => `${s.advisorId}|${s.start.toISOString()}|${s.mode}|${s.siteId}`);
        expect(new Set(got).size).toBe(got.length);
        expect(new Set(got)).toEqual(oracle(input));
      }),
      { numRuns: propertyRuns(400), seed: 20261126 },
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
      { numRuns: propertyRuns(200), seed: 42 },
    );
  });
});

// The same random weeks, now with collective sessions, and each rule the module must keep
// checked on its own: a failure names the invariant broken rather than a differing set.

const arbSeated = fc.record({
  base: arbCase,
  seats: fc.constantFrom(1, 1, 3, 12),
  /** Seats already taken in sessions picked among the free slots (index modulo their count). */
  sessions: fc.array(fc.record({ pick: fc.nat(), taken: fc.integer({ min: 1, max: 12 }) }), { maxLength: 3 }),
  /** A session of another offering of the same advisor, which blocks whatever it overlaps. */
  foreign: fc.option(fc.record({ pick: fc.nat(), shiftMinutes: fc.integer({ min: -60, max: 60 }) })),
  /** Wanted slots that may or may not exist: for findSlot's "nothing else". */
  probes: fc.array(
    fc.record({
      advisorId: fc.constantFrom(...ADVISORS),
      siteId: fc.constantFrom(...SITES),
      mode: fc.constantFrom(...MODES),
      minute: fc.integer({ min: -1440, max: 8 * 1440 }),
    }),
    { maxLength: 20 },
  ),
  shifts: fc.array(fc.constantFrom(-15, -5, -1, 1, 5, 15, 60), { maxLength: 5 }),
});

type Seated = typeof arbSeated extends fc.Arbitrary<infer T> ? T : never;

/** The input of a seated case, and the seats taken per session key it added. */
function seatedInput(c: Seated): { input: AvailabilityInput; taken: Map<string, number> } {
  const base = toInput(c.base);
  const input: AvailabilityInput = { ...base, offering: { ...base.offering, seats: c.seats } };
  const taken = new Map<string, number>();
  const before = freeSlots(input);
  if (before.length === 0) return { input, taken };
  const appointments = [...input.appointments];
  if (c.seats > 1) {
    for (const s of c.sessions) {
      const slot = before[s.pick % before.length] as Slot;
      const key = slot.sessionKey as string;
      if (taken.has(key)) continue;
      const n = Math.min(s.taken, c.seats);
      taken.set(key, n);
      for (let i = 0; i < n; i++)
        appointments.push({
          advisorId: slot.advisorId,
          start: slot.start,
          end: slot.end,
          bufferMinutes: input.offering.bufferMinutes,
          sessionKey: key,
        });
    }
  }
  if (c.foreign) {
    const slot = before[c.foreign.pick % before.length] as Slot;
    const start = new Date(slot.start.getTime() + c.foreign.shiftMinutes * 60_000);
    appointments.push({
      advisorId: slot.advisorId,
      start,
      end: new Date(start.getTime() + 60 * 60_000),
      bufferMinutes: 0,
      sessionKey: sessionKeyOf("another-offering", slot.advisorId, start),
    });
  }
  return { input: { ...input, appointments }, taken };
}

const minuteOfDay = (instant: Date) => {
  const t = DateTime.fromJSDate(instant, { zone: ZONE });
  return t.hour * 60 + t.minute;
};
const localDate = (instant: Date) => DateTime.fromJSDate(instant, { zone: ZONE }).toISODate() as string;
const toMinutes = (time: string) => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
};
/** The instants a rule opens and closes on a date, as luxon reads its wall times. */
function ruleBounds(rule: Rule, date: string): { open: number; close: number } | null {
  const day = local(date);
  const open = wallTime(day, toMinutes(rule.startTime)) ?? wallTime(day, toMinutes(rule.startTime) + 60);
  const close = wallTime(day, toMinutes(rule.endTime)) ?? wallTime(day, toMinutes(rule.endTime) + 60);
  return open && close ? { open: open.toMillis(), close: close.toMillis() } : null;
}
function ruleOpensOn(rule: Rule, date: string, input: AvailabilityInput): boolean {
  const day = local(date);
  if (date < rule.validFrom || (rule.validUntil !== null && date > rule.validUntil)) return false;
  if (!rule.weekdays.includes(day.weekday)) return false;
  const weeks = Math.round(day.startOf("week").diff(local(rule.validFrom).startOf("week"), "days").days / 7);
  if (weeks % rule.everyWeeks !== 0) return false;
  if (input.holidays.has(date) && !rule.onHolidays) return false;
  return !input.closures.some((c) => (c.siteId === null || c.siteId === rule.siteId) && c.startDate <= date && date <= c.endDate);
}
const overlaps = (s1: number, e1: number, s2: number, e2: number) => s1 < e2 && s2 < e1;
const slotId = (s: { advisorId: string; siteId: string | null; mode: Mode; start: Date }) =>
  `${s.advisorId}|${s.siteId}|${s.mode}|${s.start.toISOString()}`;

describe("availability invariants, property-based", () => {
  const runs = { numRuns: propertyRuns(250), seed: 20260329 };

  it("every slot lies inside a rule's local hours, on a day that rule opens, in a mode both allow", () => {
    fc.assert(
      fc.property(arbSeated, (c) => {
        const { input } = seatedInput(c);
        for (const slot of freeSlots(input)) {
          const date = localDate(slot.start);
          expect(localDate(new Date(slot.end.getTime() - 1))).toBe(date);
          expect(slot.end.getTime() - slot.start.getTime()).toBe(input.offering.durationMinutes * 60_000);
          expect(input.offering.modes).toContain(slot.mode);
          if (slot.mode === "onsite") expect(slot.siteId).not.toBeNull();
          if (input.mode) expect(slot.mode).toBe(input.mode);
          const rule = input.rules.find((r) => {
            if (r.advisorId !== slot.advisorId || r.siteId !== slot.siteId || !r.modes.includes(slot.mode)) return false;
            if (!ruleOpensOn(r, date, input)) return false;
            const bounds = ruleBounds(r, date);
            return (
              bounds !== null &&
              minuteOfDay(slot.start) >= toMinutes(r.startTime) &&
              slot.start.getTime() >= bounds.open &&
              slot.end.getTime() <= bounds.close
            );
          });
          expect(rule, `${slotId(slot)} opened by no rule`).toBeDefined();
        }
      }),
      runs,
    );
  });

  it("no slot meets an absence, a closed day, a holiday (unless its rule opens then), or a booked meeting and its buffer", () => {
    fc.assert(
      fc.property(arbSeated, (c) => {
        const { input } = seatedInput(c);
        const buffer = input.offering.bufferMinutes * 60_000;
        for (const slot of freeSlots(input)) {
          const s = slot.start.getTime();
          const e = slot.end.getTime();
          const date = localDate(slot.start);
          for (const a of input.absences)
            if (a.advisorId === slot.advisorId) expect(overlaps(s, e, a.start.getTime(), a.end.getTime())).toBe(false);
          for (const cl of input.closures)
            if (cl.siteId === null || cl.siteId === slot.siteId) expect(cl.startDate <= date && date <= cl.endDate).toBe(false);
          if (input.holidays.has(date))
            expect(
              input.rules.some(
                (r) => r.onHolidays && r.advisorId === slot.advisorId && r.siteId === slot.siteId && r.modes.includes(slot.mode),
              ),
            ).toBe(true);
          for (const a of input.appointments) {
            if (a.advisorId !== slot.advisorId || (slot.sessionKey !== null && a.sessionKey === slot.sessionKey)) continue;
            // Individual meetings, and other sessions, keep their buffer and the slot's apart.
            expect(overlaps(s, e + buffer, a.start.getTime(), a.end.getTime() + a.bufferMinutes * 60_000)).toBe(false);
          }
        }
      }),
      runs,
    );
  });

  it("seats left: between 1 and the seats, the session's seats less those taken", () => {
    fc.assert(
      fc.property(arbSeated, (c) => {
        const { input, taken } = seatedInput(c);
        const seats = input.offering.seats;
        const slots = freeSlots(input);
        for (const slot of slots) {
          expect(slot.seatsLeft).toBeGreaterThan(0);
          expect(slot.seatsLeft).toBeLessThanOrEqual(seats);
          if (seats === 1) expect(slot.sessionKey).toBeNull();
          else {
            expect(slot.sessionKey).toBe(sessionKeyOf(input.offering.id, slot.advisorId, slot.start));
            expect(slot.seatsLeft).toBe(seats - (taken.get(slot.sessionKey as string) ?? 0));
          }
        }
        // A full session is gone.
        for (const [key, n] of taken) if (n >= seats) expect(slots.some((s) => s.sessionKey === key)).toBe(false);
      }),
      runs,
    );
  });

  it("public slots respect the notice and the horizon; staff slots only now; all sorted by start", () => {
    fc.assert(
      fc.property(arbSeated, (c) => {
        const { input } = seatedInput(c);
        const now = input.now.getTime();
        const o = input.offering;
        const publicSlots = freeSlots({ ...input, audience: "public" });
        const staffSlots = freeSlots({ ...input, audience: "staff" });
        for (const list of [publicSlots, staffSlots])
          for (let i = 1; i < list.length; i++)
            expect((list[i] as Slot).start.getTime()).toBeGreaterThanOrEqual((list[i - 1] as Slot).start.getTime());
        for (const slot of publicSlots) {
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(now + o.minNoticeMinutes * 60_000);
          expect(slot.start.getTime()).toBeLessThanOrEqual(now + o.horizonDays * 86_400_000);
        }
        for (const slot of staffSlots) expect(slot.start.getTime()).toBeGreaterThanOrEqual(now);
        // Staff see all the public sees, and what the notice and horizon keep from the public.
        const staffIds = new Set(staffSlots.map(slotId));
        for (const slot of publicSlots) expect(staffIds.has(slotId(slot))).toBe(true);
        for (const slot of staffSlots) {
          const t = slot.start.getTime();
          const publicToo = t >= now + o.minNoticeMinutes * 60_000 && t <= now + o.horizonDays * 86_400_000;
          expect(publicSlots.some((p) => slotId(p) === slotId(slot))).toBe(publicToo);
        }
      }),
      { ...runs, numRuns: propertyRuns(150) },
    );
  });

  it("findSlot finds every listed slot, as listed, and nothing else", () => {
    fc.assert(
      fc.property(arbSeated, (c) => {
        const { input } = seatedInput(c);
        const slots = freeSlots(input);
        const listed = new Map(slots.map((s) => [slotId(s), s]));
        for (const slot of slots) expect(findSlot(input, slot)).toEqual(slot);
        const monday = local(input.from);
        const wanted = [
          ...c.probes.map((p) => ({
            advisorId: p.advisorId,
            siteId: p.siteId,
            mode: p.mode,
            start: monday.plus({ minutes: p.minute }).toJSDate(),
          })),
          ...c.shifts.flatMap((minutes, i) => {
            const slot = slots[(i * 7) % Math.max(1, slots.length)];
            return slot ? [{ ...slot, start: new Date(slot.start.getTime() + minutes * 60_000) }] : [];
          }),
          ...slots.slice(0, 3).map((s) => ({ ...s, siteId: s.siteId === "s1" ? "s2" : "s1" })),
        ];
        for (const w of wanted) {
          // A wanted time outside the range searched is asked with a range around it, as bookings do.
          const date = localDate(w.start);
          const inRange = date >= input.from && date <= input.to;
          const around = { ...input };
          if (date < input.from) around.from = date;
          if (date > input.to) around.to = date;
          const found = findSlot(around, w);
          if (inRange) expect(found, slotId(w)).toEqual(listed.get(slotId(w)));
          else if (found) expect(slotId(found)).toBe(slotId(w));
        }
      }),
      { ...runs, numRuns: propertyRuns(150) },
    );
  });

  it("openTime: each open day of a rule once, its minutes ≥ 0 and at most the rule's length that day", () => {
    fc.assert(
      fc.property(arbSeated, (c) => {
        const { input } = seatedInput(c);
        const open = openTime(input);
        const seen = new Set<string>();
        for (const { rule, date, minutes } of open) {
          const id = `${rule.id}|${date}`;
          expect(seen.has(id)).toBe(false);
          seen.add(id);
          expect(ruleOpensOn(rule, date, input)).toBe(true);
          expect(minutes).toBeGreaterThanOrEqual(0);
          const bounds = ruleBounds(rule, date);
          expect(bounds).not.toBeNull();
          const { open: from, close: to } = bounds as { open: number; close: number };
          // The wall-clock length, give or take the hour a daylight-saving change adds or removes.
          const wall = toMinutes(rule.endTime) - toMinutes(rule.startTime);
          expect(minutes).toBeLessThanOrEqual(wall + 60);
          expect(minutes).toBeLessThanOrEqual((to - from) / 60_000);
          const away = input.absences.some(
            (a) => a.advisorId === rule.advisorId && overlaps(from, to, a.start.getTime(), a.end.getTime()),
          );
          if (!away) expect(minutes).toBe((to - from) / 60_000);
        }
        // Every day a rule opens without an absence covering it all is listed.
        for (const rule of input.rules)
          for (let d = local(input.from); d <= local(input.to); d = d.plus({ days: 1 })) {
            const date = d.toISODate() as string;
            const bounds = ruleBounds(rule, date);
            if (!ruleOpensOn(rule, date, input) || !bounds || bounds.close <= bounds.open) continue;
            const away = input.absences.some(
              (a) => a.advisorId === rule.advisorId && overlaps(bounds.open, bounds.close, a.start.getTime(), a.end.getTime()),
            );
            if (!away) expect(seen.has(`${rule.id}|${date}`)).toBe(true);
          }
      }),
      runs,
    );
  });
});
