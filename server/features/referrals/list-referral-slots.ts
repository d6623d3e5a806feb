import type { StaffDeps } from "../../context.ts";
import type { LocalDate } from "../../domain/time.ts";
import { toOfferingRow } from "../slots/load-availability.ts";
import { targetOffering, visibleReferral } from "./guards.ts";
import { targetSlots } from "./target-slots.ts";

/** The first free slots of the target structure for the referral's service, from a day on. */
export async function listReferralSlots({
  db,
  clock,
  scope,
  input,
}: StaffDeps & { input: { id: string; from?: LocalDate | undefined } }) {
  const { r, handler } = await visibleReferral(scope, input.id);
  const offering = toOfferingRow(await targetOffering(db, r));
  // The target's own staff book as staff; a referrer from elsewhere keeps the public notice.
  return {
    slots: await targetSlots(db, offering, { from: input.from, now: clock.now(), audience: handler ? "staff" : "public" }),
  };
}
