import { sqlIn, type Tx } from "../../db/database.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { loadAppointment, toDetails } from "./details.ts";

/**
 * Cancels a booked appointment, by the person or by the structure: the private link is
 * revoked, pending reminders withdrawn, and both sides told (the person with the .ics CANCEL,
 * when they have an address). In the caller's transaction.
 */
export async function cancelAppointment(
  tx: Tx,
  id: string,
  cancel: { by: "person" | "structure"; reason: string | null },
  { now, secret }: { now: Date; secret: string },
) {
  await tx.appointment.update({
    where: { id },
    data: {
      status: "cancelled",
      cancelledAt: now,
      cancelReason: cancel.reason,
      icsSequence: { increment: 1 },
      manageTokenRevokedAt: now,
    },
  });
  await reopenReferral(tx, id, cancel, now);
  const sql = sqlIn(tx);
  const cancelled = await loadAppointment(sql, id);
  await enqueueAppointmentMessages(
    sql,
    toDetails(cancelled, null),
    { kind: "cancelled", ...cancel },
    { now, reminderPlan: [], secret },
  );
  return cancelled;
}

/**
 * A referral whose meeting is cancelled waits for another one: back to « accepted », its
 * invitation still usable if it has not ended (an ended one is not left to expire again).
 * Whoever cancels, whether or not they see the referral: plain SQL, outside any scope.
 */
async function reopenReferral(
  tx: Tx,
  appointmentId: string,
  cancel: { by: "person" | "structure"; reason: string | null },
  now: Date,
) {
  const [referral] = await sqlIn(tx).query<{ id: string }>(REOPEN, [appointmentId, now]);
  if (!referral) return;
  await tx.referralEvent.create({
    data: {
      referralId: referral.id,
      kind: "cancelled",
      at: now,
      detail: `rendez-vous annulé par ${cancel.by === "person" ? "la personne" : "la structure"}${cancel.reason ? ` : ${cancel.reason}` : ""}`,
    },
  });
}

const REOPEN = `
  UPDATE "Referral"
     SET status = 'accepted', "appointmentId" = NULL, "updatedAt" = $2,
         "invitationExpiresAt" = CASE WHEN "invitationExpiresAt" <= $2 THEN NULL ELSE "invitationExpiresAt" END
   WHERE "appointmentId" = $1::uuid
  RETURNING id`;
