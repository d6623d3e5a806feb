import type { Tx } from "../../db/database.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { loadAppointment, toDetails } from "./details.ts";

/**
 * Cancels a booked appointment, by the person or by the structure: the private link is
 * revoked, pending reminders withdrawn, and both sides told (the person with the .ics CANCEL,
 * when they have an address). In the caller's transaction.
 */
export async function cancelAppointment(
  tx: Tx,
  id: string,
  cancel: { by: "person" | "structure"; reason: string | null },
  now: Date,
) {
  await tx.appointment.update({
    where: { id },
    data: {
      status: "cancelled",
      cancelledAt: now,
      cancelReason: cancel.reason,
      icsSequence: { increment: 1 },
      manageTokenRevokedAt: now,
    },
  });
  const cancelled = await loadAppointment(tx, id);
  await enqueueAppointmentMessages(tx, toDetails(cancelled, null), { kind: "cancelled", ...cancel }, { now, reminderPlan: [] });
  return cancelled;
}
