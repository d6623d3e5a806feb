import type { Database, Tx } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { toZonedIso } from "../../domain/time.ts";

/** Who a person is, as the person page and the export give it. */
export const identitySelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  birthYear: true,
  situation: true,
  commune: { select: { code: true, name: true } },
  createdAt: true,
  lastActivityAt: true,
  anonymisedAt: true,
} as const satisfies Prisma.PersonSelect;

/** What the person page shows: who they are, and the meetings still to come (erasure waits for them). */
export async function personSummary(db: Database, id: string, now: Date) {
  const person = await db.prisma.person.findUniqueOrThrow({
    where: { id },
    select: { ...identitySelect, _count: { select: { appointments: true, referrals: true } } },
  });
  const { _count, createdAt, lastActivityAt, anonymisedAt, ...identity } = person;
  return {
    person: {
      ...identity,
      createdAt: createdAt.toISOString(),
      lastActivityAt: lastActivityAt.toISOString(),
      anonymisedAt: anonymisedAt?.toISOString() ?? null,
      appointments: _count.appointments,
      referrals: _count.referrals,
    },
    upcoming: (await upcomingAppointments(db.prisma, id, now)).map((a) => ({
      id: a.id,
      start: toZonedIso(a.startsAt, a.structure.timeZone),
      service: a.offering.service.name,
      structure: a.structure.name,
    })),
  };
}

/** Booked meetings not yet over: the person still expects them. */
export function upcomingAppointments(tx: Tx, personId: string, now: Date) {
  return tx.appointment.findMany({
    where: { personId, status: "booked", endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      offering: { select: { service: { select: { name: true } } } },
      structure: { select: { name: true, timeZone: true } },
    },
  });
}
