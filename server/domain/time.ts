// Time is a domain concept: this module alone knows zones, daylight saving and formats.
// Instants are `Date` (UTC); rules speak in local wall time: a date "YYYY-MM-DD" and minutes
// since local midnight, read in the structure's IANA zone.
import { DateTime, IANAZone } from "luxon";

export const DEFAULT_ZONE = "Europe/Paris";

/** A calendar date in some zone, "YYYY-MM-DD". */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The years the platform deals in: any rule, meeting or statistic, far from the calendar's
 * edges (PostgreSQL has no year 0, JavaScript reads years 0–99 as 19xx, and a day or a zone
 * added to 9999-12-31 is an instant nothing can write).
 */
export const YEARS = { first: 1900, last: 2199 } as const;

/** What is wrong with a local date, if anything: its form, its existence, or its year. */
export function localDateProblem(value: string): "format" | "nonexistent" | "year" | undefined {
  const m = DATE_RE.exec(value);
  if (!m) return "format";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return "nonexistent";
  return year < YEARS.first || year > YEARS.last ? "year" : undefined;
}

export const isLocalDate = (value: string): boolean => localDateProblem(value) === undefined;

/** "HH:mm" → minutes since midnight; undefined when malformed. */
export function parseTime(value: string): number | undefined {
  const m = TIME_RE.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Days since 1970-01-01 of a local date: plain arithmetic on calendar dates, no zone involved. */
export function epochDay(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
/** The first day of the month `months` before the month of `date`: ("2026-03-23", 2) → "2026-01-01". */
export function firstOfMonthBefore(date: LocalDate, months: number): LocalDate {
  const month = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-01`;
}

export function isoWeekday(date: LocalDate): number {
  return ((((epochDay(date) + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

/** The Monday of the date's week. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let day = epochDay(from), last = epochDay(to); day <= last; day++) dates.push(fromEpochDay(day));
  return dates;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  return wallClock(instant, zone).date;
}

/** What a clock on the wall reads at an instant in a zone: the date and the minutes since midnight. */
export function wallClock(instant: Date, zone: string): { date: LocalDate; minutes: number } {
  const wall = instant.getTime() + offsetMinutes(instant.getTime(), zone) * 60_000;
  const day = Math.floor(wall / DAY_MS);
  return { date: fromEpochDay(day), minutes: Math.floor((wall - day * DAY_MS) / 60_000) };
}

// Offsets change at most a few times a year, on quarter hours in every real zone: cache them
// by quarter hour, since the zone database lookup costs microseconds and slots number thousands.
const QUARTER_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset from UTC, in minutes, at an instant (e.g. 60 or 120 for Europe/Paris). */
export function offsetMinutes(epochMs: number, zone: string): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const quarter = Math.floor(epochMs / QUARTER_MS);
  let offset = cache.get(quarter);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(quarter * QUARTER_MS);
    if (cache.size > 200_000) cache.clear();
    cache.set(quarter, offset);
  }
  return offset;
}

/**
 * The instant at which a local wall time happens, or undefined when it does not exist (the hour
 * skipped when clocks go forward). A wall time that happens twice (clocks going back) gives one
 * instant, the earlier, so nothing is ever generated twice.
 */
export function localInstant(date: LocalDate, minutes: number, zone: string): Date | undefined {
  return localInstantOnDay(epochDay(date), minutes, zone);
}

/** `localInstant` for a date given as its epoch day: the hot path of slot generation. */
export function localInstantOnDay(day: number, minutes: number, zone: string): Date | undefined {
  const ms = localEpochOnDay(day, minutes, zone);
  return ms === undefined ? undefined : new Date(ms);
}

/** The same, in epoch milliseconds, allocating nothing on ordinary days. */
export function localEpochOnDay(day: number, minutes: number, zone: string): number | undefined {
  const wall = day * DAY_MS + minutes * 60_000;
  const steady = steadyOffset(day, zone);
  if (steady !== undefined) return wall - steady * 60_000;
  // Guess with the offset a few hours before, then correct once: exact outside transitions.
  const guess = wall - offsetMinutes(wall - 3 * 3_600_000, zone) * 60_000;
  const offset = offsetMinutes(guess, zone);
  const instant = wall - offset * 60_000;
  if (offsetMinutes(instant, zone) === offset) return instant;
  // Around a transition: let luxon decide, and refuse a wall time it had to shift.
  const [y, m, d] = fromEpochDay(day).split("-").map(Number) as [number, number, number];
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const dt = DateTime.fromObject({ year: y, month: m, day: d, hour, minute }, { zone });
  if (!dt.isValid || dt.hour !== hour || dt.minute !== minute) return undefined;
  const earlier = dt.minus({ hours: 1 });
  return (earlier.hour === hour && earlier.minute === minute ? earlier : dt).toMillis();
}

const steadyCache = new Map<string, Map<number, number | null>>();

/** The zone's offset on a local day when it does not change that day (all days but two a year). */
function steadyOffset(day: number, zone: string): number | undefined {
  let byDay = steadyCache.get(zone);
  if (!byDay) {
    byDay = new Map();
    steadyCache.set(zone, byDay);
  }
  let offset = byDay.get(day);
  if (offset === undefined) {
    // Offsets stay within ±14 h: a window of the day widened by 14 h on each side covers it.
    const before = offsetMinutes(day * DAY_MS - 14 * 3_600_000, zone);
    const after = offsetMinutes((day + 1) * DAY_MS + 14 * 3_600_000, zone);
    offset = before === after ? before : null;
    if (byDay.size > 100_000) byDay.clear();
    byDay.set(day, offset);
  }
  return offset ?? undefined;
}

/** ISO 8601 with the zone's offset, e.g. "2026-03-30T09:00:00+02:00". */
export function toZonedIso(instant: Date, zone: string): string {
  const offset = offsetMinutes(instant.getTime(), zone);
  return new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19) + offsetSuffix(offset);
}

const suffixes = new Map<number, string>();
function offsetSuffix(offset: number): string {
  let suffix = suffixes.get(offset);
  if (suffix === undefined) {
    const abs = Math.abs(offset);
    suffix = `${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
    suffixes.set(offset, suffix);
  }
  return suffix;
}

/** French display, e.g. "lundi 30 mars 2026 à 9 h 00" (for e-mails and pages). */
export function formatLongFr(instant: Date, zone: string): string {
  const dt = DateTime.fromJSDate(instant, { zone }).setLocale("fr");
  return `${dt.toFormat("cccc d LLLL yyyy")} à ${dt.toFormat("H 'h' mm")}`;
}
