import { type AppointmentDetails, MAIL_DOMAIN } from "./appointment.ts";
import { calendarText } from "./calendar-text.ts";
import { location, where } from "./format.ts";

/** The UID of an appointment's event: the same for its whole life (RFC 5545 §3.8.4.7). */
export const eventUid = (appointmentId: string) => `${appointmentId}@${MAIL_DOMAIN}`;

/**
 * The appointment as an iTIP message (RFC 5546) in an e-mail: REQUEST when booked or moved,
 * CANCEL when cancelled, with a stable UID and the SEQUENCE of this version, times in the
 * structure's zone with its VTIMEZONE.
 */
export function appointmentIcs(a: AppointmentDetails, stamp: Date): { method: "REQUEST" | "CANCEL"; content: string } {
  const method = a.status === "cancelled" ? "CANCEL" : "REQUEST";
  return { method, content: appointmentCalendar(a, stamp, method) };
}

/**
 * The appointment as a file the person imports into their agenda: PUBLISH (a REQUEST opened by
 * hand makes calendars answer an invitation nobody sent), so without ATTENDEE (RFC 5546 §3.2.1).
 */
export function appointmentIcsFile(a: AppointmentDetails, stamp: Date): { method: "PUBLISH" | "CANCEL"; content: string } {
  const method = a.status === "cancelled" ? "CANCEL" : "PUBLISH";
  return { method, content: appointmentCalendar(a, stamp, method) };
}

function appointmentCalendar(a: AppointmentDetails, stamp: Date, method: "REQUEST" | "CANCEL" | "PUBLISH"): string {
  return calendarText(
    { method, zone: a.zone },
    [
      {
        uid: eventUid(a.id),
        sequence: a.sequence,
        start: a.start,
        end: a.end,
        zone: a.zone,
        status: method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
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
        attendees:
          a.person.email && method !== "PUBLISH"
            ? [{ name: `${a.person.firstName} ${a.person.lastName}`, email: a.person.email }]
            : [],
      },
    ],
    stamp,
  );
}
