import type { Scope } from "../../auth/scope.ts";
import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";

/**
 * A person whose data the user may export or erase, and what of it is theirs to: for a
 * structure admin, what the structures they run hold of the person (a meeting there, a
 * referral from or to there, a place on one of their waiting lists); for the Région, everything (`structureIds` undefined). Anyone
 * else is answered as if they did not exist, so that guessing ids tells nothing — and nothing
 * says whether another structure knows the person too.
 */
export async function personInScope(
  db: Database,
  scope: Scope,
  id: string,
): Promise<{ id: string; structureIds: string[] | undefined }> {
  if (scope.region) {
    const person = await db.prisma.person.findUnique({ where: { id }, select: { id: true } });
    if (!person) throw notFound("Personne");
    return { id: person.id, structureIds: undefined };
  }
  const managed = scope.managedIds() ?? [];
  const person = await scope.prisma.person.findUnique({
    where: { id },
    select: {
      id: true,
      appointments: { where: { structureId: { in: managed } }, select: { structureId: true } },
      referrals: {
        where: { OR: [{ fromStructureId: { in: managed } }, { toStructureId: { in: managed } }] },
        select: { fromStructureId: true, toStructureId: true },
      },
      waitlist: {
        where: { offering: { structureId: { in: managed } } },
        select: { offering: { select: { structureId: true } } },
      },
    },
  });
  const structureIds = [
    ...new Set([
      ...(person?.appointments.map((a) => a.structureId) ?? []),
      ...(person?.referrals.flatMap((r) => [r.fromStructureId, r.toStructureId]) ?? []),
      ...(person?.waitlist.map((w) => w.offering.structureId) ?? []),
    ]),
  ].filter((structureId) => managed.includes(structureId));
  if (!person || structureIds.length === 0) throw notFound("Personne");
  return { id: person.id, structureIds };
}

/** What of a person's appointments, referrals and places on waiting lists a holding counts: theirs, or all (the Région). */
export const heldBy = (structureIds: readonly string[] | undefined) => ({
  waitlist: structureIds ? { offering: { structureId: { in: [...structureIds] } } } : {},
  appointments: structureIds ? { structureId: { in: [...structureIds] } } : {},
  referrals: structureIds
    ? { OR: [{ fromStructureId: { in: [...structureIds] } }, { toStructureId: { in: [...structureIds] } }] }
    : {},
});
