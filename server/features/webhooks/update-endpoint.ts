import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { checkEndpointUrl } from "./endpoint-url.ts";
import { ownedEndpoint } from "./owned-endpoint.ts";
import type { EndpointPatch } from "./schemas.ts";

/**
 * Changes a webhook: its URL, description, events, or whether it is sent to. Switched off, its
 * deliveries wait; switched back on, they are due at once and leave in their order, and the
 * count of failures starts again.
 */
export async function updateEndpoint(deps: StaffDeps & { input: { id: string } & z.infer<typeof EndpointPatch> }) {
  const { db, clock, config, scope, input } = deps;
  const { id, enabled, ...patch } = input;
  const endpoint = await ownedEndpoint(db, scope, id);
  if (patch.url !== undefined) await checkEndpointUrl(config, patch.url);
  const now = clock.now();
  const switching = enabled !== undefined && enabled !== (endpoint.disabledAt === null);
  const fields = [...changedFields(patch, endpoint), ...(switching ? ["enabled"] : [])].sort();
  await audited(
    deps,
    { action: "webhook.update", entity: "WebhookEndpoint", details: { structureId: endpoint.structureId, fields } },
    async (tx) => {
      if (switching && enabled) {
        await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: "pending" }, data: { dueAt: now } });
      }
      return tx.webhookEndpoint.update({
        where: { id },
        data: {
          ...patch,
          ...(switching &&
            (enabled
              ? { disabledAt: null, disabledReason: null, failures: 0 }
              : { disabledAt: now, disabledReason: `désactivé par ${scope.user.firstName} ${scope.user.lastName}` })),
        },
        select: { id: true },
      });
    },
  );
}
