import type { Deps } from "../context.ts";
import type { DailyTask } from "../jobs/daily.ts";

const MONTH_MS = 30 * 86_400_000;

/**
 * A delivery is kept a month with its attempts, for the delivery log and « Renvoyer »; then it
 * goes, and the name it may carry with it. One still pending a month on waits for an endpoint
 * switched off (or behind one such): it goes too, rather than reach the receiver that late. One
 * being sent right now (under its lease) is left to its worker.
 */
export async function purgeDeliveries(deps: Pick<Deps, "db">, now: Date): Promise<{ deliveries: number }> {
  const { count } = await deps.db.prisma.webhookDelivery.deleteMany({
    where: {
      createdAt: { lt: new Date(now.getTime() - MONTH_MS) },
      OR: [{ status: { in: ["delivered", "failed"] } }, { leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
  });
  return { deliveries: count };
}

export const webhookDeliveriesTask: DailyTask = { name: "webhook-deliveries", run: purgeDeliveries };
