import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { OrientationType, ReferralsType } from "../../../../../server/app.ts";
import { api, type Outcome, type Structure, send, toApiError } from "../../../lib/api.ts";
import type { AgeBand, Need, Situation } from "../../../lib/orientation-words.ts";

// The referrals' calls (orientations), typed from the server's routes (server/features/referrals/schemas.ts).

const referrals = hc<ReferralsType>("/api/referrals");

export type Referral = InferResponseType<typeof referrals.index.$get, 200>["referrals"][number];
export type ReferralDetail = InferResponseType<(typeof referrals)[":id"]["$get"], 200>["referral"];
/** What a referrer follows: the state, or once booked what became of the meeting. */
export type FollowedStatus = Referral["status"];
export type TimelineEvent = ReferralDetail["timeline"][number];
export type TimelineKind = TimelineEvent["kind"];
export type ReferralSlot = InferResponseType<(typeof referrals)[":id"]["slots"]["$get"], 200>["slots"][number];
export type NewReferral = InferRequestType<typeof referrals.index.$post>["json"];
type Created = InferResponseType<typeof referrals.index.$post, 201>;
type Redirected = InferResponseType<(typeof referrals)[":id"]["redirect"]["$post"], 200>;
/** The link and the code of an invitation: shown once, the previous ones stop working. */
export type Invitation = InferResponseType<(typeof referrals)[":id"]["invitation"]["$post"], 200>;
/** How the invitation goes: by e-mail, by SMS (either, both, neither: a code to print), and for how long. */
export type InvitationInput = InferRequestType<(typeof referrals)[":id"]["invitation"]["$post"]>["json"];
type ReferralBooking = InferResponseType<(typeof referrals)[":id"]["booking"]["$post"], 201>;

export type Box = "sent" | "received";
type ReferralsPage = InferResponseType<typeof referrals.index.$get, 200>;
/** What a list is narrowed to: words of the person's name, a status, a page. */
export interface ReferralFilters {
  q?: string | undefined;
  status?: FollowedStatus | undefined;
  page?: number | undefined;
}

/** A page of the referrals sent by one's structures, or received by those where one handles them; the latest first. */
export const getReferrals = query(async (box: Box, filters: ReferralFilters = {}): Promise<ReferralsPage> => {
  const response = await referrals.index.$get({
    query: {
      box,
      ...(filters.q?.trim() && { q: filters.q.trim() }),
      ...(filters.status && { status: filters.status }),
      ...(filters.page && filters.page > 1 && { page: String(filters.page) }),
    },
  });
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "referrals");

/** How many referrals wait for an answer: received by one's structures, sent by them. */
export const getPendingReferrals = query(async () => {
  const response = await referrals.pending.$get();
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "referralsPending");

export type ReferralTarget = InferResponseType<(typeof referrals)[":id"]["targets"]["$get"], 200>["structures"][number];

/** Where the referral's person may be sent for a service: the structures nearest their commune first. */
export const getReferralTargets = query(async (id: string, service: string) => {
  const response = await referrals[":id"].targets.$get({ param: { id }, query: { service } });
  if (response.status !== 200) throw await toApiError(response);
  return response.json();
}, "referralTargets");

/** One referral; null when it is out of reach (404: unknown, or neither sent nor received by one's structures). */
export const getReferral = query(async (id: string): Promise<ReferralDetail | null> => {
  const response = await referrals[":id"].$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).referral;
}, "referral");

/** The first free slots of the target for the referral's service, from a day on (today by default). */
export const getReferralSlots = query(async (id: string, from?: string): Promise<ReferralSlot[]> => {
  const response = await referrals[":id"].slots.$get({ param: { id }, query: from ? { from } : {} });
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).slots;
}, "referralSlots");

const changed = () => [getReferral.key, getReferrals.key, getPendingReferrals.key];

export const createReferral = action(async (input: NewReferral) => {
  const result = await send<Created>(() => referrals.index.$post({ json: input }), 201);
  return json(result, { revalidate: result.kind === "done" ? [getReferrals.key, getPendingReferrals.key] : [] });
}, "referralCreate");

/** After a refusal, the same person sent to another structure: a new referral, linked to the declined one. */
export const readdressReferral = action(
  async (id: string, input: { toStructureId: string; serviceId?: string; need?: string }) => {
    const result = await send<Created>(() => referrals[":id"].readdress.$post({ param: { id }, json: input }), 201);
    return json(result, { revalidate: result.kind === "done" ? changed() : [] });
  },
  "referralReaddress",
);

export const acceptReferral = action(async (id: string) => {
  const result: Outcome<unknown> = await send(() => referrals[":id"].accept.$post({ param: { id }, json: {} }), 200);
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "referralAccept");

export const declineReferral = action(async (id: string, reason: string) => {
  const result: Outcome<unknown> = await send(() => referrals[":id"].decline.$post({ param: { id }, json: { reason } }), 200);
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "referralDecline");

export const redirectReferral = action(
  async (id: string, input: { toStructureId: string; serviceId?: string; reason: string }) => {
    const result = await send<Redirected>(() => referrals[":id"].redirect.$post({ param: { id }, json: input }), 200);
    return json(result, { revalidate: result.kind === "done" ? changed() : [] });
  },
  "referralRedirect",
);

export const inviteToReferral = action(async (id: string, input: InvitationInput) => {
  const result = await send<Invitation>(() => referrals[":id"].invitation.$post({ param: { id }, json: input }), 200);
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "referralInvite");

/** The running invitation's slip again: a new code, the same link and end. */
export const reprintInvitation = action(async (id: string) => {
  const result = await send<Invitation>(() => referrals[":id"].invitation.reprint.$post({ param: { id }, json: {} }), 200);
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "referralReprint");

/** Books the referral's meeting; the same `idempotencyKey` never books twice. */
export const bookReferral = action(async (id: string, slotKey: string, idempotencyKey: string) => {
  const result = await send<ReferralBooking>(
    () => referrals[":id"].booking.$post({ param: { id }, json: { slotKey }, header: { "idempotency-key": idempotencyKey } }),
    201,
  );
  const stale =
    result.kind === "done" ? [...changed(), getReferralSlots.key] : result.kind === "taken" ? [getReferralSlots.key] : [];
  return json(result, { revalidate: stale });
}, "referralBook");

/** The SPRO structures that offer a service (serving a commune, when given): where one may refer someone for it. */
export const getTargetStructures = query(async (service: string, commune?: string): Promise<Structure[]> => {
  const response = await api.structures.$get({ query: { service, ...(commune && { commune }) } });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()).structures;
}, "referralTargets");

const orientation = hc<OrientationType>("/api/orientation");
export type Recommendation = InferResponseType<typeof orientation.index.$get, 200>["recommendations"][number];

/** The networks and structures « Trouver le bon interlocuteur » recommends for a profile (nothing is stored). */
export const getSuggestions = query(
  async (answers: { ageBand: AgeBand; situation: Situation; need: Need; disability: boolean; commune: string }) => {
    const response = await orientation.index.$get({
      query: { ...answers, disability: answers.disability ? "true" : "false" },
    });
    if (response.status !== 200) throw await toApiError(response);
    return (await response.json()).recommendations;
  },
  "referralSuggestions",
);
