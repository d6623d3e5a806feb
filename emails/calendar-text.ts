import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import type { ICalCalendar } from "ical-generator";

const CRLF = "\r\n";
const vtimezones = new Map<string, string>();

/** A zone's VTIMEZONE, its lines all short (written once per zone; empty for an unknown zone). */
function vtimezone(zone: string): string {
  let text = vtimezones.get(zone);
  if (text === undefined) {
    text = (getVtimezoneComponent(zone) ?? "").trim().split(/\r?\n/).join(CRLF);
    vtimezones.set(zone, text);
  }
  return text;
}

/**
 * A calendar's text (RFC 5545): ical-generator writes each event; this writes the VCALENDAR
 * around them and folds the long lines. ical-generator's own `toString` folds with a new
 * TextEncoder per character — a millisecond per invitation, most of a booking's cost in the
 * server. DTSTAMP is written in UTC (§3.8.7.2), where ical-generator uses the calendar's zone.
 */
export function calendarText(calendar: ICalCalendar, stamp: Date): string {
  const events = calendar.events();
  const zone = calendar.timezone();
  const zones = new Set([zone, ...events.map((e) => e.timezone())].filter((z) => z !== null));
  const name = calendar.name();
  const method = calendar.method();
  const seconds = calendar.ttl();
  const ttl = seconds && (seconds % 60 ? `PT${seconds}S` : `PT${seconds / 60}M`);
  const dtstamp = `DTSTAMP:${stamp.toISOString().replace(/[-:]|\.\d{3}/g, "")}`;
  const parts = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-${calendar.prodId()}`,
    method && `METHOD:${method}`,
    name && `NAME:${name}${CRLF}X-WR-CALNAME:${name}`,
    ...[...zones].map(vtimezone),
    zone && `TIMEZONE-ID:${zone}${CRLF}X-WR-TIMEZONE:${zone}`,
    ttl && `REFRESH-INTERVAL;VALUE=DURATION:${ttl}${CRLF}X-PUBLISHED-TTL:${ttl}`,
    // Each event ends with its line break: the join puts them back.
    ...events.map((e) =>
      e
        .toString()
        .replace(/^DTSTAMP:.*$/m, dtstamp)
        .replace(/\r\n$/, ""),
    ),
    "END:VCALENDAR",
  ];
  return fold(parts.filter((part) => part).join(CRLF));
}

/** RFC 5545 §3.1: no line over 75 octets; a long one goes on after CRLF and a space, never inside a character. */
export function fold(text: string): string {
  return text
    .split(CRLF)
    .map((line) => (Buffer.byteLength(line) <= 75 ? line : foldLine(line)))
    .join(CRLF);
}

function foldLine(line: string): string {
  let result = "";
  let octets = 0;
  for (const ch of line) {
    const code = ch.codePointAt(0) as number;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      result += `${CRLF} `;
      octets = 1;
    }
    result += ch;
    octets += size;
  }
  return result;
}
