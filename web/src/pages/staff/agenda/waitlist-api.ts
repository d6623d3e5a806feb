import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { ReferralWaitlistType, StaffWaitlistType } from "../../../../../server/app.ts";
import { send, toApiError } from "../../../lib/api.ts";

// The waiting lists' calls, typed from the server's routes (server/features/waitlist/staff-routes.ts).

const waitlist = hc<StaffWaitlistType>("/api/agenda/waitlist");
const referrals = hc<ReferralWaitlistType>("/api/referrals");

export type Waitlist = InferResponseType<typeof waitlist.index.$get, 200>;
export type WaitlistEntry = Waitlist["entries"][number];
export type DeskWaitlistInput = InferRequestType<typeof waitlist.index.$post>["json"];
type Added = InferResponseType<typeof waitlist.index.$post, 201>;

/** A structure's lists: who waits for which offering, in order; those who left too with `ended`. */
export const getWaitlist = query(async (structure: string, ended: boolean): Promise<Waitlist> => {
  const response = await waitlist.index.$get({ query: { structure, ...(ended && { ended: "true" as const }) } });
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "waitlist");

/** « Retirer »: a slot held for them goes to the next person. */
export const removeFromWaitlist = action(async (id: string) => {
  const result = await send<Added>(() => waitlist[":id"].$delete({ param: { id } }), 200);
  return json(result, { revalidate: result.kind === "done" ? [getWaitlist.key] : [] });
}, "waitlistRemove");

/** At the desk: someone known or new, for an offering of the structure. */
export const addToWaitlist = action(async (input: DeskWaitlistInput) => {
  const result = await send<Added>(() => waitlist.index.$post({ json: input }), 201);
  return json(result, { revalidate: result.kind === "done" ? [getWaitlist.key] : [] });
}, "waitlistAdd");

/** The receiving structure of a referral puts its person on the list of the service asked. */
export const addReferralToWaitlist = action(async (referral: string) => {
  const result = await send<Added>(() => referrals[":id"].waitlist.$post({ param: { id: referral }, json: {} }), 201);
  return json(result, { revalidate: result.kind === "done" ? [getWaitlist.key] : [] });
}, "referralWaitlist");
