import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { emitReferralEvent } from "../../webhooks/emit.ts";
import { reloadedView } from "./answer.ts";
import { allowed, answering, visibleReferral } from "./guards.ts";
import { recordEvent } from "./referrals.ts";

/** The target accepts a referral it received: the referrer, and its structure's systems, see it accepted. */
export async function acceptReferral(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, config, scope, input } = deps;
  const { r, handler } = await visibleReferral(scope, input.id);
  answering(handler);
  allowed(r, "accept");
  const now = clock.now();
  await audited(
    deps,
    { action: "referral.accept", entity: "Referral", details: { structureId: r.toStructureId } },
    async (tx) => {
      await tx.referral.update({ where: { id: r.id }, data: { status: "accepted" } });
      await recordEvent(tx, r.id, { kind: "accepted", at: now, byId: scope.user.id });
      await emitReferralEvent(sqlIn(tx), { now, secret: config.sessionSecret }, r.id, "answered");
      return { id: r.id };
    },
  );
  return reloadedView(db, r.id);
}
