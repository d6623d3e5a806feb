import type { StaffDeps } from "../../context.ts";
import { ownedEndpoint } from "./owned-endpoint.ts";

/** The delivery log of a webhook: its latest 50 deliveries, newest first, each with its attempts and what the receiver answered. */
export async function listDeliveries(deps: StaffDeps & { input: { id: string } }) {
  const { db, scope, input } = deps;
  const endpoint = await ownedEndpoint(db, scope, input.id);
  const deliveries = await db.prisma.webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    orderBy: [{ createdAt: "desc" }, { serial: "desc" }],
    take: 50,
    select: {
      id: true,
      event: true,
      createdAt: true,
      status: true,
      attempts: true,
      dueAt: true,
      deliveredAt: true,
      tries: { orderBy: { at: "asc" }, select: { at: true, status: true, error: true, ms: true } },
    },
  });
  return {
    deliveries: deliveries.map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
      dueAt: d.status === "pending" ? d.dueAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      tries: d.tries.map((t) => ({ ...t, at: t.at.toISOString() })),
    })),
  };
}
