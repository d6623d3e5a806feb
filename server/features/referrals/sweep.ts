import { invitationExpiredEmail } from "../../../emails/referral.ts";
import type { Config } from "../../config.ts";
import { type Database, sqlIn } from "../../db/database.ts";
import { repeat } from "../../jobs/repeat.ts";
import { type Logger, traceOf } from "../../logger.ts";
import { enqueue } from "../../mail/outbox.ts";
import { recordEvent, referrerNotice } from "./referrals.ts";

/**
 * What time does to referrals: an invitation past its date expires (the referrer is told), and a
 * reminder the outbox has sent (by e-mail, by SMS) goes into the timeline. Safe to run from
 * every instance at once: each change is claimed by a conditional update, so it happens once.
 */
export async function sweepReferrals(db: Database, now: Date, config: Pick<Config, "publicUrl" | "sessionSecret">) {
  let expired = 0;
  const due = await db.prisma.referral.findMany({
    where: { status: { in: ["sent", "accepted"] }, invitationExpiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  });
  for (const { id } of due) {
    await db.prisma.$transaction(async (tx) => {
      const claimed = await tx.referral.updateMany({
        where: { id, status: { in: ["sent", "accepted"] }, invitationExpiresAt: { lte: now } },
        data: { status: "expired" },
      });
      if (claimed.count === 0) return;
      expired += 1;
      const r = await tx.referral.findUniqueOrThrow({
        where: { id },
        select: {
          referrer: { select: { firstName: true, email: true } },
          person: { select: { firstName: true, lastName: true } },
          toStructure: { select: { name: true } },
          service: { select: { name: true } },
        },
      });
      await tx.outboxMessage.updateMany({ where: { referralId: id, status: "pending" }, data: { status: "cancelled" } });
      await recordEvent(tx, id, { kind: "expired", at: now, detail: "l'invitation n'a pas servi" });
      const email = invitationExpiredEmail(referrerNotice({ id, ...r }, config.publicUrl));
      await enqueue(sqlIn(tx), config.sessionSecret, [
        {
          type: "referral.expired",
          recipient: r.referrer.email,
          dueAt: now,
          payload: email,
          referralId: id,
          notice: "referral_followed",
        },
      ]);
    });
  }

  let reminded = 0;
  const sent = await db.prisma.outboxMessage.findMany({
    where: { type: "referral.reminder", status: "sent", referral: { invitationRemindedAt: null } },
    select: { referralId: true, sentAt: true, channel: true },
    orderBy: { sentAt: "asc" },
    take: 500,
  });
  // A reminder by e-mail and by SMS is one step of the timeline: when the first went, and how both did.
  const byReferral = new Map<string, { at: Date; channels: Set<string> }>();
  for (const message of sent) {
    if (!message.referralId) continue;
    const seen = byReferral.get(message.referralId) ?? { at: message.sentAt ?? now, channels: new Set<string>() };
    seen.channels.add(message.channel);
    byReferral.set(message.referralId, seen);
  }
  for (const [referralId, { at, channels }] of byReferral) {
    const ways = [...(channels.has("email") ? ["par courriel"] : []), ...(channels.has("sms") ? ["par SMS"] : [])];
    await db.prisma.$transaction(async (tx) => {
      const claimed = await tx.referral.updateMany({
        where: { id: referralId, invitationRemindedAt: null },
        data: { invitationRemindedAt: at },
      });
      if (claimed.count === 0) return;
      reminded += 1;
      await recordEvent(tx, referralId, { kind: "reminded", at, detail: `rappel envoyé ${ways.join(" et ")}` });
    });
  }
  return { expired, reminded };
}

/** Sweeps every `everyMs` until stopped; a failed sweep is logged and tried again next time. */
export function startReferralSweeper(
  options: { db: Database; clock: { now(): Date }; config: Pick<Config, "publicUrl" | "sessionSecret">; log: Logger },
  everyMs = 60_000,
) {
  return repeat(
    everyMs,
    () => sweepReferrals(options.db, options.clock.now(), options.config),
    (error) => options.log.warn("referral sweep failed", traceOf(error)),
  );
}
