import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { scoped } from "./access.ts";
import { ALREADY, checkRole, notYourself } from "./memberships.ts";
import type { MembershipPatch } from "./schemas.ts";

/** Changes someone's role in a structure the user runs (not their own, but for the Région). */
export async function changeMemberRole(deps: StaffDeps & { input: { id: string } & z.infer<typeof MembershipPatch> }) {
  const { scope, input } = deps;
  const { id, role } = input;
  const membership = scoped(
    await scope.prisma.membership.findUnique({
      where: { id },
      select: { structureId: true, userId: true, structure: { select: { network: { select: { kind: true } } } } },
    }),
    (s) => scope.manages(s),
    "Rôle",
  );
  if (membership.userId === scope.user.id && !scope.region) throw notYourself();
  checkRole(role, membership.structure.network.kind);
  const details = { role, structureId: membership.structureId };
  await unique(
    () =>
      audited(deps, { action: "membership.update", entity: "Membership", details }, (tx) =>
        tx.membership.update({ where: { id }, data: { role }, select: { id: true } }),
      ),
    "role",
    ALREADY,
  );
}
