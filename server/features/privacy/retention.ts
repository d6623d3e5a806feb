import { DateTime } from "luxon";
import type { Deps } from "../../context.ts";
import type { Database } from "../../db/database.ts";
import { Prisma } from "../../db/generated/client.ts";
import { DEFAULT_ZONE } from "../../domain/time.ts";
import type { DailyTask } from "../../jobs/daily.ts";
import { forgetCopies } from "../../mail/copies.ts";
import { anonymisePersons } from "./anonymise.ts";
import { retentionMonths } from "./settings.ts";

const BATCH = 500;

/** The instant before which a person's last activity puts them past the retention period. */
export function retentionCutoff(now: Date, months: number): Date {
  return DateTime.fromJSDate(now, { zone: DEFAULT_ZONE }).minus({ months }).toJSDate();
}

/** The persons past the period at `cutoff`, not yet anonymised: what the job and its preview both select. */
const expiredAt = (cutoff: Date) => Prisma.sql`
  p."anonymisedAt" IS NULL AND p."lastActivityAt" < ${cutoff}
  AND NOT EXISTS (SELECT 1 FROM "Appointment" a WHERE a."personId" = p."id" AND a."endsAt" >= ${cutoff})
  AND NOT EXISTS (SELECT 1 FROM "Referral" r WHERE r."personId" = p."id" AND r."updatedAt" >= ${cutoff})
  AND NOT EXISTS (SELECT 1 FROM "WaitlistEntry" w WHERE w."personId" = p."id"
                     AND (w."endedAt" IS NULL OR w."endedAt" >= ${cutoff}))`;

/**
 * How many persons a run now would anonymise with a period of `months`: what the Région is shown
 * before it shortens the period, since the run cannot be undone.
 */
export async function countExpired(db: Database, now: Date, months: number): Promise<number> {
  const [row] = await db.prisma.$queryRaw<{ persons: bigint | number }[]>`
    SELECT count(*) AS "persons" FROM "Person" p WHERE ${expiredAt(retentionCutoff(now, months))}`;
  return Number(row?.persons ?? 0);
}

/**
 * Anonymises the persons whose last appointment or referral is older than the retention
 * period, a batch per transaction: a run stopped midway leaves whole persons done, and the next
 * run (or a second instance) carries on where it stopped.
 */
export async function anonymiseExpired(deps: Deps, now: Date): Promise<{ persons: number }> {
  const cutoff = retentionCutoff(now, await retentionMonths(deps.db));
  let persons = 0;
  for (;;) {
    const done = await deps.db.prisma.$transaction(
      async (tx) => {
        // lastActivityAt is set at every booking: a safe first filter, on its index. The rows are
        // locked, skipping one a booking holds: it is not past its period any more, or it will be
        // tomorrow.
        const expired = await tx.$queryRaw<{ id: string }[]>`
          SELECT p."id" FROM "Person" p
          WHERE ${expiredAt(cutoff)}
          ORDER BY p."lastActivityAt"
          LIMIT ${BATCH}
          FOR UPDATE OF p SKIP LOCKED`;
        const messageIds = await anonymisePersons(
          tx,
          expired.map((p) => p.id),
          now,
        );
        return { persons: expired.length, messageIds };
      },
      { timeout: 60_000 },
    );
    await forgetCopies(deps.config, done.messageIds);
    persons += done.persons;
    if (done.persons < BATCH) return { persons };
  }
}

export const retentionTask: DailyTask = { name: "retention", run: anonymiseExpired };
