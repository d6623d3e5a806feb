import type { StaffDeps } from "../../context.ts";
import { type ReferralAction, referralProblem } from "../../domain/referrals.ts";
import { toZonedIso } from "../../domain/time.ts";
import { visibleReferral } from "./guards.ts";
import { referralView, timelineOf } from "./referrals.ts";

/** A referral the user sees, its timeline, and what they may do with it now. */
export async function showReferral({ db, scope, input }: StaffDeps & { input: { id: string } }) {
  const { r, follower, handler } = await visibleReferral(scope, input.id);
  const can = (action: ReferralAction) => !referralProblem(r, action);
  // Its person on the receiving structure's list for it: said, and not put there twice.
  const waiting = await db.prisma.waitlistEntry.findFirst({
    where: { referralId: r.id, endedAt: null },
    select: { createdAt: true },
  });
  return {
    referral: {
      ...referralView(r),
      waitingSince: waiting && toZonedIso(waiting.createdAt, r.toStructure.timeZone),
      timeline: await timelineOf(db, r.id, r.toStructure.timeZone),
      can: {
        accept: handler && can("accept"),
        decline: handler && can("decline"),
        redirect: handler && can("redirect"),
        book: can("book"),
        invite: (follower || handler) && can("invite"),
        readdress: scope.refersFrom(r.fromStructureId) && can("readdress") && !r.readdressedTo,
        waitlist: handler && can("book") && !waiting,
      },
    },
  };
}
