import type { StaffDeps } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { changeAvailability } from "./affected.ts";

/** Removes an absence, keeping whatever was booked meanwhile. */
export async function removeAbsence(deps: StaffDeps & { input: { id: string } }) {
  const { db, scope, input } = deps;
  const { id } = input;
  const absence = await db.prisma.absence.findUnique({
    where: { id },
    select: {
      advisorId: true,
      structureId: true,
      startsAt: true,
      endsAt: true,
      advisor: { select: { memberships: { where: { role: "advisor" }, select: { structureId: true } } } },
    },
  });
  // Whoever may edit the advisor's availability in the structure that declared it (in one of
  // their structures, for an absence declared before structures were told apart).
  const structureId = absence?.advisor.memberships
    .map((m) => m.structureId)
    .find((s) => (absence.structureId ?? s) === s && scope.editsAvailability(absence.advisorId, s));
  if (!absence || !structureId) throw notFound("Absence");
  return changeAvailability(
    deps,
    {
      advisorIds: [absence.advisorId],
      structureId,
      onBooked: "keep",
      dates: { from: absence.startsAt.toISOString(), to: absence.endsAt.toISOString() },
    },
    { action: "absence.delete", entity: "Absence" },
    (tx) => tx.absence.delete({ where: { id }, select: { id: true } }),
  );
}
