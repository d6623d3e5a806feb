import type { StaffDeps } from "../../context.ts";
import { sqlIn } from "../../db/database.ts";
import { validationError } from "../../errors.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import { once } from "../bookings/idempotency.ts";
import { bookForReferral } from "./book-for-referral.ts";
import { allowed, targetOffering, visibleReferral } from "./guards.ts";

/**
 * Books the meeting for the person, by the referrer or the target (staff's slots for the
 * target's own staff), once per Idempotency-Key.
 */
export async function bookReferral({
  db,
  clock,
  config,
  scope,
  input,
}: StaffDeps & { input: { id: string; idempotencyKey: string; slotKey: string } }) {
  // The rest is the body as sent: what a retry's is compared with.
  const { id, idempotencyKey, ...body } = input;
  const { r, handler } = await visibleReferral(scope, id);
  const offering = await targetOffering(db, r);
  const now = clock.now();
  const key = `referral:${scope.user.id}:${idempotencyKey}`;
  return securingSlot(db, body.slotKey, now, (ref) => {
    if (ref.offeringId !== offering.id)
      throw validationError({ slotKey: "Ce créneau n'est pas celui du service de l'orientation." });
    // The state is checked inside: a retry of a booking that went through gets it back.
    return once(db, { key, body, secret: config.sessionSecret }, async (tx) => {
      allowed(r, "book");
      const person = await lockLivePerson(sqlIn(tx), r.person.id);
      return bookForReferral(tx, r, person, {
        ref,
        now,
        config,
        audience: handler ? "staff" : "public",
        byId: scope.user.id,
        apiTokenId: scope.actor.apiTokenId,
      });
    });
  });
}
