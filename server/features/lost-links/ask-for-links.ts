import { createHmac } from "node:crypto";
import { countRequest } from "../../auth/throttle.ts";
import type { Deps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { enqueue } from "../../mail/outbox.ts";
import { LINKS_ASKED } from "./send-links.ts";

/** Where the links go: the contact the meetings were booked with, normalised (schemas.ts). */
export type LostContact = { channel: "email"; to: string } | { channel: "sms"; to: string };

const HOUR_MS = 3_600_000;
/**
 * Requests let through: from one client address, a few an hour (someone who mistyped tries
 * again; a script trying addresses gets a 429); to one contact, three a day, whoever asks (so
 * that nobody can flood a person's inbox or phone, nor keep renewing their links).
 */
export const LOST_LINKS_LIMITS = {
  perAddress: { requests: 5, windowMs: HOUR_MS },
  perContact: { requests: 3, windowMs: 24 * HOUR_MS },
} as const;

export const ANSWER =
  "Si un rendez-vous à venir correspond, vous allez recevoir son lien par courriel ou par SMS dans quelques minutes. Les anciens liens ne fonctionnent plus.";

/**
 * The contact's counter key: an HMAC under a key from SESSION_SECRET, so that the throttle table
 * holds no one's address or number (and a copy of it cannot be checked against a list of them
 * without the secret).
 */
const contactKey = (secret: string, to: string) => {
  const key = createHmac("sha256", secret).update("rdv-orientation lost-links contact").digest();
  return `lost-links-to:${createHmac("sha256", key).update(to).digest("base64url")}`;
};

/**
 * « Retrouver mon rendez-vous »: queues the request for the outbox worker, which looks the contact
 * up and sends the links (`sendLinks`). Here nothing is looked up: the same statements run, in the
 * same time, whether anyone booked with the contact or not, and the answer is the same.
 *
 * Two counters first. The client address's answers 429 past its limit: it says nothing of the
 * contact. The contact's does not: a 429 there would tell whoever asks that someone asked for it
 * already today; past it the answer stays the same and nothing is queued (one statement fewer,
 * which tells at most that the contact was asked for three times today, never whether anyone
 * booked with it). The person it holds back till the next day is told, on the page, to call the
 * structure.
 */
export async function askForLinks({
  db,
  clock,
  config,
  input: { contact, address },
}: Pick<Deps, "db" | "clock" | "config"> & { input: { contact: LostContact; address: string } }): Promise<{ message: string }> {
  const now = clock.now();
  const { perAddress, perContact } = LOST_LINKS_LIMITS;
  if ((await countRequest(db, `lost-links:${address}`, now, perAddress.windowMs)) > perAddress.requests) {
    throw new AppError("RATE_LIMITED", "Trop de demandes depuis cette connexion. Réessayez dans une heure.");
  }
  const asked = await countRequest(db, contactKey(config.sessionSecret, contact.to), now, perContact.windowMs);
  if (asked <= perContact.requests) {
    await enqueue(db.sql, config.sessionSecret, [
      { type: LINKS_ASKED, channel: contact.channel, recipient: contact.to, dueAt: now },
    ]);
  }
  return { message: ANSWER };
}
