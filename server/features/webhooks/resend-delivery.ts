import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { AppError } from "../../errors.ts";
import { ownedEndpoint } from "./owned-endpoint.ts";

/**
 * « Renvoyer »: a delivery goes again now, with a fresh round of attempts, under the same
 * `webhook-id` (a receiver that had it already knows it) and a new timestamp and signature.
 */
export async function resendDelivery(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, scope, input } = deps;
  const delivery = await db.prisma.webhookDelivery.findUnique({
    where: { id: input.id },
    select: { id: true, endpointId: true },
  });
  if (!delivery) throw new AppError("NOT_FOUND", "Livraison introuvable.");
  const endpoint = await ownedEndpoint(db, scope, delivery.endpointId).catch(() => {
    throw new AppError("NOT_FOUND", "Livraison introuvable.");
  });
  await audited(
    deps,
    { action: "webhook.resend", entity: "WebhookDelivery", details: { structureId: endpoint.structureId } },
    (tx) =>
      tx.webhookDelivery.update({
        where: { id: delivery.id },
        data: { status: "pending", attempts: 0, dueAt: clock.now(), leaseUntil: null, deliveredAt: null },
        select: { id: true },
      }),
  );
}
