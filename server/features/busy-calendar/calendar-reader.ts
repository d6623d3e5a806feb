import type { Deps } from "../../context.ts";
import { statement } from "../../db/database.ts";
import { repeat } from "../../jobs/repeat.ts";
import { traceOf } from "../../logger.ts";
import { syncCalendar } from "./sync-calendar.ts";

// Advisors' calendars are read every 15 minutes by whichever instance gets there first: a due
// calendar is claimed under a lease with FOR UPDATE SKIP LOCKED, so two instances never read the
// same one at once, and one that dies mid-read leaves it to another when the lease ends.

/** Longer than a read may take (its timeout, and the busy times' replacement). */
const LEASE_MS = 5 * 60_000;
/** Calendars claimed at once, read a few at a time. */
const BATCH = 20;
const PARALLEL = 4;

const CLAIM = statement(
  "busy-calendar-claim",
  `UPDATE "BusyCalendar" SET "leaseUntil" = $1
    WHERE id IN (
      SELECT c.id FROM "BusyCalendar" c
       WHERE c."dueAt" <= $2 AND (c."leaseUntil" IS NULL OR c."leaseUntil" < $2)
         -- A deactivated account opens no slot: its calendar waits, unread, for its return.
         AND EXISTS (SELECT 1 FROM "StaffUser" u WHERE u.id = c."advisorId" AND u.active)
       ORDER BY c."dueAt" LIMIT $3
       FOR UPDATE OF c SKIP LOCKED)
   RETURNING id`,
);

/** Reads the calendars due now; returns how many were read. */
export async function readDueCalendars(deps: Pick<Deps, "db" | "clock" | "config" | "log">): Promise<number> {
  let read = 0;
  for (;;) {
    const now = deps.clock.now();
    const claimed = await deps.db.sql.query<{ id: string }>(CLAIM, [new Date(now.getTime() + LEASE_MS), now, BATCH]);
    if (claimed.length === 0) return read;
    const queue = [...claimed];
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await syncCalendar(deps, next.id).catch((error: unknown) =>
            deps.log.warn("busy calendar read failed", { calendarId: next.id, ...traceOf(error) }),
          );
          read += 1;
        }
      }),
    );
  }
}

/** Reads due calendars every `everyMs` until stopped; a failed round is logged and tried again. */
export function startCalendarReader(deps: Pick<Deps, "db" | "clock" | "config" | "log">, everyMs = 60_000) {
  return repeat(
    everyMs,
    () => readDueCalendars(deps),
    (error) => deps.log.warn("busy calendars round failed", traceOf(error)),
  );
}
