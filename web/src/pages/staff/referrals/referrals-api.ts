import { action, json, query } from "@solidjs/router";
import { hc, type InferResponseType } from "hono/client";
import type { OrientationType, ReferralsType } from "../../../../../server/app.ts";
import { api, type Booking, type Mode, type Outcome, send, toApiError } from "../../../lib/api.ts";
import type { AgeBand, Need, Situation } from "../../../lib/orientation-words.ts";
import type { AppointmentOutcome, DeskSlot } from "../agenda/agenda-api.ts";

// The referrals' calls (orientations). Their answers are declared loosely on the server
// (`passthrough`): they are typed here, once, from what it returns
// (server/features/referrals/referrals.ts: referralView, timelineOf; routes.ts).

const referrals = hc<ReferralsType>("/api/referrals");

export type ReferralState = "sent" | "accepted" | "declined" | "redirected" | "booked" | "expired";
/** What a referrer follows: the state, or once booked what became of the meeting. */
export type FollowedStatus = ReferralState | AppointmentOutcome;
export type TimelineKind =
  | "created"
  | "invited"
  | "reminded"
  | "accepted"
  | "declined"
  | "redirected"
  | "booked"
  | "cancelled"
  | "outcome"
  | "expired";

export interface Referral {
  id: string;
  status: FollowedStatus;
  statusReason: string | null;
  need: string;
  createdAt: string;
  consentAt: string;
  from: { id: string; name: string };
  to: { id: string; slug: string; name: string };
  service: { id: string; slug: string; name: string };
  referrer: { firstName: string; lastName: string };
  person: {
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    phone: string | null;
    anonymisedAt: string | null;
  };
  redirectedFrom: { id: string; structure: string } | null;
  redirectedTo: { id: string; structure: string } | null;
  invitation: { sentAt: string | null; expiresAt: string } | null;
  appointment: {
    id: string;
    start: string;
    end: string;
    status: "booked" | "cancelled";
    outcome: AppointmentOutcome | null;
    mode: Mode;
    site: { name: string; address: string } | null;
  } | null;
}

export interface TimelineEvent {
  at: string;
  kind: TimelineKind;
  detail: string;
  by: { firstName: string; lastName: string } | null;
}

export interface ReferralDetail extends Referral {
  timeline: TimelineEvent[];
  can: { accept: boolean; decline: boolean; redirect: boolean; book: boolean; invite: boolean };
}

export interface NewReferral {
  fromStructureId: string;
  toStructureId: string;
  serviceId: string;
  person: { firstName: string; lastName: string; email?: string; phone?: string; commune?: string };
  need: string;
  consent: true;
}

/** The link and the code of an invitation: shown once, the previous ones stop working. */
export interface Invitation {
  url: string;
  code: string;
  expiresAt: string;
  sentTo: string | null;
}

export type Box = "sent" | "received";

/** The referrals sent by one's structures, or received by those where one handles them; the latest first. */
export const getReferrals = query(async (box: Box): Promise<Referral[]> => {
  const response = await referrals.index.$get({ query: { box } });
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { referrals: Referral[] }).referrals;
}, "referrals");

/** One referral; null when it is out of reach (404: unknown, or neither sent nor received by one's structures). */
export const getReferral = query(async (id: string): Promise<ReferralDetail | null> => {
  const response = await referrals[":id"].$get({ param: { id } });
  if (response.status === 404 || response.status === 422) return null;
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { referral: ReferralDetail }).referral;
}, "referral");

/** The first free slots of the target for the referral's service, from a day on (today by default). */
export const getReferralSlots = query(async (id: string, from?: string): Promise<DeskSlot[]> => {
  const response = await referrals[":id"].slots.$get({ param: { id }, query: from ? { from } : {} });
  if (response.status !== 200) throw await toApiError(response);
  return ((await response.json()) as unknown as { slots: DeskSlot[] }).slots;
}, "referralSlots");

const changed = () => [getReferral.key, getReferrals.key];

export const createReferral = action(async (input: NewReferral) => {
  const result = await send<{ id: string }>(() => referrals.index.$post({ json: input }), 201);
  return json(result, { revalidate: result.kind === "done" ? [getReferrals.key] : [] });
}, "referralCreate");

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
    const result = await send<{ id: string }>(() => referrals[":id"].redirect.$post({ param: { id }, json: input }), 200);
    return json(result, { revalidate: result.kind === "done" ? changed() : [] });
  },
  "referralRedirect",
);

export const inviteToReferral = action(async (id: string, input: { email: boolean; days?: number }) => {
  const result = await send<Invitation>(() => referrals[":id"].invitation.$post({ param: { id }, json: input }), 200);
  return json(result, { revalidate: result.kind === "done" ? changed() : [] });
}, "referralInvite");

/** Books the referral's meeting; the same `idempotencyKey` never books twice. */
export const bookReferral = action(async (id: string, slotKey: string, idempotencyKey: string) => {
  const result = await send<Booking>(
    () => referrals[":id"].booking.$post({ param: { id }, json: { slotKey }, header: { "idempotency-key": idempotencyKey } }),
    201,
  );
  const stale =
    result.kind === "done" ? [...changed(), getReferralSlots.key] : result.kind === "taken" ? [getReferralSlots.key] : [];
  return json(result, { revalidate: stale });
}, "referralBook");

export interface TargetStructure {
  id: string;
  name: string;
  network: { name: string };
}

/** The SPRO structures that offer a service (serving a commune, when given): where one may refer someone for it. */
export const getTargetStructures = query(async (service: string, commune?: string): Promise<TargetStructure[]> => {
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
