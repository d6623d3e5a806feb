import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminTypes } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";
import { ADMIN_BASE, change } from "./admin-api.ts";

// A structure's webhooks: /api/admin/structures/:id/webhooks and /api/admin/webhooks/…, a client of its own (AdminTypes).

const webhooks = hc<AdminTypes["webhooks"]>(ADMIN_BASE);

export type WebhookEndpoint = InferResponseType<
  (typeof webhooks.structures)[":id"]["webhooks"]["$get"],
  200
>["endpoints"][number];
export type WebhookInput = InferRequestType<(typeof webhooks.structures)[":id"]["webhooks"]["$post"]>["json"];
export type WebhookPatch = InferRequestType<(typeof webhooks.webhooks)[":id"]["$patch"]>["json"];
export type WebhookDelivery = InferResponseType<
  (typeof webhooks.webhooks)[":id"]["deliveries"]["$get"],
  200
>["deliveries"][number];
type Created = InferResponseType<(typeof webhooks.structures)[":id"]["webhooks"]["$post"], 201>;
type Rotated = InferResponseType<(typeof webhooks.webhooks)[":id"]["secret"]["$post"], 200>;

export const getWebhooks = query(async (structureId: string): Promise<WebhookEndpoint[]> => {
  const response = await webhooks.structures[":id"].webhooks.$get({ param: { id: structureId } });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).endpoints;
}, "adminWebhooks");

/** The latest 50 deliveries of an endpoint, newest first, with their attempts. */
export const getWebhookDeliveries = query(async (endpointId: string): Promise<WebhookDelivery[]> => {
  const response = await webhooks.webhooks[":id"].deliveries.$get({ param: { id: endpointId } });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).deliveries;
}, "adminWebhookDeliveries");

const stale = () => [getWebhooks.key, getWebhookDeliveries.key];

/** Subscribes a URL: the answer holds the signing secret, shown once. */
export const createWebhook = action(async (structureId: string, input: WebhookInput) => {
  const outcome: Outcome<Created> = await send(
    () => webhooks.structures[":id"].webhooks.$post({ param: { id: structureId }, json: input }),
    201,
  );
  return json(outcome, { revalidate: outcome.kind === "done" ? stale() : [] });
}, "adminCreateWebhook");

export const rotateWebhookSecret = action(async (id: string) => {
  const outcome: Outcome<Rotated> = await send(() => webhooks.webhooks[":id"].secret.$post({ param: { id }, json: {} }), 200);
  return json(outcome, { revalidate: outcome.kind === "done" ? stale() : [] });
}, "adminRotateWebhookSecret");

export const updateWebhook = change("adminUpdateWebhook", stale, (id: string, patch: WebhookPatch) =>
  webhooks.webhooks[":id"].$patch({ param: { id }, json: patch }),
);
export const deleteWebhook = change("adminDeleteWebhook", stale, (id: string) =>
  webhooks.webhooks[":id"].$delete({ param: { id } }),
);
// The log alone is read again: reading the endpoints too would draw their rows anew, the open log closed.
export const resendWebhookDelivery = change(
  "adminResendWebhookDelivery",
  () => [getWebhookDeliveries.key],
  (id: string) => webhooks["webhook-deliveries"][":id"].resend.$post({ param: { id }, json: {} }),
);
