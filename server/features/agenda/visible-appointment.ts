import type { Scope } from "../../auth/scope.ts";
import { notFound } from "../../errors.ts";

/** An appointment the user sees in full (scope.ts): their own, or one of a structure whose people they see. */
export async function visibleAppointment(scope: Scope, id: string) {
  const row = await scope.prisma.appointment.findUnique({
    where: { id },
    select: { id: true, structureId: true, advisorId: true, status: true, outcome: true, startsAt: true, personId: true },
  });
  if (!row) throw notFound("Rendez-vous");
  return row;
}
