import type { StaffDeps } from "../../context.ts";
import { sessionSegment } from "../../domain/session-path.ts";
import { toZonedIso } from "../../domain/time.ts";
import { contactFields, contactForStaff, meetingFields } from "./selects.ts";
import { visibleAppointment } from "./visible-appointment.ts";

/** An appointment: the person and their contacts, the service, the channel, the notes, the history with the structure. */
export async function showAppointment({ scope, input: { id } }: StaffDeps & { input: { id: string } }) {
  const visible = await visibleAppointment(scope, id);
  const a = await scope.prisma.appointment.findUniqueOrThrow({
    where: { id },
    select: {
      ...meetingFields,
      outcomeAt: true,
      mode: true,
      channel: true,
      notes: true,
      accessibilityAids: true,
      accessibilityNeeds: true,
      cancelReason: true,
      followUpOfId: true,
      sessionKey: true,
      structure: { select: { id: true, name: true, timeZone: true } },
      site: { select: { id: true, name: true, address: true } },
      offering: { select: { id: true, service: { select: { id: true, name: true } } } },
      advisor: { select: { id: true, firstName: true, lastName: true } },
      bookedBy: { select: { firstName: true, lastName: true } },
      person: { select: { ...contactFields, communeCode: true, anonymisedAt: true } },
    },
  });
  // The person's history with this structure only: other structures' meetings are theirs.
  const history = await scope.prisma.appointment.findMany({
    where: { personId: visible.personId, structureId: visible.structureId, id: { not: id } },
    orderBy: { startsAt: "desc" },
    take: 50,
    select: {
      id: true,
      startsAt: true,
      status: true,
      outcome: true,
      offering: { select: { service: { select: { name: true } } } },
    },
  });
  const zone = a.structure.timeZone;
  const { startsAt, endsAt, outcomeAt, structure, person, sessionKey, ...rest } = a;
  return {
    appointment: {
      ...rest,
      session: sessionKey && sessionSegment(sessionKey),
      person: contactForStaff(person),
      structure: { id: structure.id, name: structure.name },
      start: toZonedIso(startsAt, zone),
      end: toZonedIso(endsAt, zone),
      outcomeAt: outcomeAt && toZonedIso(outcomeAt, zone),
      history: history.map((h) => ({
        id: h.id,
        start: toZonedIso(h.startsAt, zone),
        status: h.status,
        outcome: h.outcome,
        service: h.offering.service.name,
      })),
    },
  };
}
