import type { StaffDeps } from "../../context.ts";
import { DEFAULT_ZONE, localDateOf } from "../../domain/time.ts";

/** The daily jobs of the last seven days and what they did, latest first (Région). */
export async function listJobRuns({ db, clock, scope }: StaffDeps) {
  scope.requireRegion();
  const today = new Date(`${localDateOf(clock.now(), DEFAULT_ZONE)}T00:00:00Z`);
  const found = await db.prisma.jobRun.findMany({
    where: { day: { gt: new Date(today.getTime() - 7 * 86_400_000) } },
    orderBy: [{ day: "desc" }, { startedAt: "asc" }],
  });
  return {
    runs: found.map((r) => ({
      job: r.job,
      day: r.day.toISOString().slice(0, 10),
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      result: (r.result as Record<string, number> | null) ?? null,
    })),
  };
}
