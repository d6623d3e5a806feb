import { referralAnsweredEmail } from "../../../emails/referral.ts";
import type { Config } from "../../config.ts";
import { type Database, sqlIn, type Tx } from "../../db/database.ts";
import { enqueue } from "../../mail/outbox.ts";
import { emitReferralEvent } from "../../webhooks/emit.ts";
import { loadReferral, type ReferralRow, referralView, referrerNotice, withdrawInvitation } from "./referrals.ts";

// What the target's answers share: a decline or a redirect closes the referral with a reason and
// tells its referrer; each answer gives the referral back as it now stands.

/** The referral ends here, with the target's reason: its invitation can no longer be used. */
export async function closeReferral(tx: Tx, r: ReferralRow, status: "declined" | "redirected", reason: string) {
  await tx.referral.update({ where: { id: r.id }, data: { status, statusReason: reason } });
  await withdrawInvitation(tx, r.id);
}

/** The referrer's e-mail about the answer, and its structures' systems told, in the answer's transaction. */
export async function tellReferrer(
  tx: Tx,
  r: ReferralRow,
  answer: Parameters<typeof referralAnsweredEmail>[1],
  { now, config, actorId }: { now: Date; config: Config; actorId: string },
) {
  await emitReferralEvent(sqlIn(tx), { now, secret: config.sessionSecret }, r.id, "answered");
  const email = referralAnsweredEmail(referrerNotice(r, config.publicUrl), answer);
  await enqueue(sqlIn(tx), config.sessionSecret, [
    {
      type: `referral.${answer.kind}`,
      recipient: r.referrer.email,
      dueAt: now,
      payload: email,
      referralId: r.id,
      notice: "referral_answered",
      actorId,
    },
  ]);
}

/** The referral as it stands after an answer. */
export async function reloadedView(db: Database, id: string) {
  return { referral: referralView((await loadReferral(db, id)) as ReferralRow) };
}
