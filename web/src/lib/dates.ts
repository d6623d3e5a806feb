// Calendar dates and wall-clock times as the API gives them, without the browser's clock or zone.
//
// A slot's `start` is ISO 8601 in its structure's zone ("2026-03-30T09:00:00+02:00"): its first
// ten characters are the local date and the next five the local time. Dates are plain
// "YYYY-MM-DD" strings; arithmetic on them goes through days since 1970-01-01, computed in UTC
// so that no daylight-saving change or browser zone can shift a day. Nothing here reads "now":
// the server's answers say which week to show.

/** A calendar date, "YYYY-MM-DD". */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written "YYYY-MM-DD" (not "2026-02-30"). */
export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && fromEpochDay(epochDay(value)) === value;
}

/** Days since 1970-01-01. */
export function epochDay(date: LocalDate): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromEpochDay(days: number): LocalDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(epochDay(date) + days);
}

/** The Monday of `date`'s week (weeks run Monday to Sunday, as in France). */
export function mondayOf(date: LocalDate): LocalDate {
  // 1970-01-01 was a Thursday: day 0 is the fourth day of its week.
  const weekday = (((epochDay(date) + 3) % 7) + 7) % 7;
  return addDays(date, -weekday);
}

/** The seven dates of the week starting on `monday`. */
export function weekDays(monday: LocalDate): LocalDate[] {
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The local date of an ISO 8601 instant written with its zone's offset. */
export function dateOf(iso: string): LocalDate {
  return iso.slice(0, 10);
}

/** The local wall time "HH:MM" of an ISO 8601 instant written with its zone's offset. */
export function timeOf(iso: string): string {
  return iso.slice(11, 16);
}

// Formatting a date at midnight UTC in UTC gives back that very date, whatever the browser's zone.
const asDate = (date: LocalDate) => new Date(epochDay(date) * DAY_MS);
const dayFormat = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const dayYearFormat = new Intl.DateTimeFormat("fr-FR", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const dayMonthFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", timeZone: "UTC" });
const dayMonthYearFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** French writes the first day of a month as an ordinal: « 1er avril ». */
const firstOfMonth = (text: string) => text.replace(/(^|\s)1(?=\s|$)/, "$11er");

const NBSP = "\u00a0";

/** « 30 mars 2026 », « 1er avril 2026 ». */
export function formatDate(date: LocalDate): string {
  return firstOfMonth(dayMonthYearFormat.format(asDate(date)));
}

/** « lundi 30 mars », « mercredi 1er avril ». */
export function formatDay(date: LocalDate): string {
  return firstOfMonth(dayFormat.format(asDate(date)));
}

/** « lundi 30 mars 2026 ». */
export function formatDayWithYear(date: LocalDate): string {
  return firstOfMonth(dayYearFormat.format(asDate(date)));
}

/** « 9 h 00 », « 14 h 30 », the French way, with non-breaking spaces. */
export function formatTime(time: string): string {
  const [hours = "0", minutes = "00"] = time.split(":");
  return `${Number(hours)}${NBSP}h${NBSP}${minutes}`;
}

/** « lundi 30 mars à 9 h 00 », from an ISO instant with its offset. */
export function formatMoment(iso: string): string {
  return `${formatDay(dateOf(iso))} à ${formatTime(timeOf(iso))}`;
}

/** « 1 h », « 45 min », « 1 h 30 »: the length of a slot. */
export function formatDuration(startIso: string, endIso: string): string {
  const minutes = Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}${NBSP}min`;
  return rest === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${String(rest).padStart(2, "0")}`;
}

/** « du 23 au 29 mars », « du 30 mars au 5 avril », « du 28 décembre 2026 au 3 janvier 2027 ». */
export function formatWeek(monday: LocalDate): string {
  const sunday = addDays(monday, 6);
  const end = firstOfMonth(dayMonthFormat.format(asDate(sunday)));
  if (monday.slice(0, 4) !== sunday.slice(0, 4)) {
    return `du ${firstOfMonth(dayMonthYearFormat.format(asDate(monday)))} au ${firstOfMonth(dayMonthYearFormat.format(asDate(sunday)))}`;
  }
  if (monday.slice(0, 7) === sunday.slice(0, 7)) return `du ${firstOfMonth(String(Number(monday.slice(8))))} au ${end}`;
  return `du ${firstOfMonth(dayMonthFormat.format(asDate(monday)))} au ${end}`;
}

// hourCycle h23: some engines write midnight « 24:00 » with hour12 false.
const clockIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
const parisClock = clockIn("Europe/Paris");

/** « 23 mars 2026 à 0 h 08 »: an instant (any ISO 8601) as a clock in Paris reads it. */
export function formatParisInstant(iso: string): string {
  const parts = Object.fromEntries(parisClock.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)} à ${formatTime(`${parts.hour}:${parts.minute}`)}`;
}

// One clock per zone met: the list of undelivered messages shows meetings of every structure.
const zoneClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * « mardi 24 mars 2026 à 9 h 00 »: an instant (any ISO 8601) as a clock in `zone` reads it — a
 * meeting written in its structure's zone, whatever the browser's.
 */
export function formatInstantIn(iso: string, zone: string): string {
  let clock = zoneClocks.get(zone);
  if (!clock) {
    clock = clockIn(zone);
    zoneClocks.set(zone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${formatDayWithYear(`${parts.year}-${parts.month}-${parts.day}`)} à ${formatTime(`${parts.hour}:${parts.minute}`)}`;
}

/** The date of an instant in Paris: which day the staff agenda opens on, from the browser's clock. */
export function parisDate(instant: Date): LocalDate {
  const parts = Object.fromEntries(parisClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
