import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { scoped } from "./access.ts";
import { notYourself } from "./memberships.ts";

/** Takes a role away in a structure the user runs (not their own, but for the Région); the account keeps its others. */
export async function removeMembership(deps: StaffDeps & { input: { id: string } }) {
  const { scope, input } = deps;
  const { id } = input;
  const membership = scoped(
    await scope.prisma.membership.findUnique({
      where: { id },
      select: { structureId: true, userId: true, role: true },
    }),
    (s) => scope.manages(s),
    "Rôle",
  );
  if (membership.userId === scope.user.id && !scope.region) throw notYourself();
  const details = { role: membership.role, structureId: membership.structureId };
  await audited(deps, { action: "membership.delete", entity: "Membership", details }, (tx) =>
    tx.membership.delete({ where: { id }, select: { id: true } }),
  );
}
