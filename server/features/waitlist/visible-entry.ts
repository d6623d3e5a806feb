import type { Scope } from "../../auth/scope.ts";
import { notFound } from "../../errors.ts";

/** An entry of one of the user's structures' lists, or 404: another structure's list is not theirs to see. */
export async function visibleEntry(scope: Scope, id: string) {
  const entry = await scope.prisma.waitlistEntry.findUnique({
    where: { id },
    select: { id: true, endedAt: true, offering: { select: { structureId: true } } },
  });
  if (!entry || !scope.seesPeopleOf(entry.offering.structureId)) throw notFound("Inscription");
  return entry;
}
