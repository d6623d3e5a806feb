import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { AppError } from "../../errors.ts";
import { undeliveredRows } from "./undelivered.ts";

/**
 * Sends a message again, now, with a fresh count of attempts: once the address is corrected or
 * the provider is back. One the user may not see is not found; one sent meanwhile is left as is.
 */
export async function resendMessage(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, scope, input } = deps;
  const message = await db.prisma.outboxMessage.findFirst({
    where: { AND: [{ id: input.id }, undeliveredRows(scope)] },
    select: { id: true, appointment: { select: { structureId: true } } },
  });
  if (!message) throw new AppError("NOT_FOUND", "Message introuvable, ou déjà parti.");
  const details = message.appointment ? { structureId: message.appointment.structureId } : {};
  await audited(deps, { action: "outbox.resend", entity: "OutboxMessage", details }, async (tx) => {
    const changed = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: { in: ["failed", "pending"] } },
      data: { status: "pending", attempts: 0, dueAt: clock.now(), leaseUntil: null, unreached: false },
    });
    if (changed.count === 0) throw new AppError("CONFLICT", "Ce message vient de partir.");
    return { id: message.id };
  });
}
