import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ICAL from "ical.js";

// The VTIMEZONE of an IANA zone, as calendars need it: to write ours (emails/calendar-text.ts)
// and to read those that name a zone without defining it (busy-times.ts).

const vtimezones = new Map<string, unknown[]>();

/** A zone's VTIMEZONE (parsed once per zone; a fresh copy for each calendar), undefined for an unknown zone. */
export function vtimezone(zone: string): ICAL.Component | undefined {
  let jcal = vtimezones.get(zone);
  if (!jcal) {
    const text = getVtimezoneComponent(zone);
    if (!text) return undefined;
    jcal = ICAL.parse(text.trim()) as unknown[];
    vtimezones.set(zone, jcal);
  }
  return new ICAL.Component(structuredClone(jcal));
}
