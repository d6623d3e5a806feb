import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { InvitationsType } from "../../../../server/app.ts";
import { send, toApiError } from "../../lib/api.ts";

// The invitation's calls, for the person: the key is the link's token or the printed code.
// Typed from the server's routes (server/features/referrals/schemas.ts).

const invitations = hc<InvitationsType>("/api/invitations");

export type InvitationView = InferResponseType<(typeof invitations)[":key"]["$get"], 200>["invitation"];
/** A free slot opened by the invitation: a time and a place, never the advisor's name. */
export type InvitationSlot = InferResponseType<(typeof invitations)[":key"]["slots"]["$get"], 200>["slots"][number];
export type InvitationBookingInput = InferRequestType<(typeof invitations)[":key"]["booking"]["$post"]>["json"];
type InvitationBooking = InferResponseType<(typeof invitations)[":key"]["booking"]["$post"], 201>;

/** The invitation a link or a code opens; null when it is unknown or was replaced (404, or a malformed code: 422). */
export const getInvitation = query(async (key: string): Promise<InvitationView | null> => {
  const response = await invitations[":key"].$get({ param: { key } });
  // Typed as 200 or 404 only; a mangled key (too short, too long) is refused with a 422.
  const status: number = response.status;
  if (status === 404 || status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).invitation;
}, "invitation");

/** The first free slots the invitation opens, from a date on (YYYY-MM-DD) or from today. */
export const getInvitationSlots = query(async (key: string, from?: string): Promise<InvitationSlot[]> => {
  const response = await invitations[":key"].slots.$get({ param: { key }, query: from ? { from } : {} });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).slots;
}, "invitationSlots");

/** Books with the invitation; the same `idempotencyKey` never books twice. */
export const bookWithInvitation = action(async (key: string, input: InvitationBookingInput, idempotencyKey: string) => {
  const outcome = await send<InvitationBooking>(
    () => invitations[":key"].booking.$post({ param: { key }, json: input, header: { "idempotency-key": idempotencyKey } }),
    201,
  );
  const stale = outcome.kind === "taken" ? [getInvitationSlots.key] : outcome.kind === "failed" ? [getInvitation.key] : [];
  return json(outcome, { revalidate: stale });
}, "invitationBook");
