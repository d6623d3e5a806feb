import ICAL from "ical.js";
import { DateTime } from "luxon";
import { isValidZone } from "./time.ts";
import { vtimezone } from "./vtimezones.ts";

// An advisor's own calendar (Outlook, Google, Nextcloud), as its published iCalendar text, read
// into the times it says they are busy — nothing else: no title, place or description leaves
// this module. ical.js (Thunderbird's parser) expands recurrences with their EXDATE, RDATE and
// RECURRENCE-ID overrides; the zones come from the calendar's own VTIMEZONEs, as RFC 5545 wants.
// Calendars that name a zone without defining it get one: an IANA name (Google, Nextcloud) or a
// Windows one (Outlook) is given the IANA definition; anything else, and floating times, are read
// in the advisor's zone, as their calendar application would show them.

export interface BusyInterval {
  start: Date;
  end: Date;
}

export class NotACalendarError extends Error {
  override name = "NotACalendarError";
}

/**
 * A calendar whose repetitions cannot be read in reasonable time: ical.js looks for ever for the
 * next occurrence of a daily (or finer) rule that no day matches, such as every 30 February.
 */
export class CalendarTooComplexError extends Error {
  override name = "CalendarTooComplexError";
}

/** A pathological RRULE (every second for ever) stops here rather than hold the server. */
export const MAX_INSTANCES = 5_000;
/**
 * Occurrences stepped through, per series and in all: ical.js steps one occurrence at a time
 * (some 30 µs each), so a calendar of series every minute would otherwise hold the server.
 */
const MAX_STEPS_PER_SERIES = 20_000;
const MAX_STEPS = 100_000;
/** How far a moved instance may have travelled from its original time and still be found. */
const MOVED_REACH_MS = 31 * 86_400_000;
/** A rule's period, for the frequencies whose occurrences can be skipped by whole periods. */
const PERIOD_S: Partial<Record<string, number>> = { SECONDLY: 1, MINUTELY: 60, HOURLY: 3_600, DAILY: 86_400, WEEKLY: 604_800 };

/** The Windows names Outlook writes, when its file forgets the VTIMEZONE that would define them. */
const WINDOWS_ZONES: Record<string, string> = {
  "Romance Standard Time": "Europe/Paris",
  "W. Europe Standard Time": "Europe/Berlin",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "E. Europe Standard Time": "Europe/Chisinau",
  "FLE Standard Time": "Europe/Kiev",
  "GTB Standard Time": "Europe/Bucharest",
  "Morocco Standard Time": "Africa/Casablanca",
  "SA Western Standard Time": "America/Guadeloupe",
  "Mauritius Standard Time": "Indian/Mauritius",
  UTC: "UTC",
  "Coordinated Universal Time": "UTC",
};

/** An IANA zone for a TZID: Windows' names, and paths ending with an IANA name ("/freeassociation…/Europe/Paris"). */
function ianaOf(tzid: string): string | undefined {
  const windows = WINDOWS_ZONES[tzid];
  if (windows) return windows;
  const parts = tzid.split("/").filter(Boolean);
  for (let i = 0; i < parts.length; i++) {
    const candidate = parts.slice(i).join("/");
    if (isValidZone(candidate)) return candidate;
  }
  return undefined;
}

/** The IANA zone's definition under another TZID, so that ical.js finds it in the calendar itself. */
function vtimezoneAs(tzid: string, zone: string): ICAL.Component | undefined {
  const component = vtimezone(zone);
  component?.updatePropertyWithValue("tzid", tzid);
  return component;
}

const DATE_PROPERTIES = ["dtstart", "dtend", "due", "recurrence-id", "exdate", "rdate"];

/** Gives every TZID the events use and the file does not define a definition of its own. */
function defineMissingZones(calendar: ICAL.Component, events: ICAL.Component[], zone: string) {
  const defined = new Set(calendar.getAllSubcomponents("vtimezone").map((z) => String(z.getFirstPropertyValue("tzid"))));
  for (const event of events) {
    for (const name of DATE_PROPERTIES) {
      for (const property of event.getAllProperties(name)) {
        const tzid = property.getParameter("tzid");
        if (typeof tzid !== "string" || defined.has(tzid)) continue;
        defined.add(tzid);
        const definition = vtimezoneAs(tzid, ianaOf(tzid) ?? zone) ?? vtimezoneAs(tzid, zone);
        if (definition) calendar.addSubcomponent(definition);
      }
    }
  }
}

/** An instant of the calendar: UTC, in a defined zone, or floating (read in the advisor's zone). */
function instantOf(time: ICAL.Time, zone: string): number {
  const tzid = time.zone?.tzid;
  if (time.zone && tzid !== "floating" && tzid !== undefined) return time.toUnixTime() * 1000;
  return DateTime.fromObject(
    { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
    { zone },
  ).toMillis();
}

/** An all-day date: the start of that local day in the advisor's zone. */
const dayStart = (time: ICAL.Time, zone: string) =>
  DateTime.fromObject({ year: time.year, month: time.month, day: time.day }, { zone }).toMillis();

/** Whether an event (or one of its instances) takes time: not cancelled, not shown as free. */
function blocks(event: ICAL.Component): boolean {
  const status = String(event.getFirstPropertyValue("status") ?? "").toUpperCase();
  const transp = String(event.getFirstPropertyValue("transp") ?? "").toUpperCase();
  const busyStatus = String(event.getFirstPropertyValue("x-microsoft-cdo-busystatus") ?? "").toUpperCase();
  return status !== "CANCELLED" && transp !== "TRANSPARENT" && busyStatus !== "FREE";
}

/** One occurrence's interval in epoch ms; an all-day one covers whole local days (one at least). */
function span(start: ICAL.Time, end: ICAL.Time | null, zone: string): [number, number] {
  if (start.isDate) {
    const from = dayStart(start, zone);
    const until = end?.isDate ? dayStart(end, zone) : from;
    return [from, until > from ? until : DateTime.fromMillis(from, { zone }).plus({ days: 1 }).toMillis()];
  }
  const from = instantOf(start, zone);
  const until = end ? instantOf(end, zone) : from;
  return [from, Math.max(from, until)];
}

/**
 * The busy intervals of an iCalendar text within [from, to), merged, in order. `zone` is the
 * advisor's: it places all-day events and floating times. Throws NotACalendarError when the text
 * is not a calendar.
 */
export function busyIntervals(text: string, window: { from: Date; to: Date }, zone: string): BusyInterval[] {
  try {
    return expand(parseCalendar(text), window, zone);
  } catch (error) {
    // A value ical.js cannot read (a date « 2027-13-45 », a broken RRULE) shows only once hydrated.
    if (error instanceof NotACalendarError || error instanceof CalendarTooComplexError) throw error;
    throw new NotACalendarError(error instanceof Error ? error.message : String(error));
  }
}

function expand(calendar: ICAL.Component, window: { from: Date; to: Date }, zone: string): BusyInterval[] {
  const components = calendar.getAllSubcomponents("vevent");
  defineMissingZones(calendar, components, zone);

  const from = window.from.getTime();
  const to = window.to.getTime();
  const found: [number, number][] = [];
  const add = ([start, end]: [number, number]) => {
    if (found.length < MAX_INSTANCES && end > from && start < to && end > start)
      found.push([Math.max(start, from), Math.min(end, to)]);
  };

  // A series and the instances it overrides share a UID; an override whose series is not in the
  // file stands alone. Two events under one UID (a calendar imported twice) both count.
  const series = new Map<string, ICAL.Event>();
  const overrides: ICAL.Component[] = [];
  for (const component of components) {
    if (component.hasProperty("recurrence-id")) overrides.push(component);
    else {
      const uid = String(component.getFirstPropertyValue("uid") ?? "");
      series.set(uid && !series.has(uid) ? uid : `${uid}#${series.size}`, eventOf(component));
    }
  }
  for (const component of overrides) {
    const master = series.get(String(component.getFirstPropertyValue("uid")));
    if (master) master.relateException(component);
    else if (blocks(component)) {
      const event = eventOf(component);
      add(span(event.startDate, event.endDate, zone));
    }
  }

  let stepsInAll = 0;
  for (const event of series.values()) {
    if (!event.startDate) continue;
    if (!event.isRecurring()) {
      if (blocks(event.component)) add(span(event.startDate, event.endDate, zone));
      continue;
    }
    const impossible = event.component.getAllProperties("rrule").find((p) => neverMatches(p.getFirstValue() as ICAL.Recur));
    if (impossible) throw new CalendarTooComplexError(`RRULE:${impossible.getFirstValue()} matches no day`);
    // Each occurrence is what its override says, if it has one (moved, cancelled, or confirmed
    // in a cancelled series), else what its series says.
    const iterator = event.iterator(startNear(event, from - MOVED_REACH_MS, zone));
    let steps = 0;
    for (
      let next = iterator.next();
      next && steps < MAX_STEPS_PER_SERIES && found.length < MAX_INSTANCES;
      next = iterator.next()
    ) {
      steps += 1;
      if (++stepsInAll > MAX_STEPS) break;
      const original = next.isDate ? dayStart(next, zone) : instantOf(next, zone);
      if (original < from - MOVED_REACH_MS) continue;
      if (original >= to + MOVED_REACH_MS) break;
      const details = event.getOccurrenceDetails(next);
      if (!blocks(details.item.component)) continue;
      add(span(details.startDate, details.endDate, zone));
    }
  }
  return merged(found);
}

/** The days each month can have (29 February in leap years). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ALL_MONTHS = MONTH_DAYS.map((_, i) => i + 1);
/** The frequencies ical.js steps through a day (or less) at a time, looking for a day that matches. */
const STEPPED = new Set(["DAILY", "HOURLY", "MINUTELY", "SECONDLY"]);

/**
 * Whether a daily or finer rule asks for days that none of its months has (30 February, 31
 * April): ical.js guards its monthly and yearly rules against those, not these, which it would
 * step through for ever. It also compares these rules' days as written, so that a day counted
 * from the month's end (-1) never matches either. The timeout around the read
 * (busy-calendar/read-busy-times.ts) guards the combinations not told here.
 */
function neverMatches(rule: ICAL.Recur): boolean {
  const days = rule.parts.BYMONTHDAY;
  if (!STEPPED.has(rule.freq) || !days?.length) return false;
  const months = rule.parts.BYMONTH?.length ? rule.parts.BYMONTH : ALL_MONTHS;
  return !months.some((month) => days.some((day) => day > 0 && day <= (MONTH_DAYS[month - 1] ?? 0)));
}

/**
 * Where to start stepping through a series begun long before `before`: a whole number of its
 * periods later, so that a daily meeting since 1990 is not walked through day by day. Shifted in
 * wall-clock time (as ical.js steps), the occurrences stay the same; the shifted start, an
 * occurrence by definition, is before the window. A COUNT depends on the first occurrence: no skip.
 */
function startNear(event: ICAL.Event, before: number, zone: string): ICAL.Time | undefined {
  const rules = event.component.getAllProperties("rrule");
  const rule = rules[0]?.getFirstValue() as ICAL.Recur | undefined;
  const period = rule && rules.length === 1 && !rule.count ? PERIOD_S[rule.freq] : undefined;
  if (!rule || !period) return undefined;
  const step = period * (rule.interval || 1);
  const periods = Math.floor((before - instantOf(event.startDate, zone)) / 1000 / step);
  if (periods <= 0) return undefined;
  const start = event.startDate.clone();
  const seconds = periods * step;
  if (seconds % 86_400 === 0) start.adjust(seconds / 86_400, 0, 0, 0);
  else start.adjust(0, 0, 0, seconds);
  return start;
}

/**
 * An event, its overrides related by us: left to itself, ical.js relates every override of the
 * file to every series, whatever its UID — wrong, and quadratic (6 000 events took 5 s).
 */
const eventOf = (component: ICAL.Component) => new ICAL.Event(component, { strictExceptions: true, exceptions: [] });

function parseCalendar(text: string): ICAL.Component {
  if (!/^\s*BEGIN:VCALENDAR/i.test(text)) throw new NotACalendarError("no VCALENDAR");
  const parsed = ICAL.parse(text);
  // Several calendars in one file: the first is read, as applications do.
  const calendar = new ICAL.Component((Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[]);
  if (calendar.name !== "vcalendar") throw new NotACalendarError("no VCALENDAR");
  return calendar;
}

/** Overlapping or touching intervals as one. */
function merged(intervals: [number, number][]): BusyInterval[] {
  intervals.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}
