import type { SqlSession } from "../../db/database.ts";
import type { Slot } from "../../domain/availability.ts";
import { AppError } from "../../errors.ts";

/**
 * A seat of a collective session, counted under a lock on the session: whatever the
 * concurrency, never more bookings than seats (409 once full). `movingId`, a booking moved
 * into the session, does not count against it. Nothing to do for an individual slot.
 */
export async function takeSeat(sql: SqlSession, slot: Slot, seats: number, movingId?: string): Promise<void> {
  if (!slot.sessionKey) return;
  await sql.query("SELECT 1 FROM pg_advisory_xact_lock(hashtext($1))", [slot.sessionKey]);
  const [taken] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Appointment"
      WHERE "sessionKey" = $1 AND status = 'booked' AND id IS DISTINCT FROM $2::uuid`,
    [slot.sessionKey, movingId ?? null],
  );
  if ((taken?.count ?? 0) >= seats) throw new AppError("SLOT_TAKEN", "Cette session est complète : choisissez-en une autre.");
}
