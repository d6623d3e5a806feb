import type { Database, Tx } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { toZonedIso } from "../../domain/time.ts";
import { heldBy } from "./person-scope.ts";

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

/**
 * What the person page shows of what these structures hold (all of it for the Région): who the
 * person is, how many meetings and referrals, and the meetings still to come (erasure waits for them).
 */
export async function personSummary(db: Database, id: string, structureIds: readonly string[] | undefined, now: Date) {
  const held = heldBy(structureIds);
  const [person, lastActivityAt] = await Promise.all([
    db.prisma.person.findUniqueOrThrow({
      where: { id },
      select: {
        ...identitySelect,
        _count: { select: { appointments: { where: held.appointments }, referrals: { where: held.referrals } } },
      },
    }),
    lastActivity(db.prisma, id, structureIds),
  ]);
  const { _count, createdAt: _, lastActivityAt: __, anonymisedAt, ...identity } = person;
  return {
    person: {
      ...identity,
      phone: identity.phone && phoneForPeople(identity.phone),
      lastActivityAt: lastActivityAt?.toISOString() ?? null,
      anonymisedAt: anonymisedAt?.toISOString() ?? null,
      appointments: _count.appointments,
      referrals: _count.referrals,
    },
    upcoming: (await upcomingAppointments(db.prisma, id, structureIds, now)).map((a) => ({
      id: a.id,
      start: toZonedIso(a.startsAt, a.structure.timeZone),
      service: a.offering.service.name,
      structure: a.structure.name,
    })),
    // A person who booked twice is two rows: the Région, erasing everywhere, is shown the others
    // with the same address or phone. A structure is not: that would tell it who else knows them.
    namesakes: structureIds ? [] : await namesakesOf(db, person),
  };
}

/** Other people (not erased) with the same e-mail address or phone number. */
async function namesakesOf(db: Database, person: { id: string; email: string | null; phone: string | null }) {
  const same = [
    ...(person.email ? [{ email: { equals: person.email, mode: "insensitive" as const } }] : []),
    ...(person.phone ? [{ phone: person.phone }] : []),
  ];
  if (same.length === 0) return [];
  const found = await db.prisma.person.findMany({
    where: { id: { not: person.id }, anonymisedAt: null, OR: same },
    orderBy: { lastActivityAt: "desc" },
    take: 20,
    select: { id: true, firstName: true, lastName: true, lastActivityAt: true },
  });
  return found.map(({ lastActivityAt, ...p }) => ({ ...p, lastActivityAt: lastActivityAt.toISOString() }));
}

/** Booked meetings not yet over, in these structures (all for undefined): the person still expects them. */
export function upcomingAppointments(tx: Tx, personId: string, structureIds: readonly string[] | undefined, now: Date) {
  return tx.appointment.findMany({
    where: { personId, status: "booked", endsAt: { gt: now }, ...heldBy(structureIds).appointments },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      offering: { select: { service: { select: { name: true } } } },
      structure: { select: { name: true, timeZone: true } },
    },
  });
}

/**
 * The person's last step with these structures — their last meeting there (past or planned), or
 * a referral — as the desk's search says it: what they did elsewhere is not theirs to know. For
 * the Région, the last step anywhere.
 */
export async function lastActivity(tx: Tx, personId: string, structureIds: readonly string[] | undefined) {
  if (!structureIds) {
    return (await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { lastActivityAt: true } })).lastActivityAt;
  }
  const held = heldBy(structureIds);
  const [appointment, referral] = await Promise.all([
    tx.appointment.aggregate({ where: { personId, ...held.appointments }, _max: { startsAt: true } }),
    tx.referral.aggregate({ where: { personId, ...held.referrals }, _max: { createdAt: true } }),
  ]);
  const dates = [appointment._max.startsAt, referral._max.createdAt].filter((d): d is Date => d !== null);
  return dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null;
}
