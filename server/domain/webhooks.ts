import { namesPrivateHost } from "./public-address.ts";

// Webhooks after the Standard Webhooks specification (https://www.standardwebhooks.com): what a
// structure may subscribe to, when a delivery is tried again, which URLs may be called, and what
// each event tells each structure. Pure: the sending is in server/webhooks/.

export const WEBHOOK_EVENTS = [
  "appointment_booked",
  "appointment_moved",
  "appointment_cancelled",
  "appointment_outcome",
  "referral_created",
  "referral_answered",
  "referral_outcome",
  "availability_changed",
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The event's `type` on the wire: « appointment.booked » for the column's appointment_booked. */
export const eventType = (event: WebhookEventName): string => event.replace("_", ".");

/**
 * Standard Webhooks' suggested schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
 * later — eight attempts over about 27 hours, enough for a receiver down over a night and a day.
 */
const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** How long to wait after failed attempt number `attempts` (1 for the first); null: it was the last. */
export function retryDelayAfter(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}

/** An endpoint failing this long without a single success is switched off and its admins told. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;

/**
 * Why an endpoint is switched off after a failed attempt, if it is: it has failed without a
 * success for a day, or a delivery has used all its attempts.
 */
export function disablingReason(failing: { since: Date; now: Date; exhausted: boolean }): string | null {
  if (failing.exhausted) return `un événement n'a pu être livré après ${MAX_ATTEMPTS} essais`;
  if (failing.now.getTime() - failing.since.getTime() >= DISABLE_AFTER_MS) return "aucune livraison réussie depuis 24 heures";
  return null;
}

/** Host names that never leave the machine or its network, whatever a resolver says. */

/**
 * Why a URL may not receive webhooks, if it may not: HTTPS only when the platform itself is
 * served over HTTPS (production), no credentials in it, and no host that names a private,
 * loopback, link-local or otherwise non-public address, unless `allowPrivate`. A name is only
 * judged here by its form: what it resolves to is checked when subscribing and at every
 * connection (http/public-address.ts).
 */
export function webhookUrlProblem(raw: string, rules: { httpsOnly: boolean; allowPrivate: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "adresse web complète attendue, par exemple https://exemple.fr/webhooks";
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !rules.httpsOnly)) {
    return rules.httpsOnly ? "l'adresse doit commencer par https://" : "l'adresse doit commencer par https:// ou http://";
  }
  if (url.username || url.password) return "l'adresse ne doit pas contenir d'identifiant ni de mot de passe";
  if (rules.allowPrivate) return null;
  return namesPrivateHost(url) ? "adresse privée ou locale refusée : le serveur doit être public" : null;
}

/** How a signing secret starts (Standard Webhooks): « whsec_ », then the base64 of random bytes. */
export const SECRET_PREFIX = "whsec_";

// ---------------------------------------------------------------------------------------------
// Payloads: what each structure is told, following the trust model (docs/ARCHITECTURE.md)

export interface AppointmentFacts {
  id: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  mode: string;
  channel: string;
  outcome: string | null;
  structure: { id: string; name: string };
  offering: { id: string };
  service: { id: string; slug: string; name: string };
  site: { id: string; name: string } | null;
  advisor: { id: string; firstName: string; lastName: string };
  person: { firstName: string; lastName: string; email: string | null; phone: string | null };
}

/**
 * An appointment as its own structure's systems see it: the meeting and its person in full (the
 * structure serves them), never its notes nor the person's private link. Sent to that structure
 * only: a shared advisor's other structures see busy time, and no event.
 */
export function appointmentData(a: AppointmentFacts, extra: { previous?: { startsAt: Date; endsAt: Date } } = {}) {
  return {
    id: a.id,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    mode: a.mode,
    channel: a.channel,
    outcome: a.outcome,
    structure: a.structure,
    offering: a.offering,
    service: a.service,
    site: a.site,
    advisor: a.advisor,
    person: a.person,
    ...(extra.previous && {
      previous: { startsAt: extra.previous.startsAt.toISOString(), endsAt: extra.previous.endsAt.toISOString() },
    }),
  };
}

export interface ReferralFacts {
  id: string;
  status: string;
  statusReason: string | null;
  need: string;
  createdAt: Date;
  from: { id: string; name: string };
  to: { id: string; name: string };
  service: { id: string; name: string };
  person: { firstName: string; lastName: string; email: string | null; phone: string | null };
  appointment: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    mode: string;
    status: string;
    outcome: string | null;
    site: { name: string } | null;
  } | null;
}

/**
 * A referral for one structure: the target receives it in full (the need, the person); a sender
 * (or a structure that sent those it continues) sees what it sent, the answer and the meeting it
 * led to — time, place, outcome — never the target's notes nor the meeting's id in its agenda.
 */
export function referralData(r: ReferralFacts, audience: "target" | "sender") {
  const common = {
    id: r.id,
    status: r.status,
    statusReason: r.statusReason,
    createdAt: r.createdAt.toISOString(),
    from: r.from,
    to: r.to,
    service: r.service,
    person: r.person,
  };
  if (audience === "target") return { ...common, need: r.need, appointmentId: r.appointment?.id ?? null };
  const meeting = r.appointment && {
    startsAt: r.appointment.startsAt.toISOString(),
    endsAt: r.appointment.endsAt.toISOString(),
    mode: r.appointment.mode,
    status: r.appointment.status,
    outcome: r.appointment.outcome,
    place: r.appointment.site?.name ?? null,
  };
  return { ...common, meeting };
}

/** A change of an advisor's availability: who and when, no person, no reason. */
export function availabilityData(change: {
  structureId: string;
  advisorId: string;
  kind: string;
  from: string | null;
  to: string | null;
}) {
  return {
    structure: { id: change.structureId },
    advisor: { id: change.advisorId },
    change: change.kind,
    period: { from: change.from, to: change.to },
  };
}
