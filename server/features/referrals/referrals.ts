import { randomBytes } from "node:crypto";
import { invitationEmail, type ReferralNoticeDetails, referralReceivedEmail } from "../../../emails/referral.ts";
import { smsInvitation } from "../../../sms/referral-sms.ts";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { Config } from "../../config.ts";
import { type Database, sqlIn, type Tx } from "../../db/database.ts";
import type { Prisma, ReferralEventKind } from "../../db/generated/client.ts";
import { seal, unseal } from "../../db/sealed.ts";
import { smsNumber } from "../../domain/contact.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { followedStatus, invitationEnd, reminderTime } from "../../domain/referrals.ts";
import { toZonedIso } from "../../domain/time.ts";
import { enqueue, type OutboxRow, smsRow } from "../../mail/outbox.ts";
import { emitReferralEvent } from "../../webhooks/emit.ts";

// The referrals' database side: what is read of a referral, its timeline, its invitation.

// Crockford's base32: no I, L, O, U — a printed code read aloud or typed is not misread.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A printed code as typed: case, spaces and dashes ignored, O read as 0 and I or L as 1. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** The invitation's link token (256 bits) and its printed code (60 bits, « ABCD-EFGH-JKMN »). */
function newInvitationSecrets() {
  const token = randomBytes(32).toString("base64url");
  const code = [...randomBytes(12)].map((byte) => CODE_ALPHABET[byte % 32]).join("");
  return { token, code: code.match(/.{4}/g)?.join("-") ?? code, tokenHash: hashSecret(token), codeHash: hashSecret(code) };
}

/** The referral an invitation link's token or printed code opens, whatever its state. */
export function findByInvitation(db: Database, key: string) {
  const where = /^[A-Za-z0-9_-]{43}$/.test(key)
    ? { invitationTokenHash: hashSecret(key) }
    : { invitationCodeHash: hashSecret(normaliseCode(key)) };
  return db.prisma.referral.findUnique({ where, select: { id: true } });
}

export const referralSelect = {
  id: true,
  status: true,
  statusReason: true,
  need: true,
  consentAt: true,
  createdAt: true,
  invitedAt: true,
  invitationExpiresAt: true,
  fromStructureId: true,
  toStructureId: true,
  originStructureIds: true,
  fromStructure: { select: { id: true, name: true } },
  toStructure: { select: { id: true, slug: true, name: true, timeZone: true, phone: true, email: true } },
  service: { select: { id: true, slug: true, name: true } },
  referrer: { select: { id: true, firstName: true, lastName: true, email: true } },
  person: {
    select: {
      id: true,
      firstName: true,
      lastName: true,
      email: true,
      phone: true,
      smsReminders: true,
      anonymisedAt: true,
      commune: { select: { code: true, name: true } },
    },
  },
  redirectedFrom: { select: { id: true, fromStructure: { select: { name: true } } } },
  redirectedTo: { select: { id: true, toStructure: { select: { name: true } } } },
  readdressedFrom: { select: { id: true, toStructure: { select: { name: true } } } },
  readdressedTo: { select: { id: true, toStructure: { select: { name: true } } } },
  // Never the meeting's notes: they are the target structure's alone.
  appointment: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      outcome: true,
      mode: true,
      site: { select: { name: true, address: true } },
    },
  },
} satisfies Prisma.ReferralSelect;

export type ReferralRow = Prisma.ReferralGetPayload<{ select: typeof referralSelect }>;

export async function loadReferral(db: Database | { prisma: Tx }, id: string): Promise<ReferralRow | null> {
  return db.prisma.referral.findUnique({ where: { id }, select: referralSelect });
}

/** A referral as the API gives it: its followed status, times in the target's zone. */
export function referralView(r: ReferralRow) {
  const zone = r.toStructure.timeZone;
  const { smsReminders: _, ...person } = r.person;
  return {
    id: r.id,
    status: followedStatus(r.status, r.appointment),
    statusReason: r.statusReason,
    need: r.need,
    createdAt: toZonedIso(r.createdAt, zone),
    consentAt: toZonedIso(r.consentAt, zone),
    from: r.fromStructure,
    to: {
      id: r.toStructure.id,
      slug: r.toStructure.slug,
      name: r.toStructure.name,
      phone: r.toStructure.phone,
      email: r.toStructure.email,
    },
    service: r.service,
    referrer: { firstName: r.referrer.firstName, lastName: r.referrer.lastName },
    person: {
      ...person,
      phone: person.phone && phoneForPeople(person.phone),
      textable: smsNumber(r.person) !== null,
      anonymisedAt: person.anonymisedAt?.toISOString() ?? null,
    },
    redirectedFrom: r.redirectedFrom && { id: r.redirectedFrom.id, structure: r.redirectedFrom.fromStructure.name },
    redirectedTo: r.redirectedTo && { id: r.redirectedTo.id, structure: r.redirectedTo.toStructure.name },
    readdressedFrom: r.readdressedFrom && { id: r.readdressedFrom.id, structure: r.readdressedFrom.toStructure.name },
    readdressedTo: r.readdressedTo && { id: r.readdressedTo.id, structure: r.readdressedTo.toStructure.name },
    invitation: r.invitationExpiresAt && {
      sentAt: r.invitedAt && toZonedIso(r.invitedAt, zone),
      expiresAt: toZonedIso(r.invitationExpiresAt, zone),
    },
    appointment: r.appointment && {
      id: r.appointment.id,
      start: toZonedIso(r.appointment.startsAt, zone),
      end: toZonedIso(r.appointment.endsAt, zone),
      status: r.appointment.status,
      outcome: r.appointment.outcome,
      mode: r.appointment.mode,
      site: r.appointment.site,
    },
  };
}

/** What an e-mail to the referrer names: the person, where they were referred, for what, and the referral's page. */
export function referrerNotice(
  r: {
    id: string;
    referrer: { firstName: string };
    person: { firstName: string; lastName: string };
    toStructure: { name: string };
    service: { name: string };
  },
  publicUrl: string,
): ReferralNoticeDetails {
  return {
    referrerFirstName: r.referrer.firstName,
    person: `${r.person.firstName} ${r.person.lastName}`,
    to: r.toStructure.name,
    service: r.service.name,
    url: `${publicUrl}/espace/orientations/${r.id}`,
  };
}

/** The timeline, oldest first, with who did each step (null: the person or the platform). */
export async function timelineOf(db: Database, referralId: string, zone: string) {
  const events = await db.prisma.referralEvent.findMany({
    where: { referralId },
    orderBy: { at: "asc" },
    select: { at: true, kind: true, detail: true, by: { select: { firstName: true, lastName: true } } },
  });
  return events.map((e) => ({ at: toZonedIso(e.at, zone), kind: e.kind, detail: e.detail, by: e.by }));
}

export function recordEvent(
  tx: Tx,
  referralId: string,
  event: { kind: ReferralEventKind; at: Date; byId?: string | null; detail?: string },
) {
  return tx.referralEvent.create({
    data: { referralId, kind: event.kind, at: event.at, byId: event.byId ?? null, detail: event.detail ?? "" },
  });
}

/**
 * A new invitation for a referral: new secrets (the previous link and code stop working), its
 * e-mail and its SMS to the person if asked, each with its reminder rendered now, due a few days
 * later, since the link is never stored. The previous invitation's pending messages are withdrawn.
 * `sentTo` is the address e-mailed, `textedTo` the number texted (E.164), null when not sent.
 */
export async function invite(
  tx: Tx,
  r: ReferralRow,
  options: { days: number; email: boolean; sms: boolean; now: Date; byId: string; config: Config },
) {
  const secrets = newInvitationSecrets();
  const expiresAt = invitationEnd(options.now, options.days);
  const url = `${options.config.publicUrl}/invitation#${secrets.token}`;
  await withdrawInvitation(tx, r.id);
  await tx.referral.update({
    where: { id: r.id },
    data: {
      status: r.status === "expired" ? "sent" : r.status,
      invitationTokenHash: secrets.tokenHash,
      invitationCodeHash: secrets.codeHash,
      invitedAt: options.now,
      invitationExpiresAt: expiresAt,
      invitationRemindedAt: null,
    },
  });
  const sentTo = options.email ? r.person.email : null;
  const textedTo = options.sms ? smsNumber(r.person) : null;
  const details = {
    firstName: r.person.firstName,
    from: r.fromStructure.name,
    to: r.toStructure.name,
    service: r.service.name,
    url,
    expiresAt,
  };
  const reminderAt = reminderTime(options.now, expiresAt);
  const messages: OutboxRow[] = [];
  if (sentTo) {
    messages.push({ type: "referral.invitation", recipient: sentTo, dueAt: options.now, payload: invitationEmail(details) });
    if (reminderAt) {
      messages.push({ type: "referral.reminder", recipient: sentTo, dueAt: reminderAt, payload: invitationEmail(details, true) });
    }
  }
  if (textedTo) {
    // The code too: typed on another device, it beats the link. Quiet hours are the person's,
    // whom the target structure serves: its zone.
    const texted = { ...details, code: secrets.code };
    const zone = { zone: r.toStructure.timeZone };
    messages.push(smsRow("referral.invitation", textedTo, options.now, smsInvitation(texted), zone));
    if (reminderAt) messages.push(smsRow("referral.reminder", textedTo, reminderAt, smsInvitation(texted, true), zone));
  }
  await enqueue(
    sqlIn(tx),
    options.config.sessionSecret,
    messages.map((m) => ({ ...m, referralId: r.id })),
  );
  await recordEvent(tx, r.id, { kind: "invited", at: options.now, byId: options.byId, detail: invitedWords(sentTo, textedTo) });
  return { url, code: secrets.code, expiresAt, sentTo, textedTo };
}

/** How the invitation went, for the timeline: « par courriel à … et par SMS au 06 … », or the code given. */
function invitedWords(sentTo: string | null, textedTo: string | null): string {
  const ways = [...(sentTo ? [`par courriel à ${sentTo}`] : []), ...(textedTo ? [`par SMS au ${phoneForPeople(textedTo)}`] : [])];
  return ways.length ? ways.join(" et ") : "code remis à la personne";
}

/**
 * A new referral is told to its target's systems, and to its shared address (accueil@…) when the structure asks for
 * it, in the referral's transaction: who sends it and a link, nothing of the person.
 */
export async function alertTarget(
  tx: Tx,
  referral: { id: string; fromStructureId: string; toStructureId: string },
  { now, config }: { now: Date; config: Config },
) {
  // The target's own systems hear of every new referral (webhooks), asked or not for the e-mail.
  await emitReferralEvent(sqlIn(tx), { now, secret: config.sessionSecret }, referral.id, "created");
  const [to, from] = await Promise.all([
    tx.structure.findUniqueOrThrow({ where: { id: referral.toStructureId }, select: { inboxAlert: true, inboxEmail: true } }),
    tx.structure.findUniqueOrThrow({ where: { id: referral.fromStructureId }, select: { name: true } }),
  ]);
  if (!to.inboxAlert || !to.inboxEmail) return;
  const payload = referralReceivedEmail({ from: from.name, url: `${config.publicUrl}/espace/orientations/${referral.id}` });
  await enqueue(sqlIn(tx), config.sessionSecret, [
    { type: "referral.received", recipient: to.inboxEmail, dueAt: now, payload, referralId: referral.id },
  ]);
}

// A printed code as the person's SMS write it (« ABCD-EFGH-JKMN »).
const PRINTED_CODE = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/g;

/**
 * A new printed code for the invitation in progress, its link and its end unchanged: a slip lost,
 * or one to print again. Codes are stored hashed only, so the previous one stops working; the
 * pending SMS that carry it (the invitation held by quiet hours, its reminder) carry the new one.
 */
export async function replaceInvitationCode(tx: Tx, r: { id: string; invitationCodeHash: string | null }, secret: string) {
  const { code, codeHash } = newInvitationSecrets();
  await tx.referral.update({ where: { id: r.id }, data: { invitationCodeHash: codeHash } });
  const pending = await tx.outboxMessage.findMany({
    where: { referralId: r.id, channel: "sms", status: "pending", type: { in: ["referral.invitation", "referral.reminder"] } },
    select: { id: true, payload: true },
  });
  for (const message of pending) {
    const text = JSON.stringify(unseal(secret, message.payload));
    const previous = text.match(PRINTED_CODE)?.find((found) => hashSecret(found.replaceAll("-", "")) === r.invitationCodeHash);
    if (!previous) continue;
    await sqlIn(tx).query(`UPDATE "OutboxMessage" SET payload = $2::jsonb WHERE id = $1::uuid`, [
      message.id,
      JSON.stringify(seal(secret, JSON.parse(text.replaceAll(previous, code)))),
    ]);
  }
  return code;
}

/**
 * Withdraws what an invitation still has to send, its e-mails and its SMS alike: the person
 * booked, the referral ended, or a new invitation replaces it.
 */
export function withdrawInvitation(tx: Tx, referralId: string) {
  return tx.outboxMessage.updateMany({
    where: { referralId, status: "pending", type: { in: ["referral.invitation", "referral.reminder"] } },
    data: { status: "cancelled" },
  });
}
