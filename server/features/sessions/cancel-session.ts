import type { StaffDeps } from "../../context.ts";
import { recordAudit } from "../../db/audit.ts";
import { AppError } from "../../errors.ts";
import { cancelAppointment } from "../appointments/cancel.ts";
import { lockBookedSeats, sessionSeats } from "./session-seats.ts";

/**
 * The structure cancels a whole collective session, with a reason: every seat still booked is
 * cancelled as one meeting would be (`cancelAppointment`: the CANCEL .ics, the e-mail and SMS,
 * reminders withdrawn, a referral reopened), all in one transaction, each seat audited. A session
 * whose attendance is noted took place: it is not cancelled.
 */
export async function cancelSession(deps: StaffDeps & { input: { key: string; reason: string } }) {
  const { clock, config, scope, input } = deps;
  const { sessionKey, first } = await sessionSeats(scope, input.key);
  const now = clock.now();
  const cancelled = await scope.prisma.$transaction(async (tx) => {
    const seats = await lockBookedSeats(tx, sessionKey);
    if (seats.length === 0) throw new AppError("CONFLICT", "Cette session est déjà annulée : elle n'a plus d'inscrit.");
    if (seats.some((s) => s.outcome !== null))
      throw new AppError("CONFLICT", "Des présences sont notées : la session a eu lieu, elle ne s'annule plus.");
    for (const seat of seats) {
      await cancelAppointment(tx, seat.id, { by: "structure", reason: input.reason }, { now, config, actorId: scope.userId });
      await recordAudit(
        tx,
        {
          ...scope.actor,
          action: "session.cancel",
          entity: "Appointment",
          entityId: seat.id,
          details: { structureId: first.structureId },
        },
        now,
      );
    }
    return seats.length;
  });
  return { cancelled };
}
