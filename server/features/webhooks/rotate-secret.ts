import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { seal } from "../../db/sealed.ts";
import { ownedEndpoint } from "./owned-endpoint.ts";
import { newSigningSecret } from "./secret.ts";

/** How long the secret replaced still signs: a day for the receiver to take the new one. */
export const PREVIOUS_SECRET_MS = 24 * 3_600_000;

/**
 * A new signing secret, shown once. For a day every delivery carries two signatures, by the new
 * secret and by the one it replaces (Standard Webhooks), so a receiver verifies with either
 * while it changes over.
 */
export async function rotateSecret(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, config, scope, input } = deps;
  const endpoint = await ownedEndpoint(db, scope, input.id);
  const secret = newSigningSecret();
  const previousUntil = new Date(clock.now().getTime() + PREVIOUS_SECRET_MS);
  await audited(
    deps,
    { action: "webhook.rotate", entity: "WebhookEndpoint", details: { structureId: endpoint.structureId } },
    (tx) =>
      tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { secret: { ...seal(config.sessionSecret, secret) }, previousSecret: endpoint.secret ?? undefined, previousUntil },
        select: { id: true },
      }),
  );
  return { secret };
}
