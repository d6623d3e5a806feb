import { action, json, query } from "@solidjs/router";
import type { InferRequestType, InferResponseType } from "hono/client";
import { api, type DeadLink, getManagedAppointment, send, toApiError } from "../../lib/api.ts";

// The waiting list as the person sees it: a place on it, an offer of freed time, and the
// requests that join, leave, accept or decline. Types inferred from the API, never written.

export type WaitlistEntry = InferResponseType<(typeof api.waitlist)[":token"]["$get"], 200>["entry"];
/** When and how the person can come, and until when: what they wait for. */
export type Wishes = InferRequestType<(typeof api.manage)[":token"]["waitlist"]["$post"]>["json"];
export type Offer = InferResponseType<(typeof api.offers)[":token"]["$get"], 200>;
export type JoinInput = InferRequestType<typeof api.waitlist.$post>["json"];
export type Joined = InferResponseType<typeof api.waitlist.$post, 201>;
export type Accepted = InferResponseType<(typeof api.offers)[":token"]["accept"]["$post"], 200>;

/** The place on the list a link leads to, or why the link is dead. */
export const getWaitlistEntry = query(async (token: string): Promise<WaitlistEntry | DeadLink> => {
  const response = await api.waitlist[":token"].$get({ param: { token } });
  if (response.status === 404) return { dead: (await toApiError(response)).message };
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).entry;
}, "waitlistEntry");

/** The offer a link leads to, whatever became of it, or why the link is dead. */
export const getOffer = query(async (token: string): Promise<Offer | DeadLink> => {
  const response = await api.offers[":token"].$get({ param: { token } });
  if (response.status === 404) return { dead: (await toApiError(response)).message };
  if (!response.ok) throw await toApiError(response);
  return await response.json();
}, "waitlistOffer");

/** « Me prévenir si un créneau se libère plus tôt », from a meeting's private link; again: new wishes, same place. */
export const joinFromMeeting = action(async (token: string, wishes: Wishes) => {
  const outcome = await send<{ entry: WaitlistEntry }>(
    () => api.manage[":token"].waitlist.$post({ param: { token }, json: wishes }),
    201,
  );
  return json(outcome, { revalidate: [] });
}, "joinFromMeeting");

/** « Ne plus être prévenu », from a meeting's private link. */
export const leaveFromMeeting = action(async (token: string) => {
  const outcome = await send<{ left: boolean }>(() => api.manage[":token"].waitlist.$delete({ param: { token } }), 200);
  return json(outcome, { revalidate: outcome.kind === "done" ? [getManagedAppointment.keyFor(token)] : [] });
}, "leaveFromMeeting");

/** Joins a list with no meeting, when no slot is free. */
export const joinWaitlist = action(async (input: JoinInput) => {
  const outcome = await send<Joined>(() => api.waitlist.$post({ json: input }), 201);
  return json(outcome, { revalidate: [] });
}, "joinWaitlist");

/** Leaves the list a list-only link leads to. */
export const leaveWaitlist = action(async (token: string) => {
  const outcome = await send<{ entry: WaitlistEntry }>(() => api.waitlist[":token"].$delete({ param: { token } }), 200);
  return json(outcome, { revalidate: [] });
}, "leaveWaitlist");

/** Takes the held slot, or another of the earlier ones (`slotKey`). */
export const acceptOffer = action(async (token: string, slotKey?: string) => {
  const outcome = await send<Accepted>(
    () => api.offers[":token"].accept.$post({ param: { token }, json: slotKey ? { slotKey } : {} }),
    200,
  );
  return json(outcome, { revalidate: [] });
}, "acceptOffer");

/** Lets the slot go to the next person; `leave`: and leaves the list. */
export const declineOffer = action(async (token: string, leave: boolean) => {
  const outcome = await send<Offer>(
    () => api.offers[":token"].decline.$post({ param: { token }, json: leave ? { leave } : {} }),
    200,
  );
  return json(outcome, { revalidate: [] });
}, "declineOffer");
