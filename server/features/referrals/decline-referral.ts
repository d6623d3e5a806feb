import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { closeReferral, reloadedView, tellReferrer } from "./answer.ts";
import { allowed, answering, visibleReferral } from "./guards.ts";
import { recordEvent } from "./referrals.ts";

/** The target declines a referral, with a reason: the referrer is told by e-mail. */
export async function declineReferral(deps: StaffDeps & { input: { id: string; reason: string } }) {
  const { db, clock, config, scope, input } = deps;
  const { r, handler } = await visibleReferral(scope, input.id);
  answering(handler);
  allowed(r, "decline");
  const { reason } = input;
  const now = clock.now();
  await audited(
    deps,
    { action: "referral.decline", entity: "Referral", details: { structureId: r.toStructureId } },
    async (tx) => {
      await closeReferral(tx, r, "declined", reason);
      await recordEvent(tx, r.id, { kind: "declined", at: now, byId: scope.user.id, detail: reason });
      await tellReferrer(tx, r, { kind: "declined", reason }, { now, config, actorId: scope.user.id });
      return { id: r.id };
    },
  );
  return reloadedView(db, r.id);
}
