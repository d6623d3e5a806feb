import type { Deps } from "../context.ts";
import type { DailyTask } from "../jobs/daily.ts";

const MONTH_MS = 30 * 86_400_000;

/**
 * A delivery done with (delivered, or given up) is kept a month with its attempts, for the
 * delivery log and « Renvoyer »; then it goes, and the name it may carry with it.
 */
export async function purgeDeliveries(deps: Pick<Deps, "db">, now: Date): Promise<{ deliveries: number }> {
  const { count } = await deps.db.prisma.webhookDelivery.deleteMany({
    where: { status: { in: ["delivered", "failed"] }, createdAt: { lt: new Date(now.getTime() - MONTH_MS) } },
  });
  return { deliveries: count };
}

export const webhookDeliveriesTask: DailyTask = { name: "webhook-deliveries", run: purgeDeliveries };
