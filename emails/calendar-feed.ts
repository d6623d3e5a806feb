import ical, { ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
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
  const calendar = ical({
    prodId: { company: "RDV Orientation", product: "rdv-orientation", language: "FR" },
    name,
    timezone: "Europe/Paris",
    ttl: 15 * 60,
  });
  for (const e of events) {
    calendar.createEvent({
      id: eventUid(e.id),
      start: DateTime.fromJSDate(e.start, { zone: e.zone }),
      end: DateTime.fromJSDate(e.end, { zone: e.zone }),
      timezone: e.zone,
      status: ICalEventStatus.CONFIRMED,
      summary: `${e.person} — ${e.service}`,
      location: e.place,
      description: `${e.structure}\n${e.url}`,
      url: e.url,
    });
  }
  return calendarText(calendar, stamp);
}
