import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { seal } from "../../db/sealed.ts";
import { managedStructure } from "../admin/access.ts";
import { checkEndpointUrl } from "./endpoint-url.ts";
import type { EndpointInput } from "./schemas.ts";
import { newSigningSecret } from "./secret.ts";

/** Subscribes a URL of a structure the user runs to events; its signing secret is given once, kept sealed. */
export async function createEndpoint(deps: StaffDeps & { input: { structureId: string } & z.infer<typeof EndpointInput> }) {
  const { db, clock, config, scope, input } = deps;
  await managedStructure(db, scope, input.structureId);
  const url = await checkEndpointUrl(config, input.url);
  const secret = newSigningSecret();
  const { id } = await audited(
    deps,
    { action: "webhook.create", entity: "WebhookEndpoint", details: { structureId: input.structureId } },
    (tx) =>
      tx.webhookEndpoint.create({
        data: {
          structureId: input.structureId,
          url,
          description: input.description ?? "",
          events: input.events,
          secret: { ...seal(config.sessionSecret, secret) },
          createdById: scope.user.id,
          createdAt: clock.now(),
        },
        select: { id: true },
      }),
  );
  return { id, secret };
}
