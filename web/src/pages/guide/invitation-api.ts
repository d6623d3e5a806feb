import { action, json, query } from "@solidjs/router";
import { hc } from "hono/client";
import type { InvitationsType } from "../../../../server/app.ts";
import { type Booking, type Mode, send, toApiError } from "../../lib/api.ts";

// The invitation's calls, for the person: the key is the link's token or the printed code.
// Declared loosely on the server (`passthrough`): typed here from what it returns
// (server/features/referrals/invitation-routes.ts).

const invitations = hc<InvitationsType>("/api/invitations");

export interface InvitationView {
  firstName: string;
  hasEmail: boolean;
  from: { name: string };
  to: { id: string; slug: string; name: string; phone: string | null; email: string | null };
  service: { slug: string; name: string };
  expiresAt: string | null;
  state: "open" | "booked" | "closed";
}

/** A free slot opened by the invitation: a time and a place, never the advisor's name. */
export interface InvitationSlot {
  key: string;
  start: string;
  end: string;
  mode: Mode;
  seatsLeft: number;
  site: { id: string; name: string } | null;
}

export interface InvitationBookingInput {
  slotKey: string;
  email?: string;
  phone?: string;
  accessibilityNeeds?: string;
  noticeAccepted: true;
}

/** The invitation a link or a code opens; null when it is unknown or was replaced (404, or a malformed code: 422). */
export const getInvitation = query(async (key: string): Promise<InvitationView | null> => {
  const response = await invitations[":key"].$get({ param: { key } });
  // Typed as 200 or 404 only; a mangled key (too short, too long) is refused with a 422.
  const status: number = response.status;
  if (status === 404 || status === 422) return null;
  if (status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { invitation: InvitationView }).invitation;
}, "invitation");

/** The first free slots the invitation opens, from a date on (YYYY-MM-DD) or from today. */
export const getInvitationSlots = query(async (key: string, from?: string): Promise<InvitationSlot[]> => {
  const response = await invitations[":key"].slots.$get({ param: { key }, query: from ? { from } : {} });
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { slots: InvitationSlot[] }).slots;
}, "invitationSlots");

/** Books with the invitation; the same `idempotencyKey` never books twice. */
export const bookWithInvitation = action(async (key: string, input: InvitationBookingInput, idempotencyKey: string) => {
  const outcome = await send<Booking>(
    () => invitations[":key"].booking.$post({ param: { key }, json: input, header: { "idempotency-key": idempotencyKey } }),
    201,
  );
  const stale = outcome.kind === "taken" ? [getInvitationSlots.key] : outcome.kind === "failed" ? [getInvitation.key] : [];
  return json(outcome, { revalidate: stale });
}, "invitationBook");
