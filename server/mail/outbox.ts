import { advisorNotice } from "../../emails/advisor-notice.ts";
import type { AppointmentDetails, RenderedEmail } from "../../emails/appointment.ts";
import { appointmentBooked } from "../../emails/appointment-booked.ts";
import { appointmentCancelled } from "../../emails/appointment-cancelled.ts";
import { appointmentMoved } from "../../emails/appointment-moved.ts";
import { appointmentReminder } from "../../emails/appointment-reminder.ts";
import { appointmentIcs } from "../../emails/ics.ts";
import { smsBooked, smsCancelled, smsMoved, smsReminder } from "../../sms/appointment-sms.ts";
import { type SqlSession, statement } from "../db/database.ts";
import type { NoticeKind } from "../db/generated/client.ts";
import { seal } from "../db/sealed.ts";
import { reminderDueTimes } from "../domain/booking.ts";
import { smsDueAt } from "../domain/quiet-hours.ts";
import type { SmsEnvelope } from "../sms/transport.ts";
import { emitAppointmentEvent } from "../webhooks/emit.ts";

/**
 * What an outbox row carries: the message as rendered when it was caused. Rendering then is
 * what lets a reminder hold the private link, which is never stored in clear: the payload is
 * sealed (db/sealed.ts), and opened by the worker that sends it.
 */
export interface EmailPayload extends RenderedEmail {
  ics?: { method: "REQUEST" | "CANCEL"; content: string };
}

/**
 * An SMS, with what the worker needs to keep it out of the night (domain/quiet-hours.ts) when
 * it is sent later than due: a retry, or a worker that was down.
 */
export interface SmsPayload {
  sms: Pick<SmsEnvelope, "text" | "segments" | "encoding">;
  zone: string;
  /** The meeting it speaks of, if any (ISO). */
  meetingStart?: string;
}

export type OutboxPayload = EmailPayload | SmsPayload;

/** A message to send, about an appointment or a referral (what an erasure looks for); a task has no payload. */
export interface OutboxRow {
  type: string;
  /** E-mail unless said: the recipient is then an E.164 number. */
  channel?: "email" | "sms";
  recipient: string;
  dueAt: Date;
  payload?: OutboxPayload;
  appointmentId?: string | undefined;
  referralId?: string | undefined;
  /**
   * A notice to a staff user about what happened to their meetings or referrals (the recipient
   * is their account's address): sent as they chose for its kind — at once, in the daily digest,
   * or not at all — and never for what they did themselves (`actorId`).
   */
  notice?: NoticeKind | undefined;
  /** The staff user who caused the message, if any. */
  actorId?: string | null | undefined;
}

// The rows as one JSON parameter: one statement whatever their number, on every driver. A staff
// notice finds its recipient's account by address and their choice for its kind in the same
// statement (no round trip more on a booking): held for the digest, dropped for « none » and
// for the recipient's own action.
const ENQUEUE = statement(
  "outbox-enqueue",
  `INSERT INTO "OutboxMessage" (id, type, channel, recipient, payload, "dueAt", "appointmentId", "referralId", status)
   SELECT gen_random_uuid(), r.type, COALESCE(r.channel, 'email')::"OutboxChannel", r.recipient, r.payload, r."dueAt",
          r."appointmentId", r."referralId",
          CASE WHEN c.delivery = 'digest' THEN 'digest' ELSE 'pending' END::"OutboxStatus"
     FROM jsonb_to_recordset($1::jsonb)
       AS r(type text, channel text, recipient text, payload jsonb, "dueAt" timestamptz, "appointmentId" uuid,
            "referralId" uuid, notice text, "actorId" uuid)
     LEFT JOIN "StaffUser" u ON r.notice IS NOT NULL AND u.email = r.recipient
     LEFT JOIN "NoticeChoice" c ON c."userId" = u.id AND c.kind::text = r.notice
    WHERE (r.notice IS NULL OR u.id IS DISTINCT FROM r."actorId")
      AND (c.delivery IS NULL OR c.delivery <> 'none')`,
);

/** Writes messages, sealed, in the caller's transaction: every message of the platform comes here. */
export async function enqueue(sql: SqlSession, secret: string, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const sealed = rows.map((row) => ({ ...row, payload: seal(secret, row.payload ?? {}) }));
  await sql.query(ENQUEUE, [JSON.stringify(sealed)]);
}

export type AppointmentEvent =
  | { kind: "booked" }
  // The confirmation sent again, or sent at last once the person gives an address: their
  // messages only, the reminders renewed; the advisor knows of the meeting already.
  | { kind: "confirmed" }
  | { kind: "moved"; previous: { start: Date; end: Date; advisor: AppointmentDetails["advisor"] } }
  | { kind: "cancelled"; by: "person" | "structure"; reason: string | null };

/** Who caused an appointment's messages: a staff user (never told of their own act), or nobody (the person, the platform). */
export interface Caused {
  actorId?: string | null | undefined;
}

/** An SMS about a meeting, due when quiet hours allow. */
export function smsRow(
  type: string,
  to: string,
  due: Date,
  sms: SmsPayload["sms"],
  meeting: { zone: string; start?: Date },
): OutboxRow {
  return {
    type,
    channel: "sms",
    recipient: to,
    dueAt: smsDueAt(due, meeting.zone, meeting.start),
    payload: { sms, zone: meeting.zone, ...(meeting.start && { meetingStart: meeting.start.toISOString() }) },
  };
}

// Reminders of both channels.
const WITHDRAW_REMINDERS = statement(
  "outbox-withdraw-reminders",
  `UPDATE "OutboxMessage" SET status = 'cancelled'
    WHERE "appointmentId" = $1::uuid AND type = 'appointment.reminder' AND status = 'pending'`,
);
/**
 * Writes, in the caller's transaction, every message an appointment event causes: to the
 * person (with the .ics) and their reminders, by e-mail and by SMS, and to the advisor. Every
 * event but the booking first withdraws the reminders still pending.
 */
export async function enqueueAppointmentMessages(
  sql: SqlSession,
  details: AppointmentDetails,
  event: AppointmentEvent,
  context: { now: Date; reminderPlan: readonly number[]; secret: string } & Caused,
): Promise<void> {
  if (event.kind !== "booked") {
    // Reminders rendered earlier hold the address they were due to and the link of then.
    await sql.query(WITHDRAW_REMINDERS, [details.id]);
  }
  const rows: OutboxRow[] = [];
  const email = details.person.email;
  if (email) {
    const ics = appointmentIcs(details, context.now);
    const message =
      event.kind === "booked" || event.kind === "confirmed"
        ? appointmentBooked(details)
        : event.kind === "moved"
          ? appointmentMoved(details, event.previous)
          : appointmentCancelled(details, event);
    const type = `appointment.${event.kind === "confirmed" ? "booked" : event.kind}`;
    rows.push({ type, recipient: email, dueAt: context.now, payload: { ...message, ics } });
    if (event.kind !== "cancelled") rows.push(...emailReminders(details, email, context));
  }
  if (details.smsTo) {
    const meeting = { zone: details.zone, start: details.start };
    const type = `appointment.${event.kind}`;
    // A confirmation sent again is the e-mail's: the SMS went with the booking.
    if (event.kind !== "confirmed") {
      const sms =
        event.kind === "booked"
          ? smsBooked(details)
          : event.kind === "moved"
            ? smsMoved(details, event.previous)
            : smsCancelled(details, event);
      rows.push(smsRow(type, details.smsTo, context.now, sms, meeting));
    }
    if (event.kind !== "cancelled") rows.push(...smsReminders(details, details.smsTo, context));
  }
  rows.push(...advisorNotices(details, event, context.now).map((row) => ({ ...row, actorId: context.actorId })));
  await enqueue(
    sql,
    context.secret,
    rows.map((row) => ({ ...row, appointmentId: details.id })),
  );
  // The structure's own systems hear of it in the same transaction (webhooks); a confirmation
  // sent again is no new event.
  if (event.kind !== "confirmed") {
    const previous = event.kind === "moved" ? { startsAt: event.previous.start, endsAt: event.previous.end } : undefined;
    await emitAppointmentEvent(sql, context, details.id, event.kind, previous && { previous });
  }
}

interface ReminderPlan {
  now: Date;
  reminderPlan: readonly number[];
}

/** The person's e-mail reminders still to come on the offering's plan. */
function emailReminders(details: AppointmentDetails, email: string, { now, reminderPlan }: ReminderPlan): OutboxRow[] {
  const payload = appointmentReminder(details);
  return reminderDueTimes(details.start, reminderPlan, now).map((dueAt) => ({
    type: "appointment.reminder",
    recipient: email,
    dueAt,
    payload,
  }));
}

/** The person's SMS reminders still to come, each due when quiet hours allow. */
function smsReminders(details: AppointmentDetails, to: string, { now, reminderPlan }: ReminderPlan): OutboxRow[] {
  const reminder = smsReminder(details);
  const meeting = { zone: details.zone, start: details.start };
  return reminderDueTimes(details.start, reminderPlan, now).map((dueAt) =>
    smsRow("appointment.reminder", to, dueAt, reminder, meeting),
  );
}

/**
 * A meeting's reminders rendered again, in the caller's transaction: its private link was
 * replaced (« Retrouver mon rendez-vous »), or the person changed their e-mail, phone or SMS
 * choice. The pending ones, by e-mail and SMS, hold the old link or contact: they are withdrawn
 * and written anew. Nothing else is sent: the meeting itself did not change.
 */
export async function renewReminders(
  sql: SqlSession,
  details: AppointmentDetails,
  context: ReminderPlan & { secret: string },
): Promise<void> {
  await sql.query(WITHDRAW_REMINDERS, [details.id]);
  const rows = [
    ...(details.person.email ? emailReminders(details, details.person.email, context) : []),
    ...(details.smsTo ? smsReminders(details, details.smsTo, context) : []),
  ];
  await enqueue(
    sql,
    context.secret,
    rows.map((row) => ({ ...row, appointmentId: details.id })),
  );
}

/**
 * To the advisors whose agenda changed: the one who has the meeting, and on a move to
 * someone else, the one who had it (for whom it is gone, not moved).
 */
function advisorNotices(details: AppointmentDetails, event: AppointmentEvent, now: Date): OutboxRow[] {
  const notice = (to: AppointmentDetails["advisor"], type: string, payload: EmailPayload): OutboxRow => ({
    type,
    recipient: to.email,
    dueAt: now,
    payload,
    notice: type === "advisor.booked" ? "agenda_booked" : "agenda_changed",
  });
  switch (event.kind) {
    case "confirmed":
      return [];
    case "booked":
      return [notice(details.advisor, "advisor.booked", advisorNotice(details, { kind: "booked" }))];
    case "cancelled":
      return [notice(details.advisor, "advisor.cancelled", advisorNotice(details, { kind: "cancelled", reason: event.reason }))];
    case "moved": {
      const before = event.previous;
      if (before.advisor.email === details.advisor.email)
        return [notice(details.advisor, "advisor.moved", advisorNotice(details, event))];
      return [
        notice(details.advisor, "advisor.booked", advisorNotice(details, { kind: "booked" })),
        notice(before.advisor, "advisor.moved", advisorNotice(details, { kind: "movedAway", previous: before })),
      ];
    }
  }
}
