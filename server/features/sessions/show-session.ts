import type { StaffDeps } from "../../context.ts";
import { sessionSegment } from "../../domain/session-path.ts";
import { toZonedIso } from "../../domain/time.ts";
import { contactForStaff } from "../agenda/selects.ts";
import { sessionSeats } from "./session-seats.ts";

/**
 * A collective session as one thing: when, where, with whom, its seats taken and left, and its
 * participants — those booked first, then those cancelled — with how they booked and how they
 * hear of changes. Participants' contacts are in full: the user sees these meetings (scope.ts).
 */
export async function showSession({ clock, scope, input }: StaffDeps & { input: { key: string } }) {
  const { sessionKey, first } = await sessionSeats(scope, input.key);
  const rows = await scope.prisma.appointment.findMany({
    where: { sessionKey },
    select: {
      id: true,
      status: true,
      outcome: true,
      channel: true,
      mode: true,
      startsAt: true,
      endsAt: true,
      bookedBy: { select: { firstName: true, lastName: true } },
      person: { select: { id: true, firstName: true, lastName: true, email: true, phone: true, smsReminders: true } },
    },
  });
  const details = await scope.prisma.appointment.findUniqueOrThrow({
    where: { id: first.id },
    select: {
      mode: true,
      site: { select: { id: true, name: true, address: true } },
      advisor: { select: { id: true, firstName: true, lastName: true } },
      structure: { select: { id: true, name: true, timeZone: true } },
      offering: { select: { seats: true, service: { select: { id: true, name: true } } } },
    },
  });
  const zone = details.structure.timeZone;
  const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    (a.status === b.status ? 0 : a.status === "booked" ? -1 : 1) ||
    a.person.lastName.localeCompare(b.person.lastName, "fr") ||
    a.person.firstName.localeCompare(b.person.firstName, "fr");
  const taken = rows.filter((r) => r.status === "booked").length;
  return {
    session: {
      key: sessionSegment(sessionKey),
      start: toZonedIso(first.startsAt, zone),
      end: toZonedIso(first.endsAt, zone),
      mode: details.mode,
      site: details.site,
      advisor: details.advisor,
      structure: { id: details.structure.id, name: details.structure.name },
      service: details.offering.service,
      seats: details.offering.seats,
      seatsTaken: taken,
      seatsLeft: Math.max(0, details.offering.seats - taken),
      cancelled: taken === 0,
      started: clock.now().getTime() >= first.startsAt.getTime(),
      participants: rows.sort(byName).map((r) => ({
        appointmentId: r.id,
        status: r.status,
        outcome: r.outcome,
        channel: r.channel,
        bookedBy: r.bookedBy,
        person: contactForStaff(r.person),
      })),
    },
  };
}
