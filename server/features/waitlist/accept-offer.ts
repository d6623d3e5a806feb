import { type SqlSession, sqlIn, type Tx } from "../../db/database.ts";
import { retried } from "../../db/errors.ts";
import { daysGained } from "../../domain/waitlist.ts";
import { AppError, validationError } from "../../errors.ts";
import { bookSlot } from "../appointments/book-slot.ts";
import { loadAppointment } from "../appointments/details.ts";
import { linkHeld } from "../appointments/held-link.ts";
import { lockLivePerson } from "../appointments/live-person.ts";
import { moveAppointment } from "../appointments/move.ts";
import { publicAppointment } from "../appointments/public-view.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import { lockForChange } from "../appointments/state-change.ts";
import type { LinkDeps } from "../manage/manage-appointment.ts";
import { recordEvent, withdrawInvitation } from "../referrals/referrals.ts";
import { encodeSlotKey, type SlotRef } from "../slots/slot-key.ts";
import { offerFreedTime } from "./offer-freed-time.ts";
import { earlierSlots, heldRef, type OfferRow, offerByToken, otherwise } from "./offer-link.ts";
import { endWaiting } from "./pass-on.ts";

const LOCK = `SELECT status::text AS status, "holdUntil" FROM "WaitlistOffer" WHERE id = $1::uuid FOR UPDATE`;

/**
 * Takes an offer — its held slot, or one of the other earlier free ones (`slotKey`) — in one
 * transaction: the person's meeting moves there (or, with none, one is booked), with the usual
 * messages, and leaves the list; the time they leave goes to the next person waiting (the move
 * offers it), as does the held slot when they took another. An offer answered, passed on or
 * withdrawn is a 410, a slot lost to someone quicker a 409, each with the free slots left.
 */
export async function acceptOffer({ db, clock, config }: LinkDeps, token: string, slotKey: string | undefined) {
  const now = clock.now();
  const offer = await offerByToken(db, token);
  const held = heldRef(offer);
  const outcome = await securingSlot(db, slotKey ?? encodeSlotKey(held), now, (ref) =>
    retried(() => db.prisma.$transaction(async (tx) => take(sqlIn(tx), tx, offer, ref, { now, config }))),
  );
  if ("gone" in outcome) {
    throw new AppError("GONE", outcome.gone, { alternatives: await earlierSlots(db, offer, now) });
  }
  return outcome;
}

type Taken = { appointment: ReturnType<typeof publicAppointment>; manageUrl: string | null } | { gone: string };

async function take(
  sql: SqlSession,
  tx: Tx,
  offer: OfferRow,
  ref: SlotRef,
  { now, config }: Pick<LinkDeps, "config"> & { now: Date },
): Promise<Taken> {
  const [lock] = await sql.query<{ status: string; holdUntil: Date }>(LOCK, [offer.id]);
  if (lock?.status === "accepted") return { gone: "Vous avez déjà accepté cette proposition : votre rendez-vous est pris." };
  if (lock?.status === "declined") return { gone: "Vous avez refusé ce créneau : il est libéré pour d'autres personnes." };
  if (lock?.status === "withdrawn")
    return { gone: "Ce créneau ne vous est plus proposé : vous n'êtes plus sur la liste d'attente." };
  if (lock?.status !== "open" || lock.holdUntil <= now)
    return {
      gone: "Cette proposition a expiré : le délai pour répondre est passé, le créneau est libéré pour d'autres personnes.",
    };
  if (ref.offeringId !== offer.offeringId)
    throw validationError({ slotKey: "Choisissez un créneau du même service et de la même structure." });
  if (ref.start >= otherwise(offer)) throw validationError({ slotKey: "Choisissez un créneau plus tôt que votre rendez-vous." });
  // Taken first: the hold no longer counts against the person's own booking of it.
  await sql.query(`UPDATE "WaitlistOffer" SET status = 'accepted', "answeredAt" = $2 WHERE id = $1::uuid`, [offer.id, now]);
  const context = { now, config };
  // Off the list before the move: the time it frees cascades to the others.
  await endWaiting(sql, { entryId: offer.entry.id }, "accepted", context);
  let answer: { appointment: ReturnType<typeof publicAppointment>; manageUrl: string | null; id: string };
  const meetingId = offer.entry.appointmentId;
  if (meetingId) {
    const { manageTokenHash } = await lockForChange(tx, meetingId, "booked");
    const current = await loadAppointment(sql, meetingId);
    const link = await linkHeld(sql, config.sessionSecret, { id: meetingId, manageTokenHash });
    const manageUrl = link ? `${config.publicUrl}/rdv/${link}` : null;
    const moved = await moveAppointment(sql, current, { ref, audience: "public", refusal: () => undefined, manageUrl }, context);
    answer = { appointment: publicAppointment(moved), manageUrl, id: moved.id };
  } else {
    const person = await lockLivePerson(sql, offer.entry.personId);
    const booked = await bookSlot(
      sql,
      { ref, audience: "public", refusal: () => undefined, person, channel: "online" },
      now,
      config,
    );
    answer = { ...booked, id: booked.appointment.id };
    if (offer.entry.referralId) await referralBooked(tx, offer.entry.referralId, booked.appointment.id, now);
  }
  await sql.query(`UPDATE "WaitlistOffer" SET "appointmentId" = $2::uuid, "daysGained" = $3 WHERE id = $1::uuid`, [
    offer.id,
    answer.id,
    daysGained(otherwise(offer), ref.start),
  ]);
  // Another of the earlier slots taken: the one held is free again, for the next person.
  if (ref.start.getTime() !== offer.startsAt.getTime() || ref.advisorId !== offer.advisorId) {
    await offerFreedTime(sql, { advisorId: offer.advisorId, from: offer.startsAt, to: offer.endsAt }, context);
  }
  return { appointment: answer.appointment, manageUrl: answer.manageUrl };
}

/** The referral the person was listed for gets its meeting, as an invitation's booking gives it. */
async function referralBooked(tx: Tx, referralId: string, appointmentId: string, now: Date) {
  const claimed = await tx.referral.updateMany({
    where: { id: referralId, status: { in: ["sent", "accepted"] } },
    data: { status: "booked", appointmentId },
  });
  if (claimed.count === 0) return;
  await withdrawInvitation(tx, referralId);
  await recordEvent(tx, referralId, {
    kind: "booked",
    at: now,
    detail: "par la personne, sur une proposition de la liste d'attente",
  });
}
