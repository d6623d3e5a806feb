import type { StaffDeps } from "../../context.ts";
import { type ReferralAction, referralProblem } from "../../domain/referrals.ts";
import { visibleReferral } from "./guards.ts";
import { referralView, timelineOf } from "./referrals.ts";

/** A referral the user sees, its timeline, and what they may do with it now. */
export async function showReferral({ db, scope, input }: StaffDeps & { input: { id: string } }) {
  const { r, follower, handler } = await visibleReferral(scope, input.id);
  const can = (action: ReferralAction) => !referralProblem(r, action);
  return {
    referral: {
      ...referralView(r),
      timeline: await timelineOf(db, r.id, r.toStructure.timeZone),
      can: {
        accept: handler && can("accept"),
        decline: handler && can("decline"),
        redirect: handler && can("redirect"),
        book: can("book"),
        invite: (follower || handler) && can("invite"),
        readdress: scope.refersFrom(r.fromStructureId) && can("readdress") && !r.readdressedTo,
        waitlist: handler && can("book"),
      },
    },
  };
}
