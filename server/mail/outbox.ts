import { advisorNotice } from "../../emails/advisor-notice.ts";
import type { AppointmentDetails, RenderedEmail } from "../../emails/appointment.ts";
import { appointmentBooked } from "../../emails/appointment-booked.ts";
import { appointmentCancelled } from "../../emails/appointment-cancelled.ts";
import { appointmentMoved } from "../../emails/appointment-moved.ts";
import { appointmentReminder } from "../../emails/appointment-reminder.ts";
import { appointmentIcs } from "../../emails/ics.ts";
import type { Tx } from "../db/database.ts";
import { reminderDueTimes } from "../domain/booking.ts";

/**
 * What an outbox row carries: the message as rendered when it was caused. Rendering then is
 * what lets a reminder hold the private link, which is never stored in clear.
 */
export interface OutboxPayload extends RenderedEmail {
  ics?: { method: "REQUEST" | "CANCEL"; content: string };
}

export type AppointmentEvent =
  | { kind: "booked" }
  // The confirmation sent again, or sent at last once the person gives an address: their
  // messages only, the reminders renewed; the advisor knows of the meeting already.
  | { kind: "confirmed" }
  | { kind: "moved"; previous: { start: Date; end: Date } }
  | { kind: "cancelled"; by: "person" | "structure"; reason: string | null };

/**
 * Writes, in the caller's transaction, every message an appointment event causes: to the
 * person (with the .ics) and their reminders, and to the advisor. A move or a cancellation
 * first withdraws the reminders still pending.
 */
export async function enqueueAppointmentMessages(
  tx: Tx,
  details: AppointmentDetails,
  event: AppointmentEvent,
  context: { now: Date; reminderPlan: readonly number[] },
): Promise<void> {
  if (event.kind !== "booked") {
    // Reminders rendered earlier hold the address they were due to and the link of then.
    await tx.outboxMessage.updateMany({
      where: { appointmentId: details.id, type: "appointment.reminder", status: "pending" },
      data: { status: "cancelled" },
    });
  }
  const rows: { type: string; recipient: string; dueAt: Date; payload: OutboxPayload }[] = [];
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
  await tx.outboxMessage.createMany({
    data: rows.map((row) => ({ ...row, payload: row.payload as object, appointmentId: details.id })),
  });
}
