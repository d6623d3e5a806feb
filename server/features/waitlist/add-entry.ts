import type { z } from "@hono/zod-openapi";
import { waitlistJoinedEmail } from "../../../emails/waitlist.ts";
import { smsWaitlistJoined } from "../../../sms/waitlist-sms.ts";
import type { Config } from "../../config.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import type { Channel } from "../../db/generated/client.ts";
import { smsNumber } from "../../domain/contact.ts";
import { joinProblem, LONGEST_WAIT_DAYS } from "../../domain/waitlist.ts";
import { AppError, validationError } from "../../errors.ts";
import { enqueue, type OutboxRow, smsRow } from "../../mail/outbox.ts";
import { newManageToken } from "../appointments/manage-token.ts";
import type { PersonFields } from "../bookings/schemas.ts";
import { storedWishes } from "./entry-view.ts";
import type { WishesInput } from "./schemas.ts";

/** An offering as a list is kept for it: its rules, its names for the message. */
export const listedOfferingSelect = {
  id: true,
  structureId: true,
  modes: true,
  horizonDays: true,
  seats: true,
  service: { select: { name: true } },
  structure: { select: { name: true, timeZone: true } },
} as const;

interface ListedOffering {
  id: string;
  structureId: string;
  modes: WishesInput["modes"] & {};
  horizonDays: number;
  seats: number;
  service: { name: string };
  structure: { name: string; timeZone: string };
}

/** Whom a joined message goes to. */
export interface Joiner {
  firstName: string;
  email: string | null;
  phone: string | null;
  smsReminders: boolean;
}

/**
 * « Vous êtes sur la liste d'attente », by e-mail and to a mobile, with the link to see or leave
 * it, in the caller's transaction.
 */
export async function tellJoined(
  tx: Tx,
  config: Pick<Config, "sessionSecret">,
  person: Joiner,
  joined: { service: string; structure: string; url: string; until: Date | null; zone: string },
  now: Date,
): Promise<void> {
  const { until, zone, ...words } = joined;
  const message = { firstName: person.firstName, ...words };
  const rows: OutboxRow[] = [];
  if (person.email)
    rows.push({
      type: "waitlist.joined",
      recipient: person.email,
      dueAt: now,
      payload: waitlistJoinedEmail({ ...message, until, zone }),
    });
  const mobile = smsNumber(person);
  if (mobile) rows.push(smsRow("waitlist.joined", mobile, now, smsWaitlistJoined(message), { zone }));
  await enqueue(sqlIn(tx), config.sessionSecret, rows);
}

/** Someone new, with what booking keeps of them; `noticeAccepted` when they read the notice themselves (online). */
export async function newJoiner(
  tx: Tx,
  fields: z.infer<typeof PersonFields>,
  now: Date,
  noticeAccepted: boolean,
): Promise<Joiner & { id: string }> {
  const commune = fields.commune && (await tx.commune.findUnique({ where: { code: fields.commune }, select: { code: true } }));
  return tx.person.create({
    data: {
      firstName: fields.firstName,
      lastName: fields.lastName,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      smsReminders: fields.smsReminders ?? true,
      communeCode: commune ? commune.code : null,
      noticeAcceptedAt: noticeAccepted ? now : null,
      createdAt: now,
      lastActivityAt: now,
    },
    select: { id: true, firstName: true, email: true, phone: true, smsReminders: true },
  });
}

/**
 * Someone goes on a list — online, or put there by staff (the desk, a referral received): after
 * whoever is already waiting, with what they can do. For a meeting of theirs, to bring it
 * forward (the manage link's rules); without one, the person gets their own link to see or
 * leave the list, as if they had joined online. Once per person and offering while waiting.
 */
export async function addEntry(
  tx: Tx,
  { config, now }: { config: Pick<Config, "sessionSecret" | "publicUrl">; now: Date },
  entry: {
    offering: ListedOffering;
    person: Joiner & { id: string };
    meeting?: { id: string; startsAt: Date } | undefined;
    wishes: WishesInput;
    channel: Channel;
    /** The staff user who added them; none when they joined online. */
    addedById?: string | undefined;
    /** The referral the person is listed for: an offer taken books its meeting. */
    referralId?: string | undefined;
  },
): Promise<{ id: string; url?: string }> {
  const { offering, person, meeting } = entry;
  if (offering.seats > 1)
    throw validationError({ offering: "Une séance collective n'a pas de liste d'attente : choisissez une autre offre." });
  if (meeting) {
    const problem = joinProblem({ start: meeting.startsAt, seats: offering.seats }, now);
    if (problem) throw new AppError("CONFLICT", problem.replace("Votre rendez-vous", "Ce rendez-vous"));
  }
  const wishes = storedWishes(entry.wishes, { modes: offering.modes, timeZone: offering.structure.timeZone }, now);
  const already = await tx.waitlistEntry.count({
    where: { offeringId: offering.id, endedAt: null, ...(meeting ? { appointmentId: meeting.id } : { personId: person.id }) },
  });
  if (already > 0) throw new AppError("CONFLICT", "Cette personne est déjà sur la liste d'attente de ce service.");
  const token = meeting ? undefined : newManageToken();
  const created = await tx.waitlistEntry.create({
    data: {
      ...wishes,
      until: wishes.until ?? (meeting ? null : new Date(now.getTime() + LONGEST_WAIT_DAYS * 86_400_000)),
      offeringId: offering.id,
      personId: person.id,
      appointmentId: meeting?.id ?? null,
      referralId: entry.referralId ?? null,
      otherwiseAt: meeting?.startsAt ?? new Date(now.getTime() + offering.horizonDays * 86_400_000),
      tokenHash: token?.hash ?? null,
      channel: entry.channel,
      addedById: entry.addedById ?? null,
      createdAt: now,
    },
    select: { id: true, until: true },
  });
  if (token) {
    const url = `${config.publicUrl}/attente/${token.token}`;
    const where = { service: offering.service.name, structure: offering.structure.name, zone: offering.structure.timeZone };
    await tellJoined(tx, config, person, { ...where, url, until: created.until }, now);
    return { id: created.id, url };
  }
  return { id: created.id };
}
