import type { Deps } from "../../context.ts";
import { sqlIn } from "../../db/database.ts";
import type { AccessibilityAid } from "../../domain/accessibility.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import { once } from "../bookings/idempotency.ts";
import { bookForReferral } from "./book-for-referral.ts";
import { opened, stillOpen } from "./opened-invitation.ts";

export interface InvitationBookingInput {
  key: string;
  idempotencyKey: string;
  slotKey: string;
  email?: string | undefined;
  phone?: string | undefined;
  /** « Recevoir les rappels par SMS », for the number given or the one the referral has. */
  smsReminders?: boolean | undefined;
  accessibilityAids?: readonly AccessibilityAid[] | undefined;
  accessibilityNeeds?: string | undefined;
  noticeAccepted: true;
}

/**
 * The person books with their invitation, once per Idempotency-Key: the contacts they give are
 * kept, with their reading of the notice, and the meeting is the referral's.
 */
export async function bookWithInvitation({
  db,
  clock,
  config,
  input,
}: Pick<Deps, "db" | "clock" | "config"> & { input: InvitationBookingInput }) {
  // The rest is the body as sent: what a retry's is compared with.
  const { key: invitationKey, idempotencyKey, ...body } = input;
  const r = await opened(db, invitationKey);
  const now = clock.now();
  // Checked inside: a retry of a booking that went through gets it back.
  const key = `invitation:${r.id}:${idempotencyKey}`;
  return securingSlot(db, body.slotKey, now, (ref) =>
    once(db, { key, body, secret: config.sessionSecret }, async (tx) => {
      stillOpen(r, now);
      // Before the person's row is written: an erased person gets nothing back.
      const person = await lockLivePerson(sqlIn(tx), r.person.id);
      await tx.person.update({
        where: { id: r.person.id },
        data: {
          ...(body.email && { email: body.email }),
          ...(body.phone && { phone: body.phone }),
          ...(body.smsReminders !== undefined && { smsReminders: body.smsReminders }),
          noticeAcceptedAt: now,
        },
      });
      return bookForReferral(tx, r, person, {
        ref,
        now,
        config,
        audience: "public",
        byId: null,
        accessibilityAids: body.accessibilityAids,
        accessibilityNeeds: body.accessibilityNeeds,
      });
    }),
  );
}
