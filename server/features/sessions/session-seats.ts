import type { Scope } from "../../auth/scope.ts";
import type { Tx } from "../../db/database.ts";
import { sessionKeyOfSegment } from "../../domain/session-path.ts";
import { notFound } from "../../errors.ts";

/**
 * The seats of a session the user sees (scope.ts: the session's structure's staff, or its
 * advisor): every seat of a session shares its structure and advisor, so they see all or none —
 * none is a 404, exactly as a session that does not exist.
 */
export async function sessionSeats(scope: Scope, segment: string) {
  const sessionKey = sessionKeyOfSegment(segment);
  const seats = await scope.prisma.appointment.findMany({
    where: { sessionKey },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      outcome: true,
      startsAt: true,
      endsAt: true,
      structureId: true,
      advisorId: true,
      offeringId: true,
    },
  });
  const [first] = seats;
  if (!first) throw notFound("Session");
  return { sessionKey, first, seats };
}

/**
 * The session's booked seats, locked for the rest of the transaction: first the session, under
 * the lock a booking of a seat takes (appointments/seat.ts), so that no seat is added meanwhile;
 * then its seats in id order, so that a change of one (a person cancelling, an outcome) waits, or
 * comes first and is seen.
 */
export async function lockBookedSeats(tx: Tx, sessionKey: string) {
  await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${sessionKey}))`;
  return tx.$queryRaw<{ id: string; outcome: string | null; manageTokenHash: string | null }[]>`
    SELECT id, outcome::text AS outcome, "manageTokenHash" FROM "Appointment"
     WHERE "sessionKey" = ${sessionKey} AND status = 'booked'
     ORDER BY id
       FOR UPDATE`;
}
