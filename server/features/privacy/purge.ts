import { purgeThrottles } from "../../auth/throttle.ts";
import type { Deps } from "../../context.ts";
import type { DailyTask } from "../../jobs/daily.ts";
import { forgetCopiesBefore } from "../../mail/copies.ts";

const DAY_MS = 86_400_000;

/** The audit log keeps a year: enough to answer for a change, not a record of everyone's work forever. */
export async function purgeAuditLog(deps: Deps, now: Date): Promise<{ events: number }> {
  const { count } = await deps.db.prisma.auditEvent.deleteMany({ where: { at: { lt: new Date(now.getTime() - 365 * DAY_MS) } } });
  return { events: count };
}

/**
 * What only served for a while: a booking's stored answer serves a retry, a day at most; an
 * e-mail sent, cancelled or given up on is kept a month, to answer « did it leave? », and so is
 * its written copy (without SMTP_URL); an invitation to join a structure, till it expires; a
 * counter of failed sign-ins, a day after its last failure.
 */
export async function purgeSpent(
  deps: Deps,
  now: Date,
): Promise<{ idempotencyKeys: number; messages: number; files: number; invitations: number; throttles: number }> {
  const p = deps.db.prisma;
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS);
  const keys = await p.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - DAY_MS) } } });
  const messages = await p.outboxMessage.deleteMany({
    where: {
      status: { in: ["sent", "cancelled", "failed"] },
      dueAt: { lt: monthAgo },
      OR: [{ sentAt: null }, { sentAt: { lt: monthAgo } }],
    },
  });
  const files = await forgetCopiesBefore(deps.config, monthAgo);
  const invitations = await p.membershipInvitation.deleteMany({ where: { expiresAt: { lte: now } } });
  const throttles = await purgeThrottles(deps.db, now);
  return { idempotencyKeys: keys.count, messages: messages.count, files, invitations: invitations.count, throttles };
}

export const auditLogTask: DailyTask = { name: "audit-log", run: purgeAuditLog };
export const housekeepingTask: DailyTask = { name: "housekeeping", run: purgeSpent };
