import type { z } from "zod";
import { issueMembershipInvitation } from "../../auth/membership-invitations.ts";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { managedStructure } from "./access.ts";
import { ALREADY, checkRole } from "./memberships.ts";
import type { MemberInvite } from "./schemas.ts";

/**
 * Invites someone to a role in a structure the user runs: nobody joins without accepting
 * (members.ts). An existing account gets the role at once from the Région, or from anyone when
 * it already works in the structure.
 */
export async function inviteMember(
  deps: StaffDeps & { input: { structureId: string } & z.infer<typeof MemberInvite> },
): Promise<{ id: string; state: "invited" | "member" }> {
  const { db, clock, config, scope, input } = deps;
  const { structureId, ...invitee } = input;
  const structure = await managedStructure(db, scope, structureId);
  checkRole(invitee.role, structure.network.kind);
  const now = clock.now();
  const details = { role: invitee.role, structureId: structure.id };
  // Only an account the user may already see (one working in the structure, or any for the
  // Région) gets the role at once; anyone else is invited, whether they have an account or not.
  const account = await db.prisma.staffUser.findFirst({
    where: {
      email: invitee.email,
      active: true,
      ...(!scope.region && { memberships: { some: { structureId: structure.id } } }),
    },
    select: { id: true },
  });
  if (account) {
    const membership = await unique(
      () =>
        audited(deps, { action: "membership.create", entity: "Membership", details }, (tx) =>
          tx.membership.create({
            data: { userId: account.id, structureId: structure.id, role: invitee.role },
            select: { id: true },
          }),
        ),
      "role",
      ALREADY,
    );
    return { id: membership.id, state: "member" };
  }
  const invitation = await audited(deps, { action: "membership.invite", entity: "MembershipInvitation", details }, (tx) =>
    issueMembershipInvitation(tx, structure, invitee, {
      now,
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      invitedBy: { id: scope.userId, name: `${scope.user.firstName} ${scope.user.lastName} (${structure.name})` },
    }),
  );
  return { id: invitation.id, state: "invited" };
}
