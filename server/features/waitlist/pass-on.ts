import { type SqlSession, statement } from "../../db/database.ts";
import type { WaitlistEnd } from "../../db/generated/client.ts";
import { MAX_OFFERS } from "../../domain/waitlist.ts";
import { type FreedTime, offerFreedTime, type WaitlistContext } from "./offer-freed-time.ts";

// An open offer closed untaken: declined, or its hold over. The third one untaken ends the entry.
const CLOSE = statement(
  "waitlist-close-offer",
  `WITH closed AS (
     UPDATE "WaitlistOffer" SET status = $2::"WaitlistOfferStatus", "answeredAt" = $3
      WHERE id = $1::uuid AND status = 'open'
     RETURNING "entryId", "advisorId", "startsAt", "endsAt"),
   exhausted AS (
     UPDATE "WaitlistEntry" e SET "endedAt" = $3, "endReason" = 'offers'
       FROM closed
      WHERE e.id = closed."entryId" AND e."endedAt" IS NULL
        AND (SELECT count(*) FROM "WaitlistOffer" w WHERE w."entryId" = e.id) >= ${MAX_OFFERS}
     RETURNING e.id)
   SELECT "advisorId", "startsAt" AS "from", "endsAt" AS "to" FROM closed`,
);

/**
 * Closes an open offer the person did not take — declined, or not answered before its hold
 * ended (`status`: the outbox task `HOLD_ENDS`, due then) — and passes its slot on to the next person waiting, in one transaction.
 * Nothing happens for an offer already closed (answered, taken, or passed on by another worker).
 */
export async function passOn(
  sql: SqlSession,
  offerId: string,
  status: "declined" | "expired",
  context: WaitlistContext,
): Promise<boolean> {
  const [freed] = await sql.query<FreedTime>(CLOSE, [offerId, status, context.now]);
  if (!freed) return false;
  await offerFreedTime(sql, freed, context);
  return true;
}

// Entries that end, and the offers they held, withdrawn.
const END = statement(
  "waitlist-end",
  `WITH ended AS (
     UPDATE "WaitlistEntry" SET "endedAt" = $4, "endReason" = $5::"WaitlistEnd"
      WHERE "endedAt" IS NULL
        AND (id = $1::uuid OR "appointmentId" = $2::uuid OR "personId" = $3::uuid OR "referralId" = $6::uuid)
     RETURNING id)
   UPDATE "WaitlistOffer" w SET status = 'withdrawn', "answeredAt" = $4
     FROM ended WHERE w."entryId" = ended.id AND w.status = 'open'
   RETURNING w."advisorId", w."startsAt" AS "from", w."endsAt" AS "to"`,
);

/**
 * Ends the waiting of an entry, of a meeting's entry, of every entry of a person or of a referral, for
 * `reason`; the slots they held go to the next people. Returns how many holds were passed on.
 */
export async function endWaiting(
  sql: SqlSession,
  which: { entryId?: string; appointmentId?: string; personId?: string; referralId?: string },
  reason: WaitlistEnd,
  context: WaitlistContext,
): Promise<number> {
  const withdrawn = await sql.query<FreedTime>(END, [
    which.entryId ?? null,
    which.appointmentId ?? null,
    which.personId ?? null,
    context.now,
    reason,
    which.referralId ?? null,
  ]);
  for (const freed of withdrawn) await offerFreedTime(sql, freed, context);
  return withdrawn.length;
}
