import type { Database } from "../../db/database.ts";
import { DEFAULT_ZONE, toZonedIso } from "../../domain/time.ts";

const name = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;
const at = (instant: Date | null, zone = DEFAULT_ZONE) => (instant ? toZonedIso(instant, zone) : null);

/**
 * Everything the platform holds about a person (RGPD art. 15): who they are, each meeting and
 * each referral with its timeline, private notes included. The Person row is shared only by the
 * structures that booked for them or passed them on with their agreement.
 */
export async function exportPerson(db: Database, id: string, now: Date) {
  const person = await db.prisma.person.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      birthYear: true,
      situation: true,
      commune: { select: { code: true, name: true } },
      noticeAcceptedAt: true,
      createdAt: true,
      lastActivityAt: true,
      anonymisedAt: true,
      appointments: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          structure: { select: { name: true, timeZone: true } },
          offering: { select: { service: { select: { name: true } } } },
          site: { select: { name: true, address: true, postcode: true } },
          mode: true,
          advisor: { select: { firstName: true, lastName: true } },
          startsAt: true,
          endsAt: true,
          status: true,
          outcome: true,
          outcomeAt: true,
          channel: true,
          notes: true,
          accessibilityNeeds: true,
          cancelledAt: true,
          cancelReason: true,
          createdAt: true,
        },
      },
      referrals: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          fromStructure: { select: { name: true } },
          referrer: { select: { firstName: true, lastName: true } },
          toStructure: { select: { name: true } },
          service: { select: { name: true } },
          need: true,
          consentAt: true,
          status: true,
          statusReason: true,
          appointmentId: true,
          invitedAt: true,
          invitationExpiresAt: true,
          createdAt: true,
          events: { orderBy: { at: "asc" }, select: { at: true, kind: true, detail: true } },
        },
      },
    },
  });
  const { appointments, referrals, ...identity } = person;
  return {
    exportedAt: at(now),
    person: {
      ...identity,
      noticeAcceptedAt: at(identity.noticeAcceptedAt),
      createdAt: at(identity.createdAt),
      lastActivityAt: at(identity.lastActivityAt),
      anonymisedAt: at(identity.anonymisedAt),
    },
    appointments: appointments.map((a) => {
      const zone = a.structure.timeZone;
      return {
        id: a.id,
        structure: a.structure.name,
        service: a.offering.service.name,
        site: a.site,
        mode: a.mode,
        advisor: name(a.advisor),
        start: at(a.startsAt, zone),
        end: at(a.endsAt, zone),
        status: a.status,
        outcome: a.outcome,
        outcomeAt: at(a.outcomeAt, zone),
        channel: a.channel,
        notes: a.notes,
        accessibilityNeeds: a.accessibilityNeeds,
        cancelledAt: at(a.cancelledAt, zone),
        cancelReason: a.cancelReason,
        bookedAt: at(a.createdAt, zone),
      };
    }),
    referrals: referrals.map((r) => ({
      id: r.id,
      from: r.fromStructure.name,
      referrer: name(r.referrer),
      to: r.toStructure.name,
      service: r.service.name,
      need: r.need,
      consentAt: at(r.consentAt),
      status: r.status,
      statusReason: r.statusReason,
      appointmentId: r.appointmentId,
      invitedAt: at(r.invitedAt),
      invitationExpiresAt: at(r.invitationExpiresAt),
      createdAt: at(r.createdAt),
      timeline: r.events.map((e) => ({ at: at(e.at), kind: e.kind, detail: e.detail })),
    })),
  };
}
