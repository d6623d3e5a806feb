import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { scoped } from "./access.ts";

/** Withdraws a pending invitation to a structure the user runs: its link no longer works. */
export async function withdrawInvitation(deps: StaffDeps & { input: { id: string } }) {
  const { scope, input } = deps;
  const { id } = input;
  const invitation = scoped(
    await scope.prisma.membershipInvitation.findUnique({ where: { id }, select: { structureId: true, role: true } }),
    (s) => scope.manages(s),
    "Invitation",
  );
  const details = { role: invitation.role, structureId: invitation.structureId };
  await audited(deps, { action: "membership.withdraw", entity: "MembershipInvitation", details }, (tx) =>
    tx.membershipInvitation.delete({ where: { id }, select: { id: true } }),
  );
}
