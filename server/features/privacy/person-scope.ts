import { canManageStructure, type Roles } from "../../auth/policy.ts";
import type { Database } from "../../db/database.ts";
import { notFound } from "../../errors.ts";

/**
 * A person the user may export or erase: one with an appointment at, or a referral from or to,
 * a structure they manage (any, for the Région). Anyone else is answered as if they did not
 * exist, so that guessing ids tells nothing. Returns the structures that bring them in scope.
 */
export async function personInScope(db: Database, roles: Roles, id: string) {
  const person = await db.prisma.person.findUnique({
    where: { id },
    select: {
      id: true,
      appointments: { select: { structureId: true } },
      referrals: { select: { fromStructureId: true, toStructureId: true } },
    },
  });
  const structureIds = [
    ...new Set([
      ...(person?.appointments.map((a) => a.structureId) ?? []),
      ...(person?.referrals.flatMap((r) => [r.fromStructureId, r.toStructureId]) ?? []),
    ]),
  ];
  const managed = structureIds.filter((structureId) => canManageStructure(roles, structureId));
  if (!person || (managed.length === 0 && !roles.regionalAdmin)) throw notFound("Personne");
  return { id: person.id, structureId: managed[0] };
}
