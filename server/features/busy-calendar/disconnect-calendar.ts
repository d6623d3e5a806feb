import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import { requireAdvisor } from "./calendar-status.ts";

/** Disconnects the advisor's own calendar: its address and busy times are deleted, their slots free again. */
export async function disconnectCalendar(deps: StaffDeps) {
  requireAdvisor(deps);
  const { db, scope } = deps;
  const calendar = await db.prisma.busyCalendar.findUnique({ where: { advisorId: scope.user.id }, select: { id: true } });
  if (!calendar) throw notFound("Agenda personnel");
  await audited(deps, { action: "busy_calendar.disconnect", entity: "BusyCalendar" }, async (tx) => {
    await tx.busyCalendar.deleteMany({ where: { id: calendar.id } });
    return calendar;
  });
}
