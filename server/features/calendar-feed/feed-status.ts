import type { StaffDeps } from "../../context.ts";

/** Whether the user has a live calendar address, and since when. */
export async function feedStatus({ scope }: StaffDeps) {
  const live = await scope.prisma.calendarFeed.findFirst({
    where: { userId: scope.user.id, revokedAt: null },
    select: { createdAt: true },
  });
  return { active: Boolean(live), createdAt: live?.createdAt.toISOString() ?? null };
}
