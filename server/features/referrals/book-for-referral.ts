import type { Config } from "../../config.ts";
import { recordAudit } from "../../db/audit.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import type { AccessibilityAid } from "../../domain/accessibility.ts";
import { AppError } from "../../errors.ts";
import { bookSlot } from "../appointments/book-slot.ts";
import type { LivePerson } from "../appointments/live-person.ts";
import type { SlotRef } from "../slots/slot-key.ts";
import { endWaiting } from "../waitlist/pass-on.ts";
import { type ReferralRow, recordEvent, withdrawInvitation } from "./referrals.ts";

/**
 * Books the referral's meeting (by the referrer, the target, or the person through their
 * invitation): any offering of the referral's service at its target, « referral only » ones
 * included. The referral is then booked, its invitation withdrawn.
 */
export async function bookForReferral(
  tx: Tx,
  r: ReferralRow,
  person: LivePerson,
  options: {
    ref: SlotRef;
    now: Date;
    config: Config;
    audience: "public" | "staff";
    byId: string | null;
    /** The API token the staff user booked through (scope.actor), if any. */
    apiTokenId?: string | null | undefined;
    accessibilityAids?: readonly AccessibilityAid[] | undefined;
    accessibilityNeeds?: string | undefined;
  },
) {
  // The person first (the caller locked them, as an erasure does): then the referral, claimed
  // so that two bookings for one referral cannot both go through.
  const sql = sqlIn(tx);
  const claimed = await tx.referral.updateMany({
    where: { id: r.id, status: { in: ["sent", "accepted"] } },
    data: { status: "booked" },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", "Un rendez-vous est déjà pris pour cette orientation.");
  const result = await bookSlot(
    sql,
    {
      ref: options.ref,
      audience: options.audience,
      refusal: (o) =>
        o.structureId === r.toStructureId ? undefined : "Ce créneau n'est pas celui de la structure destinataire.",
      person,
      channel: "referral",
      ...(options.byId && { bookedById: options.byId }),
      accessibilityAids: options.accessibilityAids,
      accessibilityNeeds: options.accessibilityNeeds,
    },
    options.now,
    options.config,
  );
  await tx.referral.update({ where: { id: r.id }, data: { appointmentId: result.appointment.id } });
  await withdrawInvitation(tx, r.id);
  // Booked otherwise than through the list it was put on: its place there ends (a held slot passed on).
  await endWaiting(sql, { referralId: r.id }, "meeting", { now: options.now, config: options.config });
  // Staff bookings are audited (the referrer's or the target's); the person's own, with their
  // invitation, too, with no account as its author.
  await recordAudit(
    tx,
    {
      actorId: options.byId,
      apiTokenId: options.apiTokenId ?? null,
      action: options.byId ? "appointment.book" : "appointment.book_by_invitation",
      entity: "Appointment",
      entityId: result.appointment.id,
      details: { structureId: r.toStructureId, channel: "referral" },
    },
    options.now,
  );
  await recordEvent(tx, r.id, {
    kind: "booked",
    at: options.now,
    byId: options.byId,
    detail: options.byId ? "" : "par la personne, avec son invitation",
  });
  return result;
}
