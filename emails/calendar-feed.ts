import type { Mode } from "../server/domain/availability.ts";
import { phoneForPeople } from "../server/domain/phone.ts";
import { calendarText } from "./calendar-text.ts";
import { eventUid } from "./ics.ts";

export interface FeedEvent {
  id: string;
  start: Date;
  end: Date;
  zone: string;
  service: string;
  structure: string;
  /** Where the meeting is held (`feedPlace`). */
  place: string;
  /** Only a first name and an initial: the feed lives in third-party calendar apps. */
  person: string;
  url: string;
}

/**
 * The feed's LOCATION: the site's name on site; for a phone meeting « Par téléphone » and the
 * number the advisor calls, the French way — whatever site the meeting was booked at, which the
 * advisor would otherwise travel to; « En visio » for a video meeting. The number is the only
 * contact the feed carries: the advisor cannot hold the meeting without it.
 */
export function feedPlace(a: { mode: Mode; site: { name: string } | null; personPhone: string | null }): string {
  if (a.mode === "phone")
    return a.personPhone ? `Par téléphone : ${phoneForPeople(a.personPhone)}` : "Par téléphone (numéro non communiqué)";
  if (a.mode === "video") return "En visio";
  return a.site?.name ?? "Sur place";
}

/** An advisor's subscription calendar (RFC 5545, no METHOD: it is published, not an invitation). */
export function calendarFeed(name: string, events: FeedEvent[], stamp: Date): string {
  return calendarText(
    { name, zone: "Europe/Paris", refreshMinutes: 15 },
    events.map((e) => ({
      uid: eventUid(e.id),
      start: e.start,
      end: e.end,
      zone: e.zone,
      status: "CONFIRMED",
      summary: `${e.person} — ${e.service}`,
      location: e.place,
      description: `${e.structure}\n${e.url}`,
      url: e.url,
    })),
    stamp,
  );
}
