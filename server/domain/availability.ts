// Free slots, computed from the rules and everything that takes time away from them. Pure:
// no HTTP, no database, no clock of its own. The same function lists slots and, at booking
// time, decides whether a requested slot is still free (`findSlot`), so the two never disagree.
import { datesBetween, epochDay, isoWeekday, type LocalDate, localEpochOnDay, mondayOf, parseTime } from "./time.ts";

export type Mode = "onsite" | "phone" | "video";
export type Audience = "public" | "staff";

/** A plage d'ouverture, in the structure's local wall time. */
export interface Rule {
  id: string;
  advisorId: string;
  /** Null for a remote range: phone or video only. */
  siteId: string | null;
  modes: readonly Mode[];
  /** ISO weekdays, 1 = Monday. */
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
  validFrom: LocalDate;
  validUntil: LocalDate | null;
  /** Every N weeks, counted from the week of validFrom. */
  everyWeeks: number;
  /** Open on public holidays too. */
  onHolidays: boolean;
}

export interface OfferingSettings {
  id: string;
  durationMinutes: number;
  /** Time kept free after each meeting. */
  bufferMinutes: number;
  modes: readonly Mode[];
  minNoticeMinutes: number;
  horizonDays: number;
  /** 1 for an individual meeting, N for a collective session. */
  seats: number;
}

export interface Interval {
  advisorId: string;
  start: Date;
  end: Date;
}

/** A live (booked) appointment of one of the advisors, whatever its offering. */
export interface BookedAppointment extends Interval {
  bufferMinutes: number;
  sessionKey: string | null;
}

/** Closed from startDate to endDate, both included; the whole structure when siteId is null. */
export interface Closure {
  siteId: string | null;
  startDate: LocalDate;
  endDate: LocalDate;
}

export interface AvailabilityInput {
  zone: string;
  offering: OfferingSettings;
  /** The rules that open this offering. */
  rules: readonly Rule[];
  absences: readonly Interval[];
  closures: readonly Closure[];
  holidays: ReadonlySet<LocalDate>;
  appointments: readonly BookedAppointment[];
  /** Local dates in `zone`, both included. */
  from: LocalDate;
  to: LocalDate;
  now: Date;
  /** Staff may book inside the minimum notice and beyond the horizon; nobody books the past. */
  audience: Audience;
  mode?: Mode | undefined;
}

export interface Slot {
  start: Date;
  end: Date;
  advisorId: string;
  siteId: string | null;
  mode: Mode;
  seatsLeft: number;
  /** The collective session this slot is a seat of; null for an individual meeting. */
  sessionKey: string | null;
}

/** Seats of one collective session share this key (and may overlap in the database). */
export function sessionKeyOf(offeringId: string, advisorId: string, start: Date): string {
  return `${offeringId}/${advisorId}/${start.toISOString()}`;
}

export function freeSlots(input: AvailabilityInput): Slot[] {
  const { offering, zone, now } = input;
  const step = offering.durationMinutes + offering.bufferMinutes;
  const earliest = input.audience === "public" ? now.getTime() + offering.minNoticeMinutes * 60_000 : now.getTime();
  const latest = input.audience === "public" ? now.getTime() + offering.horizonDays * 86_400_000 : Number.POSITIVE_INFINITY;
  const collective = offering.seats > 1;
  const busy = busyByAdvisor(input.absences, input.appointments);
  const days = calendar(input.from, input.to);
  const slots: Slot[] = [];

  for (const rule of input.rules) {
    const modes = slotModes(rule, offering, input.mode);
    const startMin = parseTime(rule.startTime);
    const endMin = parseTime(rule.endTime);
    if (modes.length === 0 || startMin === undefined || endMin === undefined) continue;
    const anchorWeek = epochDay(mondayOf(rule.validFrom)) / 7;
    const advisorBusy = busy.get(rule.advisorId);

    for (const d of days) {
      if (!opensOn(rule, anchorWeek, d, input)) continue;
      const rangeEnd = rangeEndOn(d.day, endMin, zone);
      if (rangeEnd === undefined) continue;
      const day = d.day;

      for (let minute = startMin; minute + offering.durationMinutes <= endMin; minute += step) {
        const startMs = localEpochOnDay(day, minute, zone);
        if (startMs === undefined) continue; // the hour that does not exist
        const endMs = startMs + offering.durationMinutes * 60_000;
        if (endMs > rangeEnd || startMs < earliest || startMs > latest) continue;
        const start = new Date(startMs);
        const sessionKey = collective ? sessionKeyOf(offering.id, rule.advisorId, start) : null;
        const seatsLeft = advisorBusy
          ? advisorBusy.seatsLeft(startMs, endMs, endMs + offering.bufferMinutes * 60_000, sessionKey, offering.seats)
          : offering.seats;
        if (seatsLeft <= 0) continue;
        for (const mode of modes) {
          slots.push({
            start,
            end: new Date(endMs),
            advisorId: rule.advisorId,
            siteId: rule.siteId,
            mode,
            seatsLeft,
            sessionKey,
          });
        }
      }
    }
  }
  // By start only: the sort is stable, so slots of one time keep the order of the rules (and
  // of each rule's modes), which the caller makes deterministic.
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whether a rule opens on a day: its validity, weekdays, cycle of weeks, holidays and closures. */
function opensOn(rule: Rule, anchorWeek: number, d: Day, input: Pick<AvailabilityInput, "holidays" | "closures">): boolean {
  if (d.date < rule.validFrom || (rule.validUntil && d.date > rule.validUntil)) return false;
  if (!rule.weekdays.includes(d.weekday)) return false;
  if ((d.week - anchorWeek) % rule.everyWeeks !== 0) return false;
  if (!rule.onHolidays && input.holidays.has(d.date)) return false;
  return !isClosed(input.closures, rule.siteId, d.date);
}

/**
 * The range ends at the rule's wall time; if that time is skipped (clocks going forward inside
 * it), the range ends when the hour resumes.
 */
const rangeEndOn = (day: number, endMin: number, zone: string) =>
  localEpochOnDay(day, endMin, zone) ?? localEpochOnDay(day, endMin + 60, zone);

/**
 * The time each rule opens on each day of a range, less its advisor's absences: the time a
 * structure offers, whether booked or not (the dashboards' share of offered time booked).
 */
export function openTime(
  input: Pick<AvailabilityInput, "zone" | "rules" | "absences" | "closures" | "holidays" | "from" | "to">,
): { rule: Rule; date: LocalDate; minutes: number }[] {
  const away = new Map<string, [number, number][]>();
  for (const a of input.absences) {
    const list = away.get(a.advisorId) ?? [];
    list.push([a.start.getTime(), a.end.getTime()]);
    away.set(a.advisorId, list);
  }
  for (const [advisorId, list] of away) away.set(advisorId, merge(list));
  const open: { rule: Rule; date: LocalDate; minutes: number }[] = [];
  for (const rule of input.rules) {
    const startMin = parseTime(rule.startTime);
    const endMin = parseTime(rule.endTime);
    if (startMin === undefined || endMin === undefined) continue;
    const anchorWeek = epochDay(mondayOf(rule.validFrom)) / 7;
    for (const d of calendar(input.from, input.to)) {
      if (!opensOn(rule, anchorWeek, d, input)) continue;
      const start = localEpochOnDay(d.day, startMin, input.zone) ?? localEpochOnDay(d.day, startMin + 60, input.zone);
      const end = rangeEndOn(d.day, endMin, input.zone);
      if (start === undefined || end === undefined || end <= start) continue;
      let absent = 0;
      for (const [from, to] of away.get(rule.advisorId) ?? []) absent += Math.max(0, Math.min(to, end) - Math.max(from, start));
      const minutes = (end - start - absent) / 60_000;
      if (minutes > 0) open.push({ rule, date: d.date, minutes });
    }
  }
  return open;
}

/** The modes a rule offers for an offering: those both allow, never on site without a site. */
function slotModes(rule: Rule, offering: OfferingSettings, only: Mode | undefined): Mode[] {
  return rule.modes.filter(
    (m) => offering.modes.includes(m) && (m !== "onsite" || rule.siteId !== null) && (!only || m === only),
  );
}

/** The places (site and mode) an offering's rules open, whether or not they have free slots. */
export function offeredPlaces(
  input: Pick<AvailabilityInput, "rules" | "offering" | "mode">,
): { siteId: string | null; mode: Mode }[] {
  const places = new Map<string, { siteId: string | null; mode: Mode }>();
  for (const rule of input.rules) {
    for (const mode of slotModes(rule, input.offering, input.mode))
      places.set(`${rule.siteId}|${mode}`, { siteId: rule.siteId, mode });
  }
  return [...places.values()];
}

interface Day {
  date: LocalDate;
  day: number;
  weekday: number;
  week: number;
}
const calendars = new Map<string, Day[]>();

/** The days of a range with what the rules test, computed once per range (a search asks many times). */
function calendar(from: LocalDate, to: LocalDate): Day[] {
  const id = `${from}/${to}`;
  let days = calendars.get(id);
  if (!days) {
    days = datesBetween(from, to).map((date) => ({
      date,
      day: epochDay(date),
      weekday: isoWeekday(date),
      week: epochDay(mondayOf(date)) / 7,
    }));
    if (calendars.size > 1000) calendars.clear();
    calendars.set(id, days);
  }
  return days;
}

export interface WantedSlot {
  advisorId: string;
  siteId: string | null;
  mode: Mode;
  start: Date;
}

/**
 * The slot as `freeSlots` would list it now, or undefined when it is no longer free: the check
 * made at booking time. `input.from`/`to` must cover the slot's local date.
 */
export function findSlot(input: AvailabilityInput, wanted: WantedSlot): Slot | undefined {
  return freeSlots({ ...input, mode: wanted.mode, rules: input.rules.filter((r) => r.advisorId === wanted.advisorId) }).find(
    (slot) => slot.start.getTime() === wanted.start.getTime() && slot.siteId === wanted.siteId,
  );
}

function isClosed(closures: readonly Closure[], siteId: string | null, date: LocalDate): boolean {
  return closures.some((c) => (c.siteId === null || c.siteId === siteId) && c.startDate <= date && date <= c.endDate);
}

interface AdvisorBusy {
  /**
   * Seats left for a candidate meeting [start, end) followed by its buffer until `freeAt`.
   * Buffers keep meetings apart; like the end of a range, an absence may begin during one.
   */
  seatsLeft(start: number, end: number, freeAt: number, sessionKey: string | null, seats: number): number;
}

/**
 * Per advisor, the time taken: absences, and individual appointments with their buffers, each
 * merged into sorted disjoint intervals (binary search); collective sessions kept apart, since a
 * candidate seat of a session is not blocked by its own session but counts its taken seats.
 */
function busyByAdvisor(absences: readonly Interval[], appointments: readonly BookedAppointment[]): Map<string, AdvisorBusy> {
  const away = new Map<string, [number, number][]>();
  const meetings = new Map<string, [number, number][]>();
  const sessions = new Map<string, Map<string, { start: number; end: number; taken: number }>>();
  const add = (into: Map<string, [number, number][]>, advisorId: string, start: number, end: number) => {
    const list = into.get(advisorId);
    if (list) list.push([start, end]);
    else into.set(advisorId, [[start, end]]);
  };
  for (const a of absences) add(away, a.advisorId, a.start.getTime(), a.end.getTime());
  for (const a of appointments) {
    const end = a.end.getTime() + a.bufferMinutes * 60_000;
    if (a.sessionKey === null) {
      add(meetings, a.advisorId, a.start.getTime(), end);
      continue;
    }
    const byKey = sessions.get(a.advisorId) ?? new Map<string, { start: number; end: number; taken: number }>();
    sessions.set(a.advisorId, byKey);
    const session = byKey.get(a.sessionKey);
    if (session) session.taken++;
    else byKey.set(a.sessionKey, { start: a.start.getTime(), end, taken: 1 });
  }

  const result = new Map<string, AdvisorBusy>();
  for (const advisorId of new Set([...away.keys(), ...meetings.keys(), ...sessions.keys()])) {
    const absent = merge(away.get(advisorId) ?? []);
    const booked = merge(meetings.get(advisorId) ?? []);
    const advisorSessions = sessions.get(advisorId) ?? new Map();
    result.set(advisorId, {
      seatsLeft(start, end, freeAt, sessionKey, seats) {
        if (overlapsAny(absent, start, end) || overlapsAny(booked, start, freeAt)) return 0;
        let taken = 0;
        for (const [key, s] of advisorSessions) {
          if (key === sessionKey) taken = s.taken;
          else if (s.start < freeAt && start < s.end) return 0;
        }
        return seats - taken;
      },
    });
  }
  return result;
}

function merge(intervals: [number, number][]): [number, number][] {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether [start, end) meets any of the sorted disjoint half-open intervals. */
function overlapsAny(merged: [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((merged[mid] as [number, number])[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = merged[lo];
  return first !== undefined && first[0] < end;
}

/**
 * What the public is offered: one slot per time, place and mode, whichever advisor gives it.
 * People choose a time, not an advisor; the advisor offered is the least booked in the range
 * (and, for collective sessions, the session with the most seats left), which spreads the load.
 */
export function oneSlotPerTime(slots: readonly Slot[], appointments: readonly BookedAppointment[]): Slot[] {
  const load = new Map<string, number>();
  for (const a of appointments) load.set(a.advisorId, (load.get(a.advisorId) ?? 0) + 1);
  const better = (a: Slot, b: Slot) =>
    a.seatsLeft > b.seatsLeft || (a.seatsLeft === b.seatsLeft && (load.get(a.advisorId) ?? 0) < (load.get(b.advisorId) ?? 0));
  // `slots` come sorted by start: compare only within the slots of one start time.
  const offered: Slot[] = [];
  let groupStart = 0;
  for (const slot of slots) {
    if (offered.length > groupStart && (offered[groupStart] as Slot).start.getTime() !== slot.start.getTime()) {
      groupStart = offered.length;
    }
    let same = -1;
    for (let i = groupStart; i < offered.length; i++) {
      const o = offered[i] as Slot;
      if (o.siteId === slot.siteId && o.mode === slot.mode) same = i;
    }
    if (same === -1) offered.push(slot);
    else if (better(slot, offered[same] as Slot)) offered[same] = slot;
  }
  return offered;
}

/**
 * Whether a booked meeting still fits the availability — its own time set aside — on its local
 * date: after its advisor's ranges changed, or an absence or closure was added. A meeting that
 * no longer fits would be kept only if someone decides so.
 */
export function stillFits(input: AvailabilityInput, meeting: WantedSlot, date: LocalDate): boolean {
  const others = input.appointments.filter(
    (a) => !(a.advisorId === meeting.advisorId && a.start.getTime() === meeting.start.getTime()),
  );
  return findSlot({ ...input, from: date, to: date, appointments: others, audience: "staff" }, meeting) !== undefined;
}
