import type { Database } from "../../db/database.ts";

export interface BusyTime {
  advisorId: string;
  start: Date;
  end: Date;
}

/**
 * When advisors are taken in structures other than `structureId`: their booked meetings there
 * as times, nothing else — not who, what or where. A structure sees a shared advisor's own
 * meetings in full and the others as busy time (the trust model, auth/scope.ts). The one read
 * of appointments outside a scope's rows, hence on the database's own client, and times only.
 */
export async function busyTimes(
  db: Database,
  query: { advisorIds: readonly string[]; structureId: string; from: Date; to: Date },
): Promise<BusyTime[]> {
  if (query.advisorIds.length === 0) return [];
  const rows = await db.prisma.appointment.findMany({
    where: {
      advisorId: { in: [...query.advisorIds] },
      structureId: { not: query.structureId },
      status: "booked",
      startsAt: { lt: query.to },
      endsAt: { gt: query.from },
    },
    orderBy: { startsAt: "asc" },
    select: { advisorId: true, startsAt: true, endsAt: true },
  });
  return rows.map((row) => ({ advisorId: row.advisorId, start: row.startsAt, end: row.endsAt }));
}
