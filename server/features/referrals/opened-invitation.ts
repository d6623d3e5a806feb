import type { Database } from "../../db/database.ts";
import { invitationOpen } from "../../domain/referrals.ts";
import { AppError, notFound } from "../../errors.ts";
import { findByInvitation, loadReferral, type ReferralRow } from "./referrals.ts";

// The person's side of a referral: the invitation link (its token) or the printed code opens
// the referral to them. No account: the key is the person's proof, like an appointment's
// private link.

/** The referral an invitation's link or code opens, whatever its state; 404 for an unknown key. */
export async function opened(db: Database, key: string): Promise<ReferralRow> {
  const found = await findByInvitation(db, key);
  const r = found && (await loadReferral(db, found.id));
  if (!r) throw notFound("Invitation");
  return r;
}

/** A 409 once the invitation no longer opens slots: booked, ended, or past its date. */
export function stillOpen(r: ReferralRow, now: Date) {
  if (!invitationOpen(r, now)) {
    throw new AppError(
      "CONFLICT",
      r.status === "booked"
        ? "Un rendez-vous est déjà pris avec cette invitation."
        : `Cette invitation n'est plus valable : contactez ${r.fromStructure.name} ou ${r.toStructure.name}.`,
    );
  }
}
