import type { StaffDeps } from "../../context.ts";
import type { Database } from "../../db/database.ts";
import { unseal } from "../../db/sealed.ts";
import { AppError } from "../../errors.ts";
import type { SealedAddress } from "./sync-calendar.ts";

/** A calendar failing this long is flagged to its advisor. */
export const FLAGGED_AFTER_MS = 86_400_000;
/** The busy times counted in the status: the next two weeks, what an advisor checks. */
const COUNTED_MS = 14 * 86_400_000;

/** Only an advisor has slots for their own calendar to block. */
export function requireAdvisor({ scope }: Pick<StaffDeps, "scope">) {
  if (!scope.roles.memberships.some((m) => m.role === "advisor"))
    throw new AppError(
      "FORBIDDEN",
      "Votre rôle ne donne pas d'agenda personnel à relier : il bloque les créneaux d'un conseiller.",
    );
}

/**
 * Where an advisor's own calendar stands: its host only (the address itself is a secret that
 * reads the calendar, never shown back), its last reads, its error, and whether it has been
 * failing for a day.
 */
export async function statusOf(
  { db, config }: { db: Database; config: Pick<StaffDeps["config"], "sessionSecret"> },
  advisorId: string,
  now: Date,
) {
  const calendar = await db.prisma.busyCalendar.findUnique({
    where: { advisorId },
    select: { id: true, url: true, readAt: true, syncedAt: true, failingSince: true, lastError: true, dueAt: true },
  });
  if (!calendar) return { connected: false as const };
  const busyCount = await db.prisma.busyCalendarEvent.count({
    where: { calendarId: calendar.id, endsAt: { gt: now }, startsAt: { lt: new Date(now.getTime() + COUNTED_MS) } },
  });
  return {
    connected: true as const,
    host: hostOf(config.sessionSecret, calendar.url),
    readAt: calendar.readAt?.toISOString() ?? null,
    syncedAt: calendar.syncedAt?.toISOString() ?? null,
    // Said « il y a 5 minutes » by the server's clock, not the browser's.
    syncedMinutesAgo: calendar.syncedAt ? Math.max(0, Math.floor((now.getTime() - calendar.syncedAt.getTime()) / 60_000)) : null,
    nextReadAt: calendar.dueAt.toISOString(),
    lastError: calendar.lastError,
    failingSince: calendar.failingSince?.toISOString() ?? null,
    flagged: calendar.failingSince !== null && now.getTime() - calendar.failingSince.getTime() >= FLAGGED_AFTER_MS,
    busyCount,
  };
}

function hostOf(secret: string, sealed: unknown): string | null {
  try {
    return new URL(unseal<SealedAddress>(secret, sealed).url).hostname;
  } catch {
    return null;
  }
}

/** The signed-in advisor's calendar status. */
export async function calendarStatus(deps: StaffDeps) {
  requireAdvisor(deps);
  return statusOf(deps, deps.scope.user.id, deps.clock.now());
}
