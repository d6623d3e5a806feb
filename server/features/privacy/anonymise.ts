import type { Tx } from "../../db/database.ts";
import { heldBy } from "./person-scope.ts";

/** What an anonymised person is called, so that every page and message still reads as French. */
export const ANONYMOUS = { firstName: "Personne", lastName: "anonymisée" } as const;
/** The timeline's word for a referral closed by its person's erasure. */
export const ERASED_REFERRAL = "données de la personne effacées";

/**
 * Erases what identifies these persons, in the caller's transaction: the retention job and the
 * Région's erasure on request both come here. Every row stays, with its status, outcome,
 * channel, times, structure, service and advisor: the figures are counted from them, and read
 * the same after. What goes is what says who the person is or what they confided: contacts,
 * free text, the private link, the invitation, and the e-mails rendered for them. Returns the
 * ids of the messages deleted, whose written copies (.eml, SMS .json) the caller removes once committed.
 */
export async function anonymisePersons(
  tx: Tx,
  personIds: readonly string[],
  now: Date,
  options: {
    /**
     * Close the referrals still waiting (an erasure on request). The retention job leaves their
     * state as it was: past the period they are stale anyway, a booking for an anonymised person
     * is refused whatever its state, and the figures must read the same after the job as before.
     */
    closeOpenReferrals?: boolean;
  } = {},
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const ids = [...personIds];
  // The waiting list's messages name them and hold their links, and belong to no meeting: they
  // go by their addresses, before these are erased.
  const contacts = await tx.person.findMany({ where: { id: { in: ids } }, select: { email: true, phone: true } });
  const recipients = contacts.flatMap((c) => [c.email, c.phone]).filter((r): r is string => r !== null);
  const listMessages = (
    await tx.outboxMessage.findMany({
      where: { type: { startsWith: "waitlist." }, recipient: { in: recipients } },
      select: { id: true },
    })
  ).map((m) => m.id);
  await tx.outboxMessage.deleteMany({ where: { id: { in: listMessages } } });
  await tx.person.updateMany({
    where: { id: { in: ids } },
    data: {
      ...ANONYMOUS,
      email: null,
      phone: null,
      birthYear: null,
      situation: null,
      communeCode: null,
      anonymisedAt: now,
    },
  });
  const appointmentIds = (await tx.appointment.findMany({ where: { personId: { in: ids } }, select: { id: true } })).map(
    (a) => a.id,
  );
  const referralIds = (await tx.referral.findMany({ where: { personId: { in: ids } }, select: { id: true } })).map((r) => r.id);
  // Their places on waiting lists stay, ended, for the figures (days gained, offers answered):
  // what said who waited goes with the person's row; the link to the place dies here.
  await tx.waitlistEntry.updateMany({ where: { personId: { in: ids } }, data: { tokenHash: null } });
  return [...listMessages, ...(await scrub(tx, { appointmentIds, referralIds }, now, options))];
}

/**
 * A structure's erasure on request: what these structures hold of a person — their meetings,
 * and the referrals they sent or received — is taken from the person and given to a
 * new anonymised one, its free text, link and e-mails erased. A referral is held by both its
 * ends: the other one then reads it as erased too. The person stays for any other structure
 * that meets them, and nothing here says whether there is one. Returns the ids of the e-mails
 * deleted.
 */
export async function detachPerson(tx: Tx, personId: string, structureIds: readonly string[], now: Date): Promise<string[]> {
  // What they hold, as their export shows it: not the referrals they once redirected elsewhere.
  const held = heldBy(structureIds);
  const appointmentIds = (await tx.appointment.findMany({ where: { personId, ...held.appointments }, select: { id: true } })).map(
    (a) => a.id,
  );
  const referralIds = (await tx.referral.findMany({ where: { personId, ...held.referrals }, select: { id: true } })).map(
    (r) => r.id,
  );
  const entryIds = (await tx.waitlistEntry.findMany({ where: { personId, ...held.waitlist }, select: { id: true } })).map(
    (e) => e.id,
  );
  if (appointmentIds.length + referralIds.length + entryIds.length === 0) return [];
  const standIn = await tx.person.create({
    data: { ...ANONYMOUS, anonymisedAt: now, lastActivityAt: now, createdAt: now },
    select: { id: true },
  });
  await tx.appointment.updateMany({ where: { id: { in: appointmentIds } }, data: { personId: standIn.id } });
  await tx.referral.updateMany({ where: { id: { in: referralIds } }, data: { personId: standIn.id } });
  // Their places on these structures' lists (ended by the erasure: erase-person.ts) stay for the
  // figures, the stand-in's, their link dead.
  await tx.waitlistEntry.updateMany({ where: { id: { in: entryIds } }, data: { personId: standIn.id, tokenHash: null } });
  return scrub(tx, { appointmentIds, referralIds }, now, { closeOpenReferrals: true });
}

/** The free text, links and messages of these meetings and referrals, erased. */
async function scrub(
  tx: Tx,
  { appointmentIds, referralIds }: { appointmentIds: string[]; referralIds: string[] },
  now: Date,
  options: { closeOpenReferrals?: boolean },
): Promise<string[]> {
  // The private link dies with the hash: nobody can open, move or cancel the meeting by it again.
  await tx.appointment.updateMany({
    where: { id: { in: appointmentIds } },
    data: {
      accessibilityAids: [],
      accessibilityNeeds: "",
      notes: "",
      cancelReason: null,
      manageTokenHash: null,
      manageTokenRevokedAt: now,
    },
  });
  await tx.referral.updateMany({
    where: { id: { in: referralIds } },
    data: { need: "", statusReason: null, invitationTokenHash: null, invitationCodeHash: null },
  });
  await tx.referralEvent.updateMany({ where: { referralId: { in: referralIds } }, data: { detail: "" } });
  // A referral still waiting for its meeting would book « Personne anonymisée », whom nobody can
  // reach: it ends here, as an unused invitation does (its messages go with the rest below).
  const open = options.closeOpenReferrals
    ? await tx.referral.findMany({
        where: { id: { in: referralIds }, status: { in: ["sent", "accepted"] } },
        select: { id: true },
      })
    : [];
  if (open.length > 0) {
    await tx.referral.updateMany({ where: { id: { in: open.map((r) => r.id) } }, data: { status: "expired" } });
    await tx.referralEvent.createMany({
      data: open.map((r) => ({ referralId: r.id, kind: "expired" as const, at: now, detail: ERASED_REFERRAL })),
    });
  }

  // Rendered e-mails hold the name, the address and the private link, sent or still to send.
  const messages = { OR: [{ appointmentId: { in: appointmentIds } }, { referralId: { in: referralIds } }] };
  const messageIds = (await tx.outboxMessage.findMany({ where: messages, select: { id: true } })).map((m) => m.id);
  await tx.outboxMessage.deleteMany({ where: { id: { in: messageIds } } });
  // Webhook deliveries hold them too, sealed (name, contacts, the referral's need), whether still
  // to send — a disabled endpoint switched back on would send them — or sent and kept for
  // « Renvoyer »: they go, attempts with them. Their key names the meeting or referral (webhooks/emit.ts).
  const orderKeys = [...appointmentIds.map((id) => `appointment:${id}`), ...referralIds.map((id) => `referral:${id}`)];
  if (orderKeys.length > 0) await tx.webhookDelivery.deleteMany({ where: { orderKey: { in: orderKeys } } });
  // A booking's stored answer (replayed to a retry) holds the person and the private link:
  // sealed beside its appointment's id; before sealing, in clear (kept a day at most).
  if (appointmentIds.length > 0) {
    await tx.$executeRaw`
      DELETE FROM "IdempotencyKey"
       WHERE "response"->>'appointmentId' = ANY(${appointmentIds}::text[])
          OR "response"->'appointment'->>'id' = ANY(${appointmentIds}::text[])`;
  }
  return messageIds;
}
