import { meetingCancelledEmail } from "../../../emails/referral.ts";
import type { Config } from "../../config.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import { type Caused, enqueue, enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { referrerNotice } from "../referrals/referrals.ts";
import { offerFreedTime } from "../waitlist/offer-freed-time.ts";
import { endWaiting } from "../waitlist/pass-on.ts";
import { loadAppointment, toDetails } from "./details.ts";
import { lockForChange } from "./state-change.ts";

type CancelContext = { now: Date; config: Pick<Config, "sessionSecret" | "publicUrl"> } & Caused;

/**
 * Cancels a booked appointment whose outcome is not recorded (a 409 otherwise: the states'
 * table), by the person or by the structure: the private link is
 * revoked, pending reminders withdrawn, and both sides told (the person with the .ics CANCEL,
 * when they have an address); its time is offered to whoever waits for it (features/waitlist/).
 * In the caller's transaction.
 */
export async function cancelAppointment(
  tx: Tx,
  id: string,
  cancel: { by: "person" | "structure"; reason: string | null },
  context: CancelContext,
) {
  const { now, config } = context;
  await lockForChange(tx, id, "cancelled");
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
  const sql = sqlIn(tx);
  const cancelled = await loadAppointment(sql, id);
  // The meeting leaves the waiting list, and its time goes to whoever waits for it.
  await endWaiting(sql, { appointmentId: id }, "meeting", { now, config });
  await offerFreedTime(sql, { advisorId: cancelled.advisor.id, from: cancelled.startsAt, to: cancelled.endsAt }, { now, config });
  await reopenReferral(tx, id, cancel, { ...context, start: cancelled.startsAt, zone: cancelled.structure.timeZone });
  await enqueueAppointmentMessages(
    sql,
    toDetails(cancelled, null),
    { kind: "cancelled", ...cancel },
    { now, reminderPlan: [], secret: config.sessionSecret, actorId: context.actorId },
  );
  return cancelled;
}

/**
 * A referral whose meeting is cancelled waits for another one: back to « accepted », its
 * invitation still usable if it has not ended (an ended one is not left to expire again).
 * Whoever cancels, whether or not they see the referral: plain SQL, outside any scope. When the
 * structure cancels (a closure, an absence, an advisor), the partner who referred the person is
 * told, so that the person is not left without a meeting unnoticed.
 */
async function reopenReferral(
  tx: Tx,
  appointmentId: string,
  cancel: { by: "person" | "structure"; reason: string | null },
  { now, config, start, zone, actorId }: CancelContext & { start: Date; zone: string },
) {
  const [referral] = await sqlIn(tx).query<ReopenedReferral>(REOPEN, [appointmentId, now]);
  if (!referral) return;
  if (cancel.by === "structure") {
    const email = meetingCancelledEmail(referrerNotice(referral, config.publicUrl), { start, zone, reason: cancel.reason });
    await enqueue(sqlIn(tx), config.sessionSecret, [
      {
        type: "referral.meeting-cancelled",
        recipient: referral.referrer.email,
        dueAt: now,
        payload: email,
        referralId: referral.id,
        notice: "referral_followed",
        actorId,
      },
    ]);
  }
  await tx.referralEvent.create({
    data: {
      referralId: referral.id,
      kind: "cancelled",
      at: now,
      detail: `rendez-vous annulé par ${cancel.by === "person" ? "la personne" : "la structure"}${cancel.reason ? ` : ${cancel.reason}` : ""}`,
    },
  });
}

interface ReopenedReferral {
  id: string;
  referrer: { firstName: string; email: string };
  person: { firstName: string; lastName: string };
  toStructure: { name: string };
  service: { name: string };
}

const REOPEN = `
  WITH r AS (
    UPDATE "Referral"
       SET status = 'accepted', "appointmentId" = NULL, "updatedAt" = $2,
           "invitationExpiresAt" = CASE WHEN "invitationExpiresAt" <= $2 THEN NULL ELSE "invitationExpiresAt" END
     WHERE "appointmentId" = $1::uuid
    RETURNING id, "referrerId", "personId", "toStructureId", "serviceId")
  SELECT r.id, json_build_object('firstName', u."firstName", 'email', u.email) AS referrer,
         json_build_object('firstName', p."firstName", 'lastName', p."lastName") AS person,
         json_build_object('name', st.name) AS "toStructure", json_build_object('name', sv.name) AS service
    FROM r
    JOIN "StaffUser" u ON u.id = r."referrerId"
    JOIN "Person" p ON p.id = r."personId"
    JOIN "Structure" st ON st.id = r."toStructureId"
    JOIN "Service" sv ON sv.id = r."serviceId"`;
