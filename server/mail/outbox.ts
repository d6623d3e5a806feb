import { advisorNotice } from "../../emails/advisor-notice.ts";
import type { AppointmentDetails, RenderedEmail } from "../../emails/appointment.ts";
import { appointmentBooked } from "../../emails/appointment-booked.ts";
import { appointmentCancelled } from "../../emails/appointment-cancelled.ts";
import { appointmentMoved } from "../../emails/appointment-moved.ts";
import { appointmentReminder } from "../../emails/appointment-reminder.ts";
import { appointmentIcs } from "../../emails/ics.ts";
import { type SqlSession, statement } from "../db/database.ts";
import { seal } from "../db/sealed.ts";
import { reminderDueTimes } from "../domain/booking.ts";

/**
 * What an outbox row carries: the message as rendered when it was caused. Rendering then is
 * what lets a reminder hold the private link, which is never stored in clear: the payload is
 * sealed (db/sealed.ts), and opened by the worker that sends it.
 */
export interface OutboxPayload extends RenderedEmail {
  ics?: { method: "REQUEST" | "CANCEL"; content: string };
}

/** A message to send, about an appointment or a referral (what an erasure looks for); a task has no payload. */
export interface OutboxRow {
  type: string;
  recipient: string;
  dueAt: Date;
  payload?: OutboxPayload;
  appointmentId?: string | undefined;
  referralId?: string | undefined;
}

// The rows as one JSON parameter: one statement whatever their number, on every driver.
const ENQUEUE = statement(
  "outbox-enqueue",
  `INSERT INTO "OutboxMessage" (id, type, recipient, payload, "dueAt", "appointmentId", "referralId")
   SELECT gen_random_uuid(), r.type, r.recipient, r.payload, r."dueAt", r."appointmentId", r."referralId"
     FROM jsonb_to_recordset($1::jsonb)
       AS r(type text, recipient text, payload jsonb, "dueAt" timestamptz, "appointmentId" uuid, "referralId" uuid)`,
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
  | { kind: "moved"; previous: { start: Date; end: Date } }
  | { kind: "cancelled"; by: "person" | "structure"; reason: string | null };

const WITHDRAW_REMINDERS = statement(
  "outbox-withdraw-reminders",
  `UPDATE "OutboxMessage" SET status = 'cancelled'
    WHERE "appointmentId" = $1::uuid AND type = 'appointment.reminder' AND status = 'pending'`,
);
/**
 * Writes, in the caller's transaction, every message an appointment event causes: to the
 * person (with the .ics) and their reminders, and to the advisor. A move or a cancellation
 * first withdraws the reminders still pending.
 */
export async function enqueueAppointmentMessages(
  sql: SqlSession,
  details: AppointmentDetails,
  event: AppointmentEvent,
  context: { now: Date; reminderPlan: readonly number[]; secret: string },
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
    if (event.kind !== "cancelled") {
      for (const dueAt of reminderDueTimes(details.start, context.reminderPlan, context.now)) {
        rows.push({ type: "appointment.reminder", recipient: email, dueAt, payload: appointmentReminder(details) });
      }
    }
  }
  if (event.kind !== "confirmed") {
    const notice = advisorNotice(
      details,
      event.kind === "cancelled"
        ? { kind: "cancelled", reason: event.reason }
        : event.kind === "moved"
          ? event
          : { kind: "booked" },
    );
    rows.push({ type: `advisor.${event.kind}`, recipient: details.advisor.email, dueAt: context.now, payload: notice });
  }
  await enqueue(
    sql,
    context.secret,
    rows.map((row) => ({ ...row, appointmentId: details.id })),
  );
}
