import type { Deps } from "../../context.ts";
import { statement } from "../../db/database.ts";
import type { WaitlistEnd } from "../../db/generated/client.ts";
import type { DailyTask } from "../../jobs/daily.ts";
import { endWaiting } from "./pass-on.ts";

const BATCH = 500;

// Places whose wait is over: their meeting began, got an outcome or was cancelled (the
// cancellation ends it at once, cancel.ts; this catches what went another way), or their last
// day passed. Locked, skipping one an offer being accepted holds: tomorrow's run sees it.
const DUE = statement(
  "waitlist-due",
  `SELECT e.id,
          CASE WHEN a.id IS NOT NULL AND (a.status <> 'booked' OR a.outcome IS NOT NULL OR a."startsAt" <= $1)
               THEN 'meeting' ELSE 'expired' END AS reason
     FROM "WaitlistEntry" e
     LEFT JOIN "Appointment" a ON a.id = e."appointmentId"
    WHERE e."endedAt" IS NULL
      AND ((a.id IS NOT NULL AND (a.status <> 'booked' OR a.outcome IS NOT NULL OR a."startsAt" <= $1)) OR e.until <= $1)
    ORDER BY e.queue
    LIMIT ${BATCH}
    FOR UPDATE OF e SKIP LOCKED`,
);

/**
 * Ends, once a day, the places on waiting lists whose wait is over (« meeting », « expired »);
 * a slot still held for one goes to the next person, in the same transaction.
 *
 * Ended places are not deleted after the retention period: the figures read the offers (how
 * many answered, days gained), and an entry's offers go with it (a cascade). Nor need they be:
 * an entry holds no personal data of its own — wishes, times, a channel — only a link to its
 * Person, whom the retention job anonymises as it does anyone who booked (retention.ts waits
 * for their places to be over too), and whose entries' links it kills. So the list keeps what
 * booking keeps, for as long.
 */
export async function endDueWaiting(deps: Deps, now: Date): Promise<{ meeting: number; expired: number }> {
  const ended = { meeting: 0, expired: 0 };
  for (;;) {
    const count = await deps.db.transaction(async (sql) => {
      const due = await sql.query<{ id: string; reason: "meeting" | "expired" }>(DUE, [now]);
      for (const entry of due) {
        await endWaiting(sql, { entryId: entry.id }, entry.reason satisfies WaitlistEnd, { now, config: deps.config });
        ended[entry.reason] += 1;
      }
      return due.length;
    });
    if (count < BATCH) return ended;
  }
}

export const waitlistEndsTask: DailyTask = { name: "waitlist-ends", run: endDueWaiting };
