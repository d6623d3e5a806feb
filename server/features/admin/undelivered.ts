import type { Scope } from "../../auth/scope.ts";
import type { Prisma } from "../../db/generated/client.ts";

// The messages that did not reach their person: failed for good, or still retried after several
// attempts. A structure admin sees those about their structures' meetings and referrals; the
// Région sees them all, the staff's own (password links, invitations) included.

/** Past this many attempts, a pending message is shown as « en difficulté ». */
export const STRUGGLING_ATTEMPTS = 3;

/** The undelivered messages the user may see and send again; `undefined` in `where` for the Région. */
export function undeliveredRows(scope: Scope): Prisma.OutboxMessageWhereInput {
  const trouble: Prisma.OutboxMessageWhereInput = {
    OR: [{ status: "failed" }, { status: "pending", attempts: { gte: STRUGGLING_ATTEMPTS } }],
  };
  const managed = scope.managedIds();
  if (!managed) return trouble;
  return {
    AND: [
      trouble,
      {
        OR: [
          { appointment: { structureId: { in: managed } } },
          { referral: { OR: [{ toStructureId: { in: managed } }, { fromStructureId: { in: managed } }] } },
        ],
      },
    ],
  };
}
