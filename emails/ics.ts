import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { type AppointmentDetails, MAIL_DOMAIN } from "./appointment.ts";
import { calendarText } from "./calendar-text.ts";
import { location, where } from "./format.ts";

/** The UID of an appointment's event: the same for its whole life (RFC 5545 §3.8.4.7). */
export const eventUid = (appointmentId: string) => `${appointmentId}@${MAIL_DOMAIN}`;

/**
 * The appointment as an iTIP message (RFC 5546): REQUEST when booked or moved, CANCEL when
 * cancelled, with a stable UID and the SEQUENCE of this version, times in the structure's zone
 * with its VTIMEZONE.
 */
export function appointmentIcs(a: AppointmentDetails, stamp: Date): { method: "REQUEST" | "CANCEL"; content: string } {
  const cancelled = a.status === "cancelled";
  const calendar = ical({
    prodId: { company: "RDV Orientation", product: "rdv-orientation", language: "FR" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: a.zone,
  });
  calendar.createEvent({
    id: eventUid(a.id),
    sequence: a.sequence,
    // ical-generator formats a plain Date in the calendar's zone: give it zoned luxon DateTimes.
    start: DateTime.fromJSDate(a.start, { zone: a.zone }),
    end: DateTime.fromJSDate(a.end, { zone: a.zone }),
    timezone: a.zone,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    summary: `${a.service.name} — ${a.structure.name}`,
    description: [
      where(a),
      a.instructions && `À prévoir : ${a.instructions}`,
      a.manageUrl && `Déplacer ou annuler : ${a.manageUrl}`,
    ]
      .filter(Boolean)
      .join("\n"),
    location: location(a),
    organizer: { name: a.structure.name, email: a.structure.email ?? `ne-pas-repondre@${MAIL_DOMAIN}` },
    attendees: a.person.email
      ? [
          {
            name: `${a.person.firstName} ${a.person.lastName}`,
            email: a.person.email,
            rsvp: false,
            role: ICalAttendeeRole.REQ,
            status: ICalAttendeeStatus.ACCEPTED,
          },
        ]
      : [],
  });
  return { method: cancelled ? "CANCEL" : "REQUEST", content: calendarText(calendar, stamp) };
}
