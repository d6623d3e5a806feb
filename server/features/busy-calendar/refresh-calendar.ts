import type { StaffDeps } from "../../context.ts";
import { AppError, notFound } from "../../errors.ts";
import { requireAdvisor, statusOf } from "./calendar-status.ts";
import { syncCalendar } from "./sync-calendar.ts";

/** « Actualiser maintenant » is for a change just made, not a way to hammer the calendar's server. */
const AT_MOST_EVERY_MS = 60_000;

/** Reads the advisor's calendar now, once a minute at most, and says how it went. */
export async function refreshCalendar(deps: StaffDeps) {
  requireAdvisor(deps);
  const { db, clock, scope } = deps;
  const now = clock.now();
  const calendar = await db.prisma.busyCalendar.findUnique({ where: { advisorId: scope.user.id }, select: { id: true } });
  if (!calendar) throw notFound("Agenda personnel");
  // Claimed like the reader claims it: two clicks, or a click during the reader's read, read once.
  const claimed = await db.prisma.busyCalendar.updateMany({
    where: {
      id: calendar.id,
      OR: [{ readAt: null }, { readAt: { lte: new Date(now.getTime() - AT_MOST_EVERY_MS) } }],
      AND: [{ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] }],
    },
    data: { leaseUntil: new Date(now.getTime() + AT_MOST_EVERY_MS) },
  });
  if (claimed.count === 0)
    throw new AppError("RATE_LIMITED", "Votre agenda vient d'être lu : il pourra être actualisé de nouveau dans une minute.");
  await syncCalendar(deps, calendar.id);
  return statusOf(deps, scope.user.id, clock.now());
}
