import { calendarText } from "./calendar-text.ts";
import { eventUid } from "./ics.ts";

export interface FeedEvent {
  id: string;
  start: Date;
  end: Date;
  zone: string;
  service: string;
  structure: string;
  /** The site's name, or how the meeting is held. */
  place: string;
  /** Only a first name and an initial: the feed lives in third-party calendar apps. */
  person: string;
  url: string;
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
