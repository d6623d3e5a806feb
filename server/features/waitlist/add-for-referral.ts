import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { validationError } from "../../errors.ts";
import { allowed, answering, visibleReferral } from "../referrals/guards.ts";
import { liveJoiner } from "./add-at-desk.ts";
import { addEntry, listedOfferingSelect } from "./add-entry.ts";
import type { ReferralWaitlistInput } from "./staff-schemas.ts";
import { staffEntrySelect, staffEntryView } from "./staff-view.ts";

/**
 * The structure a person was referred to has no slot for them: it puts them on its list for
 * the service asked (or another of its offerings), channel « referral ». Its part, as
 * answering is: the sender follows the referral, not the receiver's lists. The referral stays
 * open till the person takes an offer: its meeting is then the referral's, as with an invitation.
 */
export async function addForReferral(deps: StaffDeps & { input: ReferralWaitlistInput & { id: string } }) {
  const { scope, clock, config, input } = deps;
  const { r, handler } = await visibleReferral(scope, input.id);
  answering(handler);
  allowed(r, "book");
  const offering = await scope.prisma.offering.findFirst({
    where: input.offering
      ? { id: input.offering, structureId: r.toStructureId }
      : { structureId: r.toStructureId, serviceId: r.service.id },
    select: { ...listedOfferingSelect, active: true },
  });
  if (!offering?.active)
    throw validationError({ offering: input.offering ? "Offre introuvable." : "La structure n'offre plus ce service." });
  const now = clock.now();
  const entry = await audited(
    deps,
    { action: "waitlist.add", entity: "WaitlistEntry", details: { structureId: offering.structureId, channel: "referral" } },
    async (tx) => {
      const person = await liveJoiner(tx, r.person.id);
      const { id } = await addEntry(
        tx,
        { config, now },
        { offering, person, wishes: input, channel: "referral", addedById: scope.userId, referralId: r.id },
      );
      return staffEntryView(await tx.waitlistEntry.findUniqueOrThrow({ where: { id }, select: staffEntrySelect }));
    },
  );
  return { entry };
}
