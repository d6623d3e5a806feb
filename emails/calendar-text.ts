import ICAL from "ical.js";
import { DateTime } from "luxon";
import { vtimezone } from "../server/domain/vtimezones.ts";

// Every iCalendar text the platform writes (the .ics of a confirmation, an advisor's
// subscription feed) is written here, by ical.js — Mozilla's library, the parser of
// Thunderbird: TEXT values escaped as RFC 5545 §3.3.11 says, parameters quoted and escaped as
// RFC 6868 says (« ^' » for a double quote: a backslash has no meaning there), lines folded at
// 75 octets without cutting a character. Names come from people: what no calendar line may
// hold is taken out before (`plain`).

export interface CalendarEvent {
  uid: string;
  /** RFC 5545 SEQUENCE: 0 when booked, +1 at every change sent to the person. */
  sequence?: number;
  start: Date;
  end: Date;
  /** The IANA zone the times are written in, with its VTIMEZONE. */
  zone: string;
  status: "CONFIRMED" | "CANCELLED";
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  organizer?: { name: string; email: string };
  attendees?: readonly { name: string; email: string }[];
}

export interface CalendarHead {
  /** iTIP method (RFC 5546): an e-mail's invitation or cancellation, a file to import (PUBLISH); none for a feed. */
  method?: "REQUEST" | "CANCEL" | "PUBLISH";
  /** A subscription's name, shown by calendar apps (RFC 7986 NAME, and X-WR-CALNAME). */
  name?: string;
  /** How often a subscriber should read the feed again. */
  refreshMinutes?: number;
  /** The calendar's own zone (TIMEZONE-ID, X-WR-TIMEZONE). */
  zone: string;
}

const PRODID = "-//RDV Orientation//rdv-orientation//FR";
// ical.js cuts a long line into pieces of `foldLength` octets and puts the space that marks a
// continuation before each piece: 75 would make continuation lines 76 octets long.
ICAL.foldLength = 74;

/**
 * Control characters (a line break in a name would start a property of its own), line and
 * paragraph separators and bidirectional overrides (text that reads otherwise than it is)
 * are no part of any value here: names are refused with them at input, and what is stored
 * anyway goes out without them. A line break in a long text (a description) stays, as \n.
 */
const UNSAFE = /(?!\n)\p{Cc}|[\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
export const plain = (text: string) => text.replace(UNSAFE, " ");
const oneLine = (text: string) => plain(text).replace(/\n/g, " ");

/** A wall-clock time in `zone`, written with its TZID (RFC 5545 §3.3.5, form 3). */
function zoned(event: ICAL.Component, name: string, instant: Date, zone: string) {
  const local = DateTime.fromJSDate(instant, { zone });
  const time = ICAL.Time.fromData({
    year: local.year,
    month: local.month,
    day: local.day,
    hour: local.hour,
    minute: local.minute,
    second: local.second,
  });
  event.addPropertyWithValue(name, time).setParameter("tzid", zone);
}

function person(event: ICAL.Component, name: "organizer" | "attendee", who: { name: string; email: string }) {
  const property = event.addPropertyWithValue(name, `mailto:${oneLine(who.email)}`);
  if (name === "attendee") {
    property.setParameter("role", "REQ-PARTICIPANT");
    property.setParameter("partstat", "ACCEPTED");
    property.setParameter("rsvp", "FALSE");
  }
  property.setParameter("cn", oneLine(who.name));
}

/** The VEVENTs in a VCALENDAR, with one VTIMEZONE per zone and DTSTAMP in UTC (§3.8.7.2). */
export function calendarText(head: CalendarHead, events: readonly CalendarEvent[], stamp: Date): string {
  const calendar = new ICAL.Component("vcalendar");
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("prodid", PRODID);
  if (head.method) calendar.addPropertyWithValue("method", head.method);
  if (head.name) {
    calendar.addPropertyWithValue("name", oneLine(head.name));
    calendar.addPropertyWithValue("x-wr-calname", oneLine(head.name));
  }
  for (const zone of new Set([head.zone, ...events.map((e) => e.zone)])) {
    const component = vtimezone(zone);
    if (component) calendar.addSubcomponent(component);
  }
  calendar.addPropertyWithValue("timezone-id", head.zone);
  calendar.addPropertyWithValue("x-wr-timezone", head.zone);
  if (head.refreshMinutes) {
    const ttl = ICAL.Duration.fromSeconds(head.refreshMinutes * 60);
    // ical.js writes its VALUE=DURATION (RFC 7986 §5.7): its default type is a URI.
    calendar.addPropertyWithValue("refresh-interval", ttl);
    calendar.addPropertyWithValue("x-published-ttl", ttl.toString());
  }
  const dtstamp = ICAL.Time.fromJSDate(stamp, true);
  for (const e of events) {
    const event = new ICAL.Component("vevent");
    event.addPropertyWithValue("uid", e.uid);
    event.addPropertyWithValue("sequence", e.sequence ?? 0);
    event.addPropertyWithValue("dtstamp", dtstamp);
    zoned(event, "dtstart", e.start, e.zone);
    zoned(event, "dtend", e.end, e.zone);
    event.addPropertyWithValue("summary", oneLine(e.summary));
    if (e.location) event.addPropertyWithValue("location", oneLine(e.location));
    if (e.description) event.addPropertyWithValue("description", plain(e.description));
    if (e.url) event.addPropertyWithValue("url", oneLine(e.url));
    if (e.organizer) person(event, "organizer", e.organizer);
    for (const attendee of e.attendees ?? []) person(event, "attendee", attendee);
    event.addPropertyWithValue("status", e.status);
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
