// The daily jobs: each runs once a day whatever the number of instances. A run claims its day
// with a row of JobRun; a claim left unfinished for an hour (an instance killed mid-run) may be
// taken again, which is why every task is idempotent.
import type { Deps } from "../context.ts";
import type { Prisma } from "../db/generated/client.ts";
import { DEFAULT_ZONE, localDateOf } from "../domain/time.ts";
import { traceOf } from "../logger.ts";

export interface DailyTask {
  /** Names the task in JobRun and the logs. */
  name: string;
  /** Does the day's work; what it returns (counts) is kept in JobRun.result. */
  run(deps: Deps, now: Date): Promise<Record<string, number>>;
}

const STALE_CLAIM_MS = 3_600_000;

/** Runs each task not yet run today (Europe/Paris); returns what ran, with its result. */
export async function runDailyTasks(deps: Deps, tasks: readonly DailyTask[], now: Date) {
  const day = new Date(`${localDateOf(now, DEFAULT_ZONE)}T00:00:00Z`);
  const ran: { name: string; result: Record<string, number> }[] = [];
  for (const task of tasks) {
    const claimed = await deps.db.prisma.$queryRaw<{ job: string }[]>`
      INSERT INTO "JobRun" ("job", "day", "startedAt") VALUES (${task.name}, ${day}::date, ${now})
      ON CONFLICT ("job", "day") DO UPDATE SET "startedAt" = EXCLUDED."startedAt"
        WHERE "JobRun"."finishedAt" IS NULL AND "JobRun"."startedAt" < ${new Date(now.getTime() - STALE_CLAIM_MS)}
      RETURNING "job"`;
    if (claimed.length === 0) continue;
    const result = await task.run(deps, now);
    await deps.db.prisma.jobRun.update({
      where: { job_day: { job: task.name, day } },
      data: { finishedAt: deps.clock.now(), result: result as Prisma.InputJsonObject },
    });
    deps.log.info("daily task done", { task: task.name, ...result });
    ran.push({ name: task.name, result });
  }
  return ran;
}

/** Looks every `everyMs` for a task due today; a failed task is logged and tried again later. */
export function startDailyJobs(deps: Deps, tasks: readonly DailyTask[], everyMs = 15 * 60_000) {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => runDailyTasks(deps, tasks, deps.clock.now()))
      .catch((error: unknown) => deps.log.warn("daily task failed", traceOf(error)));
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
