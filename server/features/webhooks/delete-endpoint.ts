import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { ownedEndpoint } from "./owned-endpoint.ts";

/** Removes a webhook, its deliveries and their log with it. */
export async function deleteEndpoint(deps: StaffDeps & { input: { id: string } }) {
  const { db, scope, input } = deps;
  const endpoint = await ownedEndpoint(db, scope, input.id);
  await audited(
    deps,
    { action: "webhook.delete", entity: "WebhookEndpoint", details: { structureId: endpoint.structureId } },
    (tx) => tx.webhookEndpoint.delete({ where: { id: endpoint.id }, select: { id: true } }),
  );
}
