import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { seal } from "../../server/db/sealed.ts";
import { sessionKeyOf } from "../../server/domain/availability.ts";
import { sessionSegment } from "../../server/domain/session-path.ts";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { TEST_SECRET } from "../helpers/app.ts";
import { ROLES, type Role, useStaffApp } from "../helpers/staff.ts";

// The authorization matrix: every staff endpoint, as every role, on their own structure and
// on another one. Allowed, 403 (the role does not open this at all) or 404 (a record out of
// their scope looks like one that does not exist). The list of endpoints is checked against
// the API's OpenAPI document, so that a new endpoint cannot escape the matrix.

const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
/** A third structure offering the VAE (bookableDirectory's CIBC of Lille), where a declined referral may go. */
let cibcId = "";
beforeAll(async () => {
  cibcId = (await env.db.prisma.structure.findUniqueOrThrow({ where: { slug: "cibc-lille" } })).id;
});

type Target = "own" | "other";
/**
 * region: the Région only · directory: the Région and structure admins · structure: theirs only ·
 * signedIn: anyone signed in · agenda: advisors, reception and structure admins, their structure's
 * people only · ownAgenda: the same, for their own agenda · availability: an advisor's own ranges, or
 * their structure admin's · member: anyone working for a structure · referFrom: refer from one's own
 * structure · referral: a referral to the target structure, sent by the partner's referrer — its
 * target's staff and its sender see it · referralInbox: its target's staff only · referralSender: its
 * sender only (its target's staff see it: 403) · figures: the
 * Région and coordinators · territoryFigures: the same, a coordinator only on a structure of their
 * territory (the own one) · structureExport: a structure's admins only (its advisors: 403) ·
 * ownCalendar: an advisor's own calendar, advisors only (whatever the structure) · tokenIssue:
 * making a structure's API token, its admin members only (the Région: 403, it only oversees them).
 */
type Rule =
  | "region"
  | "directory"
  | "structure"
  | "signedIn"
  | "agenda"
  | "ownAgenda"
  | "availability"
  | "member"
  | "referFrom"
  | "referral"
  | "referralInbox"
  | "referralSender"
  | "figures"
  | "territoryFigures"
  | "structureExport"
  | "ownCalendar"
  | "tokenIssue";
// (ownAgenda also covers what staff may do in any structure: book an offering open to staff.)
interface Endpoint {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The OpenAPI path, e.g. /admin/sites/{id}. */
  route: string;
  rule: Rule;
  /** The status of an allowed call (a 409 shows the request went past authorization). */
  ok: 200 | 201 | 409;
  /** The concrete path for a target; may create what a destructive call consumes. */
  path: (target: Target) => string | Promise<string>;
  body?: (target: Target) => unknown;
  headers?: Record<string, string>;
}

let n = 0;
const fresh = () => ++n;
const structureOf = (t: Target) => (t === "own" ? env.fx.structure : env.fx.other);
/** A webhook of the target structure, made for a call that may consume it. */
const webhookIn = async (t: Target) =>
  (
    await env.db.prisma.webhookEndpoint.create({
      data: {
        structureId: structureOf(t).id,
        url: "https://93.184.215.14/webhooks",
        events: ["appointment_booked"],
        secret: {},
        createdById: env.fx.users.regionalAdmin.id,
        createdAt: clock.now(),
      },
    })
  ).id;
const siteOf = (t: Target) => (t === "own" ? env.fx.site : env.fx.other.sites[0])?.id;
const offeringOf = (t: Target) => (t === "own" ? env.fx.offering : env.fx.other.offerings[0])?.id;
const advisorOf = (t: Target) => (t === "own" ? env.fx.users.advisor : env.fx.otherAdvisor);
const membershipOf = async (t: Target) =>
  (await env.db.prisma.membership.findFirstOrThrow({ where: { userId: advisorOf(t).id, structureId: structureOf(t).id } })).id;
const UNRESOLVED_CALENDAR = "https://calendrier.invalid/agenda.ics";
/** Both advisors' calendars connected and not read lately, for a call that needs one. */
const advisorsCalendars = (path: string) => async () => {
  for (const advisorId of [env.fx.users.advisor.id, env.fx.users.sharedAdvisor.id]) {
    const now = clock.now();
    const url = seal(TEST_SECRET, { url: UNRESOLVED_CALENDAR });
    await env.db.prisma.busyCalendar.upsert({
      where: { advisorId },
      create: { advisorId, url: { ...url }, dueAt: now, createdAt: now },
      update: { readAt: null, leaseUntil: null },
    });
  }
  return path;
};
const invitedIn = async (t: Target) =>
  (
    await env.db.prisma.staffUser.create({
      data: {
        email: `invite-${fresh()}@staff.test`,
        firstName: "Invité",
        lastName: "Test",
        memberships: { create: [{ structureId: structureOf(t).id, role: "advisor" }] },
      },
    })
  ).id;

/** A past meeting (so that its outcome can be noted) in the target structure, or a coming one. */
/** A well-formed key of the target's offering and advisor, by phone at `start`, a time nobody works. */
const unworkedSlotKey = (t: Target, start: string) =>
  encodeSlotKey({
    offeringId: offeringOf(t) ?? "",
    advisorId: advisorOf(t).id,
    siteId: null,
    mode: "phone",
    start: new Date(start),
  });

const appointmentIn = async (t: Target, when: "past" | "coming" = "past") => {
  const person = await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand", phone: "+33612345678" } });
  const startsAt = new Date(Date.UTC(2026, when === "past" ? 9 : 11, 1) + fresh() * 3_600_000);
  const offering = t === "own" ? env.fx.offering : env.fx.other.offerings[0];
  const appointment = await env.db.prisma.appointment.create({
    data: {
      offeringId: offering?.id ?? "",
      structureId: structureOf(t).id,
      mode: "phone",
      advisorId: t === "own" ? env.fx.advisor.id : env.fx.otherAdvisor.id,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      channel: "online",
    },
  });
  return appointment.id;
};

/**
 * A collective session of one seat in the target structure (its address's key), past or coming;
 * `seatId` names the seat when a body must name it before the path is made.
 */
const sessionIn = async (t: Target, when: "past" | "coming" = "past", seatId: string = randomUUID()) => {
  const person = await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand", phone: "+33612345678" } });
  const startsAt = new Date(Date.UTC(2026, when === "past" ? 9 : 11, 1) + fresh() * 3_600_000);
  const offeringId = sessionOfferingOf(t);
  const advisorId = sessionAdvisorOf(t);
  const sessionKey = sessionKeyOf(offeringId, advisorId, startsAt);
  await env.db.prisma.appointment.create({
    data: {
      id: seatId,
      offeringId,
      structureId: structureOf(t).id,
      mode: "phone",
      advisorId,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      sessionKey,
      channel: "online",
    },
  });
  return { segment: sessionSegment(sessionKey) };
};
const sessionOfferingOf = (t: Target) => (t === "own" ? env.fx.collective.offeringId : (env.fx.other.offerings[0]?.id ?? ""));
const sessionAdvisorOf = (t: Target) => (t === "own" ? env.fx.advisor.id : env.fx.otherAdvisor.id);
let attendingSeat = "";

/** A question of « Questions / Réponses », for a call that edits or deletes one. */
const faqEntry = async () =>
  (
    await env.db.prisma.faqEntry.create({
      data: { slug: `entree-${fresh()}`, position: 1, question: "Une question ?", answer: "Une réponse." },
    })
  ).id;

/** A rule of the orientation table (the fixture's table has no fallback: rules may be added one by one). */
const routingRule = async () =>
  (
    await env.db.prisma.routingRule.create({
      data: { position: fresh(), networkId: env.fx.structure.networkId, reason: "Parce que." },
    })
  ).id;

/** A referral from the partner's referrer to the target structure, for the service it offers. */
const referralTo = async (t: Target) => {
  const person = await env.db.prisma.person.create({ data: { firstName: "Sami", lastName: "Orienté" } });
  const serviceId = t === "own" ? env.fx.services.vae.id : env.fx.services.cep.id;
  const referral = await env.db.prisma.referral.create({
    data: {
      fromStructureId: env.fx.partner.id,
      referrerId: env.fx.users.referrer.id,
      toStructureId: structureOf(t).id,
      serviceId,
      personId: person.id,
      need: "Projet à construire.",
      consentAt: new Date("2026-10-26T08:00:00Z"),
    },
  });
  return referral.id;
};
/** The same, declined by its target: its sender may send the person elsewhere. */
const declinedReferralTo = async (t: Target) => {
  const id = await referralTo(t);
  await env.db.prisma.referral.update({ where: { id }, data: { status: "declined", statusReason: "Complet." } });
  return id;
};
/** Someone with no meeting waiting for the target structure's offering. */
const waitingIn = async (t: Target) => {
  const person = await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } });
  const entry = await env.db.prisma.waitlistEntry.create({
    data: {
      offeringId: offeringOf(t) ?? "",
      personId: person.id,
      otherwiseAt: new Date("2026-12-01T09:00:00Z"),
      channel: "online",
    },
  });
  return entry.id;
};
/** A live API token of the target structure, made by its admin (the other one's, by the Région). */
const apiTokenIn = async (t: Target) =>
  (
    await env.db.prisma.apiToken.create({
      data: {
        structureId: structureOf(t).id,
        name: "Logiciel",
        tokenHash: randomUUID().replaceAll("-", "").padEnd(64, "0"),
        prefix: "rdv_test",
        permissions: ["referrals_read"],
        createdById: t === "own" ? env.fx.users.structureAdmin.id : env.fx.users.regionalAdmin.id,
        createdAt: new Date("2026-10-26T08:00:00Z"),
      },
    })
  ).id;
const opposite = (t: Target): Target => (t === "own" ? "other" : "own");

/** A person met in the target structure (a cancelled meeting: nothing to come, so erasure goes through). */
const personIn = async (t: Target) => {
  const person = await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } });
  await env.db.prisma.appointment.create({
    data: {
      offeringId: offeringOf(t) ?? "",
      structureId: structureOf(t).id,
      mode: "phone",
      advisorId: t === "own" ? env.fx.advisor.id : env.fx.otherAdvisor.id,
      personId: person.id,
      startsAt: new Date("2026-06-01T08:00:00Z"),
      endsAt: new Date("2026-06-01T08:30:00Z"),
      status: "cancelled",
      channel: "online",
    },
  });
  return person.id;
};

/** The advisor whose availability is edited: the signed-in advisor in their structure, another elsewhere. */
const editedAdvisor = (t: Target) => (t === "own" ? env.fx.users.advisor : env.fx.otherAdvisor).id;
const ruleBody = (t: Target) => ({
  siteId: null,
  modes: ["phone"],
  weekdays: [6],
  startTime: "09:00",
  endTime: "10:00",
  validFrom: "2027-01-02",
  offeringIds: [offeringOf(t)],
});
const ruleOf = async (t: Target) => {
  const { offeringIds: _, validFrom, ...rule } = ruleBody(t);
  const created = await env.db.prisma.availabilityRule.create({
    data: {
      ...rule,
      modes: ["phone"],
      advisorId: editedAdvisor(t),
      structureId: structureOf(t).id,
      validFrom: new Date(validFrom),
      offerings: { create: [{ offeringId: offeringOf(t) ?? "" }] },
    },
  });
  return created.id;
};

const OCTOBER = "from=2026-10-01&to=2026-10-31";
const ENDPOINTS: Endpoint[] = [
  { method: "GET", route: "/dashboards/filters", rule: "figures", ok: 200, path: () => "/dashboards/filters" },
  {
    method: "GET",
    route: "/dashboards",
    rule: "territoryFigures",
    ok: 200,
    path: (t) => `/dashboards?${OCTOBER}&structure=${structureOf(t).id}`,
  },
  {
    method: "GET",
    route: "/dashboards/export",
    rule: "territoryFigures",
    ok: 200,
    path: (t) => `/dashboards/export?${OCTOBER}&table=activity&structure=${structureOf(t).id}`,
  },
  {
    method: "GET",
    route: "/agenda/export",
    rule: "structureExport",
    ok: 200,
    path: (t) => `/agenda/export?${OCTOBER}&structure=${structureOf(t).id}`,
  },
  { method: "GET", route: "/calendar-feed", rule: "ownAgenda", ok: 200, path: () => "/calendar-feed" },
  { method: "GET", route: "/busy-calendar", rule: "ownCalendar", ok: 200, path: () => "/busy-calendar" },
  { method: "GET", route: "/referrals", rule: "member", ok: 200, path: () => "/referrals?box=sent" },
  { method: "GET", route: "/referrals/pending", rule: "member", ok: 200, path: () => "/referrals/pending" },
  { method: "GET", route: "/notices", rule: "signedIn", ok: 200, path: () => "/notices" },
  {
    method: "PUT",
    route: "/notices",
    rule: "signedIn",
    ok: 200,
    path: () => "/notices",
    body: () => ({ choices: [{ kind: "agenda_booked", delivery: "every" }] }),
  },
  {
    method: "GET",
    route: "/referrals/{id}/targets",
    rule: "referral",
    ok: 200,
    path: async (t) => `/referrals/${await referralTo(t)}/targets?service=${env.fx.services.vae.id}`,
  },
  {
    method: "POST",
    route: "/referrals/{id}/readdress",
    rule: "referralSender",
    ok: 201,
    path: async (t) => `/referrals/${await declinedReferralTo(t)}/readdress`,
    // Elsewhere, for the VAE: the CIBC of Lille after the PIC's refusal, the PIC after the CIO's.
    body: (t) => ({
      toStructureId: t === "own" ? cibcId : env.fx.structure.id,
      serviceId: env.fx.services.vae.id,
    }),
  },
  {
    method: "POST",
    route: "/referrals",
    rule: "referFrom",
    ok: 201,
    path: () => "/referrals",
    body: (t) => ({
      fromStructureId: structureOf(t).id,
      toStructureId: structureOf(opposite(t)).id,
      serviceId: t === "own" ? env.fx.services.cep.id : env.fx.services.vae.id,
      person: { firstName: "Sami", lastName: "Orienté" },
      need: "Projet à construire.",
      consent: true,
    }),
  },
  { method: "GET", route: "/referrals/{id}", rule: "referral", ok: 200, path: async (t) => `/referrals/${await referralTo(t)}` },
  {
    method: "GET",
    route: "/referrals/{id}/slots",
    rule: "referral",
    ok: 200,
    path: async (t) => `/referrals/${await referralTo(t)}/slots`,
  },
  {
    method: "POST",
    route: "/referrals/{id}/invitation",
    rule: "referral",
    ok: 200,
    path: async (t) => `/referrals/${await referralTo(t)}/invitation`,
    body: () => ({ email: false }),
  },
  {
    method: "POST",
    route: "/referrals/{id}/invitation/reprint",
    rule: "referral",
    // No invitation runs: authorized callers reach that check.
    ok: 409,
    path: async (t) => `/referrals/${await referralTo(t)}/invitation/reprint`,
    body: () => ({}),
  },
  {
    method: "POST",
    route: "/referrals/{id}/booking",
    rule: "referral",
    ok: 409,
    path: async (t) => `/referrals/${await referralTo(t)}/booking`,
    // A well-formed key for a time nobody works: authorized callers reach the slot check.
    body: (t) => ({ slotKey: unworkedSlotKey(t, "2026-11-01T03:00:00Z") }),
    headers: { "Idempotency-Key": "cle-de-test-orientation" },
  },
  {
    method: "POST",
    route: "/referrals/{id}/accept",
    rule: "referralInbox",
    ok: 200,
    path: async (t) => `/referrals/${await referralTo(t)}/accept`,
    body: () => ({}),
  },
  {
    method: "POST",
    route: "/referrals/{id}/decline",
    rule: "referralInbox",
    ok: 200,
    path: async (t) => `/referrals/${await referralTo(t)}/decline`,
    body: () => ({ reason: "Hors de notre champ." }),
  },
  {
    method: "POST",
    route: "/referrals/{id}/redirect",
    rule: "referralInbox",
    ok: 200,
    path: async (t) => `/referrals/${await referralTo(t)}/redirect`,
    body: (t) => ({
      toStructureId: structureOf(opposite(t)).id,
      serviceId: t === "own" ? env.fx.services.cep.id : env.fx.services.vae.id,
      reason: "Mieux placé.",
    }),
  },
  { method: "POST", route: "/calendar-feed", rule: "ownAgenda", ok: 201, path: () => "/calendar-feed", body: () => ({}) },
  { method: "DELETE", route: "/calendar-feed", rule: "ownAgenda", ok: 200, path: () => "/calendar-feed" },
  // An address that never resolves (RFC 6761): allowed, the read fails at once and says so.
  {
    method: "PUT",
    route: "/busy-calendar",
    rule: "ownCalendar",
    ok: 200,
    path: () => "/busy-calendar",
    body: () => ({ url: UNRESOLVED_CALENDAR }),
  },
  {
    method: "POST",
    route: "/busy-calendar/refresh",
    rule: "ownCalendar",
    ok: 200,
    path: advisorsCalendars("/busy-calendar/refresh"),
    body: () => ({}),
  },
  { method: "DELETE", route: "/busy-calendar", rule: "ownCalendar", ok: 200, path: advisorsCalendars("/busy-calendar") },
  {
    method: "GET",
    route: "/availability",
    rule: "availability",
    ok: 200,
    path: (t) => `/availability?advisor=${editedAdvisor(t)}&structure=${structureOf(t).id}`,
  },
  {
    method: "POST",
    route: "/availability/rules",
    rule: "availability",
    ok: 201,
    path: () => "/availability/rules",
    body: (t) => ({ advisorId: editedAdvisor(t), structureId: structureOf(t).id, ...ruleBody(t) }),
  },
  {
    method: "PATCH",
    route: "/availability/rules/{id}",
    rule: "availability",
    ok: 200,
    path: async (t) => `/availability/rules/${await ruleOf(t)}`,
    body: () => ({ endTime: "10:30" }),
  },
  {
    method: "DELETE",
    route: "/availability/rules/{id}",
    rule: "availability",
    ok: 200,
    path: async (t) => `/availability/rules/${await ruleOf(t)}`,
  },
  {
    method: "POST",
    route: "/availability/absences",
    rule: "availability",
    ok: 201,
    path: () => "/availability/absences",
    body: (t) => ({
      advisorId: editedAdvisor(t),
      structureId: structureOf(t).id,
      start: "2027-01-04T09:00",
      end: "2027-01-04T12:00",
    }),
  },
  {
    method: "DELETE",
    route: "/availability/absences/{id}",
    rule: "availability",
    ok: 200,
    path: async (t) => {
      const start = new Date(Date.UTC(2027, 1, 1) + fresh() * 86_400_000);
      const absence = await env.db.prisma.absence.create({
        data: { advisorId: editedAdvisor(t), startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) },
      });
      return `/availability/absences/${absence.id}`;
    },
  },
  {
    method: "GET",
    route: "/desk/people",
    rule: "agenda",
    ok: 200,
    path: (t) => `/desk/people?structure=${structureOf(t).id}&q=Durand`,
  },
  {
    method: "GET",
    route: "/desk/offerings",
    rule: "ownAgenda",
    ok: 200,
    path: (t) => `/desk/offerings?structure=${structureOf(t).id}`,
  },
  { method: "GET", route: "/desk/structures", rule: "ownAgenda", ok: 200, path: () => "/desk/structures" },
  { method: "GET", route: "/desk/slots", rule: "ownAgenda", ok: 200, path: (t) => `/desk/slots?offering=${offeringOf(t)}` },
  {
    method: "POST",
    route: "/desk/bookings",
    rule: "ownAgenda",
    ok: 409,
    path: () => "/desk/bookings",
    // A well-formed key for a time nobody works: authorized callers reach the slot check.
    body: () => ({
      slotKey: encodeSlotKey({
        offeringId: env.fx.offering.id,
        advisorId: env.fx.advisor.id,
        siteId: null,
        mode: "phone",
        start: new Date("2026-11-01T03:00:00Z"),
      }),
      person: { firstName: "Léa", lastName: "Durand" },
    }),
    headers: { "Idempotency-Key": "cle-de-test-unique" },
  },
  {
    method: "GET",
    route: "/agenda/waitlist",
    rule: "agenda",
    ok: 200,
    path: (t) => `/agenda/waitlist?structure=${structureOf(t).id}&ended=true`,
  },
  {
    method: "POST",
    route: "/agenda/waitlist",
    rule: "agenda",
    ok: 201,
    path: () => "/agenda/waitlist",
    body: (t) => ({ offering: offeringOf(t), person: { firstName: "Léa", lastName: "Durand", phone: "0612345678" } }),
  },
  {
    method: "DELETE",
    route: "/agenda/waitlist/{id}",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/waitlist/${await waitingIn(t)}`,
  },
  {
    method: "POST",
    route: "/referrals/{id}/waitlist",
    rule: "referralInbox",
    ok: 201,
    path: async (t) => `/referrals/${await referralTo(t)}/waitlist`,
    body: () => ({}),
  },
  { method: "GET", route: "/agenda", rule: "ownAgenda", ok: 200, path: () => "/agenda?from=2026-10-26&to=2026-11-01" },
  {
    method: "GET",
    route: "/agenda",
    rule: "agenda",
    ok: 200,
    path: (t) => `/agenda?from=2026-10-26&to=2026-11-01&structure=${structureOf(t).id}`,
  },
  {
    method: "GET",
    route: "/agenda/appointments/{id}",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t)}`,
  },
  {
    method: "POST",
    route: "/agenda/appointments/{id}/outcome",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t)}/outcome`,
    body: () => ({ outcome: "honoured" }),
  },
  {
    method: "PATCH",
    route: "/agenda/appointments/{id}",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t)}`,
    body: () => ({ notes: "Note privée." }),
  },
  {
    method: "POST",
    route: "/agenda/appointments/{id}/confirmation",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t, "coming")}/confirmation`,
    body: () => ({ email: "lea.durand@example.org" }),
  },
  {
    method: "GET",
    route: "/agenda/appointments/{id}/confirmation",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t, "coming")}/confirmation`,
  },
  {
    method: "POST",
    route: "/agenda/appointments/{id}/move",
    rule: "agenda",
    ok: 409,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t, "coming")}/move`,
    // A well-formed key of the structure's offering at a time nobody works: authorized callers reach the slot check.
    body: (t) => ({ slotKey: unworkedSlotKey(t, "2026-12-20T03:00:00Z") }),
  },
  {
    method: "POST",
    route: "/agenda/appointments/{id}/cancel",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/appointments/${await appointmentIn(t)}/cancel`,
    body: () => ({ reason: "Absence de la conseillère" }),
  },
  {
    method: "GET",
    route: "/agenda/sessions/{key}",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/sessions/${(await sessionIn(t)).segment}`,
  },
  {
    method: "POST",
    route: "/agenda/sessions/{key}/attendance",
    rule: "agenda",
    ok: 200,
    // The body names the seat the path then makes.
    body: () => {
      attendingSeat = randomUUID();
      return { attendance: [{ appointmentId: attendingSeat, outcome: "honoured" }] };
    },
    path: async (t) => `/agenda/sessions/${(await sessionIn(t, "past", attendingSeat)).segment}/attendance`,
  },
  {
    method: "POST",
    route: "/agenda/sessions/{key}/cancel",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/sessions/${(await sessionIn(t, "coming")).segment}/cancel`,
    body: () => ({ reason: "Salle indisponible" }),
  },
  {
    method: "GET",
    route: "/agenda/sessions/{key}/slots",
    rule: "agenda",
    ok: 200,
    path: async (t) => `/agenda/sessions/${(await sessionIn(t, "coming")).segment}/slots`,
  },
  {
    method: "POST",
    route: "/agenda/sessions/{key}/move",
    rule: "agenda",
    // A time the advisor does not work: past authorization, the move is refused (409).
    ok: 409,
    path: async (t) => `/agenda/sessions/${(await sessionIn(t, "coming")).segment}/move`,
    body: (t) => ({
      slotKey: encodeSlotKey({
        offeringId: sessionOfferingOf(t),
        advisorId: sessionAdvisorOf(t),
        siteId: null,
        mode: "phone",
        start: new Date("2026-12-25T03:00:00Z"),
      }),
    }),
  },
  { method: "GET", route: "/auth/me", rule: "signedIn", ok: 200, path: () => "/auth/me" },
  { method: "GET", route: "/admin/networks", rule: "directory", ok: 200, path: () => "/admin/networks" },
  {
    method: "POST",
    route: "/admin/networks",
    rule: "region",
    ok: 201,
    path: () => "/admin/networks",
    body: () => ({ slug: `reseau-${fresh()}`, name: "Réseau", kind: "spro" }),
  },
  {
    method: "PATCH",
    route: "/admin/networks/{id}",
    rule: "region",
    ok: 200,
    path: () => `/admin/networks/${env.fx.structure.networkId}`,
    body: () => ({ description: "Réseau des PIC VAE." }),
  },
  { method: "GET", route: "/admin/structures", rule: "directory", ok: 200, path: () => "/admin/structures" },
  {
    method: "POST",
    route: "/admin/structures",
    rule: "region",
    ok: 201,
    path: () => "/admin/structures",
    body: () => ({ slug: `structure-${fresh()}`, name: "Nouvelle structure", networkId: env.fx.structure.networkId }),
  },
  {
    method: "GET",
    route: "/admin/structures/{id}",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/structures/${structureOf(t).id}`,
  },
  {
    method: "PATCH",
    route: "/admin/structures/{id}",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/structures/${structureOf(t).id}`,
    body: () => ({ description: `Accueil sur rendez-vous (${fresh()}).` }),
  },
  {
    method: "POST",
    route: "/admin/structures/{id}/sites",
    rule: "structure",
    ok: 201,
    path: (t) => `/admin/structures/${structureOf(t).id}/sites`,
    body: () => ({ name: `Antenne ${fresh()}`, address: "3 rue de Paris", postcode: "59000", communeCode: "59350" }),
  },
  {
    method: "PATCH",
    route: "/admin/sites/{id}",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/sites/${siteOf(t)}`,
    body: () => ({ accessInfo: "Ascenseur au fond de la cour." }),
  },
  {
    method: "POST",
    route: "/admin/structures/{id}/offerings",
    rule: "structure",
    ok: 201,
    path: (t) => `/admin/structures/${structureOf(t).id}/offerings`,
    body: () => ({ serviceId: env.fx.spareServices[fresh() % 12]?.id, durationMinutes: 30, modes: ["phone"] }),
  },
  {
    method: "PATCH",
    route: "/admin/offerings/{id}",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/offerings/${offeringOf(t)}`,
    body: () => ({ instructions: "Apportez votre CV." }),
  },
  {
    method: "POST",
    route: "/admin/structures/{id}/members",
    rule: "structure",
    ok: 201,
    path: (t) => `/admin/structures/${structureOf(t).id}/members`,
    body: () => ({ email: `recrue-${fresh()}@staff.test`, firstName: "Léa", lastName: "Recrue", role: "advisor" }),
  },
  {
    method: "DELETE",
    route: "/admin/invitations/{id}",
    rule: "structure",
    ok: 200,
    path: async (t) => {
      const invitation = await env.db.prisma.membershipInvitation.create({
        data: {
          tokenHash: `jeton-${fresh()}`,
          structureId: structureOf(t).id,
          email: `invitee-${fresh()}@staff.test`,
          firstName: "Invitée",
          lastName: "Test",
          role: "advisor",
          createdAt: clock.now(),
          expiresAt: new Date(clock.now().getTime() + 86_400_000),
        },
      });
      return `/admin/invitations/${invitation.id}`;
    },
  },
  {
    method: "PATCH",
    route: "/admin/memberships/{id}",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/memberships/${await membershipOf(t)}`,
    body: () => ({ role: "advisor" }),
  },
  {
    method: "DELETE",
    route: "/admin/memberships/{id}",
    rule: "structure",
    ok: 200,
    path: async (t) => {
      const userId = await invitedIn(t);
      const m = await env.db.prisma.membership.findFirstOrThrow({ where: { userId } });
      return `/admin/memberships/${m.id}`;
    },
  },
  { method: "GET", route: "/admin/users", rule: "directory", ok: 200, path: () => "/admin/users" },
  {
    method: "POST",
    route: "/admin/users",
    rule: "region",
    ok: 201,
    path: () => "/admin/users",
    body: () => ({
      email: `coordination-${fresh()}@staff.test`,
      firstName: "Marc",
      lastName: "Coord",
      territoryIds: [env.fx.territory.id],
    }),
  },
  {
    method: "PATCH",
    route: "/admin/users/{id}",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/users/${advisorOf(t).id}`,
    body: () => ({ lastName: "Conseil" }),
  },
  {
    method: "POST",
    route: "/admin/users/{id}/invitation",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/users/${await invitedIn(t)}/invitation`,
    body: () => ({}),
  },
  { method: "GET", route: "/admin/territories", rule: "region", ok: 200, path: () => "/admin/territories" },
  {
    method: "POST",
    route: "/admin/territories",
    rule: "region",
    ok: 201,
    path: () => "/admin/territories",
    body: () => ({ slug: `territoire-${fresh()}`, name: "Territoire", communes: ["59512"] }),
  },
  {
    method: "PATCH",
    route: "/admin/territories/{id}",
    rule: "region",
    ok: 200,
    path: () => `/admin/territories/${env.fx.territory.id}`,
    body: () => ({ name: "Métropole lilloise" }),
  },
  {
    method: "GET",
    route: "/admin/structures/{id}/api-tokens",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/structures/${structureOf(t).id}/api-tokens`,
  },
  {
    method: "POST",
    route: "/admin/structures/{id}/api-tokens",
    rule: "tokenIssue",
    ok: 201,
    path: (t) => `/admin/structures/${structureOf(t).id}/api-tokens`,
    body: () => ({ name: "Logiciel de suivi", permissions: ["referrals_read"] }),
  },
  {
    method: "POST",
    route: "/admin/api-tokens/{id}/revoke",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/api-tokens/${await apiTokenIn(t)}/revoke`,
    body: () => ({}),
  },
  {
    method: "POST",
    route: "/admin/structures/{id}/closures",
    rule: "structure",
    ok: 201,
    path: (t) => `/admin/structures/${structureOf(t).id}/closures`,
    body: () => ({ startDate: "2027-08-10", endDate: "2027-08-14", reason: "Fermeture estivale" }),
  },
  {
    method: "DELETE",
    route: "/admin/closures/{id}",
    rule: "structure",
    ok: 200,
    path: async (t) => {
      const closure = await env.db.prisma.closure.create({
        data: { structureId: structureOf(t).id, startDate: new Date("2027-01-02"), endDate: new Date("2027-01-02") },
      });
      return `/admin/closures/${closure.id}`;
    },
  },
  { method: "GET", route: "/admin/audit", rule: "region", ok: 200, path: () => "/admin/audit" },
  { method: "GET", route: "/admin/outbox", rule: "directory", ok: 200, path: () => "/admin/outbox" },
  {
    method: "POST",
    route: "/admin/outbox/{id}/resend",
    rule: "structure",
    ok: 200,
    path: async (t) => {
      const message = await env.db.prisma.outboxMessage.create({
        data: {
          type: "appointment.booked",
          channel: "sms",
          recipient: "+33612345678",
          payload: {},
          dueAt: clock.now(),
          status: "failed",
          appointmentId: await appointmentIn(t, "coming"),
        },
      });
      return `/admin/outbox/${message.id}/resend`;
    },
    body: () => ({}),
  },
  {
    method: "GET",
    route: "/admin/structures/{id}/webhooks",
    rule: "structure",
    ok: 200,
    path: (t) => `/admin/structures/${structureOf(t).id}/webhooks`,
  },
  {
    method: "POST",
    route: "/admin/structures/{id}/webhooks",
    rule: "structure",
    ok: 201,
    path: (t) => `/admin/structures/${structureOf(t).id}/webhooks`,
    // A public address given as such: nothing is sent to it here, and no name is looked up.
    body: () => ({ url: "https://93.184.215.14/webhooks", events: ["appointment_booked"] }),
  },
  {
    method: "PATCH",
    route: "/admin/webhooks/{id}",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/webhooks/${await webhookIn(t)}`,
    body: () => ({ description: "SI" }),
  },
  {
    method: "DELETE",
    route: "/admin/webhooks/{id}",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/webhooks/${await webhookIn(t)}`,
  },
  {
    method: "POST",
    route: "/admin/webhooks/{id}/secret",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/webhooks/${await webhookIn(t)}/secret`,
    body: () => ({}),
  },
  {
    method: "GET",
    route: "/admin/webhooks/{id}/deliveries",
    rule: "structure",
    ok: 200,
    path: async (t) => `/admin/webhooks/${await webhookIn(t)}/deliveries`,
  },
  {
    method: "POST",
    route: "/admin/webhook-deliveries/{id}/resend",
    rule: "structure",
    ok: 200,
    path: async (t) => {
      const delivery = await env.db.prisma.webhookDelivery.create({
        data: {
          endpointId: await webhookIn(t),
          event: "appointment_booked",
          payload: {},
          createdAt: clock.now(),
          dueAt: clock.now(),
          status: "failed",
        },
      });
      return `/admin/webhook-deliveries/${delivery.id}/resend`;
    },
    body: () => ({}),
  },
  { method: "GET", route: "/admin/settings", rule: "region", ok: 200, path: () => "/admin/settings" },
  {
    method: "PATCH",
    route: "/admin/settings",
    rule: "region",
    ok: 200,
    path: () => "/admin/settings",
    body: () => ({ retentionMonths: 24 }),
  },
  {
    method: "GET",
    route: "/admin/settings/retention-preview",
    rule: "region",
    ok: 200,
    path: () => "/admin/settings/retention-preview?months=12",
  },
  { method: "GET", route: "/admin/job-runs", rule: "region", ok: 200, path: () => "/admin/job-runs" },
  { method: "GET", route: "/people/{id}", rule: "structure", ok: 200, path: async (t) => `/people/${await personIn(t)}` },
  {
    method: "GET",
    route: "/people/{id}/export",
    rule: "structure",
    ok: 200,
    path: async (t) => `/people/${await personIn(t)}/export`,
  },
  {
    method: "POST",
    route: "/people/{id}/erase",
    rule: "structure",
    ok: 200,
    path: async (t) => `/people/${await personIn(t)}/erase`,
    body: () => ({ confirm: true }),
  },
  { method: "GET", route: "/admin/routing-rules", rule: "region", ok: 200, path: () => "/admin/routing-rules" },
  {
    method: "POST",
    route: "/admin/routing-rules",
    rule: "region",
    ok: 201,
    path: () => "/admin/routing-rules",
    body: () => ({ situations: ["employee"], networkId: env.fx.structure.networkId, reason: "Parce que." }),
  },
  {
    method: "PATCH",
    route: "/admin/routing-rules/{id}",
    rule: "region",
    ok: 200,
    path: async () => `/admin/routing-rules/${await routingRule()}`,
    body: () => ({ reason: "Une autre raison." }),
  },
  {
    method: "DELETE",
    route: "/admin/routing-rules/{id}",
    rule: "region",
    ok: 200,
    path: async () => `/admin/routing-rules/${await routingRule()}`,
  },
  {
    method: "POST",
    route: "/admin/routing-rules/reorder",
    rule: "region",
    // An empty order for a table that has a rule: past authorization, the table says 409.
    ok: 409,
    path: async () => {
      await routingRule();
      return "/admin/routing-rules/reorder";
    },
    body: () => ({ ids: [] }),
  },
  { method: "GET", route: "/admin/faq", rule: "region", ok: 200, path: () => "/admin/faq" },
  {
    method: "POST",
    route: "/admin/faq",
    rule: "region",
    ok: 201,
    path: () => "/admin/faq",
    body: () => ({ slug: `question-${fresh()}`, position: 1, question: "Une question ?", answer: "Une réponse." }),
  },
  {
    method: "PATCH",
    route: "/admin/faq/{id}",
    rule: "region",
    ok: 200,
    path: async () => `/admin/faq/${await faqEntry()}`,
    body: () => ({ published: false }),
  },
  { method: "DELETE", route: "/admin/faq/{id}", rule: "region", ok: 200, path: async () => `/admin/faq/${await faqEntry()}` },
];

/**
 * Two API tokens of the structure admin's structure, made by them: one with every permission, one
 * that reads only. A token acts as its creator there, so it gets what the structure admin gets —
 * on the agenda, the desk and availability, and referrals, the areas a token may be given —
 * and a 403 anywhere else; the reading one, a 403 on any change too. (The rate a token is
 * allowed, 300 requests a minute by default, is more than the matrix makes with one.)
 */
const TOKENS = ["tokenAll", "tokenRead"] as const;
type TokenCaller = (typeof TOKENS)[number];
const tokens = {} as Record<TokenCaller, string>;
beforeAll(async () => {
  const permissions = {
    tokenAll: ["appointments_write", "availability_write", "referrals_write"],
    tokenRead: ["appointments_read", "availability_read", "referrals_read"],
  };
  for (const caller of TOKENS) {
    const made = await env.app.request(`/api/admin/structures/${env.fx.structure.id}/api-tokens`, {
      method: "POST",
      headers: { Cookie: env.fx.cookies.structureAdmin, "Content-Type": "application/json" },
      body: JSON.stringify({ name: caller, permissions: permissions[caller] }),
    });
    tokens[caller] = (await made.json()).token;
  }
});
const TOKEN_AREAS = /^\/(agenda|desk|availability|referrals)(\/|$)/;

function expectedOfToken(endpoint: Endpoint, caller: TokenCaller, target: Target): number {
  if (!TOKEN_AREAS.test(endpoint.route)) return 403;
  if (caller === "tokenRead" && endpoint.method !== "GET") return 403;
  return expected(endpoint, "structureAdmin", target);
}

function expected(endpoint: Endpoint, role: Role | "anonymous", target: Target): number {
  if (role === "anonymous") return 401;
  // An advisor of both structures: each is their own — but another advisor's ranges are not.
  if (role === "sharedAdvisor") return endpoint.rule === "availability" ? 404 : expected(endpoint, "advisor", "own");
  const { rule, ok } = endpoint;
  if (rule === "figures" || rule === "territoryFigures") {
    if (role === "regionalAdmin") return ok;
    if (role !== "coordinator") return 403;
    return rule === "figures" || target === "own" ? ok : 404;
  }
  if (rule === "ownCalendar") return role === "advisor" ? ok : 403;
  if (rule === "tokenIssue") return role !== "structureAdmin" ? 403 : target === "own" ? ok : 404;
  if (rule === "structureExport") {
    if (role !== "advisor" && role !== "reception" && role !== "structureAdmin") return 403;
    if (target === "other") return 404;
    return role === "structureAdmin" ? ok : 403;
  }
  if (rule === "member" || rule === "referFrom" || rule === "referral" || rule === "referralInbox" || rule === "referralSender") {
    if (role === "regionalAdmin" || role === "coordinator") return 403;
    if (rule === "member") return ok;
    // The partner's referrer sent every referral of the matrix, and works for neither structure.
    if (role === "referrer") return rule === "referral" || rule === "referralSender" ? ok : rule === "referralInbox" ? 403 : 404;
    if (rule === "referralSender") return target === "own" ? 403 : 404;
    return target === "own" ? ok : 404;
  }
  if (rule === "availability") {
    if (role !== "advisor" && role !== "reception" && role !== "structureAdmin") return 403;
    return role !== "reception" && target === "own" ? ok : 404;
  }
  if (rule === "agenda" || rule === "ownAgenda") {
    if (role !== "advisor" && role !== "reception" && role !== "structureAdmin") return 403;
    return rule === "ownAgenda" || target === "own" ? ok : 404;
  }
  if (rule === "signedIn" || role === "regionalAdmin") return ok;
  if (role !== "structureAdmin" || rule === "region") return 403;
  if (rule === "directory") return ok;
  return target === "own" ? ok : 404;
}

const call = async (endpoint: Endpoint, role: Role | TokenCaller | "anonymous", target: Target) => {
  const body = endpoint.body?.(target);
  return env.app.request(`/api${await endpoint.path(target)}`, {
    method: endpoint.method,
    headers: {
      ...(role === "tokenAll" || role === "tokenRead"
        ? { Authorization: `Bearer ${tokens[role]}` }
        : role !== "anonymous" && { Cookie: env.fx.cookies[role] }),
      ...(body !== undefined && { "Content-Type": "application/json" }),
      ...(endpoint.headers && { "Idempotency-Key": `${endpoint.headers["Idempotency-Key"]}-${fresh()}` }),
    },
    // As a browser sends them: a DELETE has no body, hence no content type.
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
};

describe("the authorization matrix", () => {
  it("covers every staff endpoint of the API", async () => {
    const doc = await (await env.app.request("/api/openapi.json")).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(
        ([path]) =>
          /^\/(admin|agenda|desk|availability|calendar-feed|busy-calendar|referrals|notices|people|dashboards)\b/.test(path) ||
          path === "/auth/me",
      )
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect([...new Set(ENDPOINTS.map((e) => `${e.method} ${e.route}`))].sort()).toEqual(documented);
  });

  const cases = ENDPOINTS.flatMap((endpoint) =>
    [...ROLES, "anonymous" as const, ...TOKENS].flatMap((role) =>
      (["own", "other"] as const).map((target) => ({
        endpoint,
        role,
        target,
        status:
          role === "tokenAll" || role === "tokenRead"
            ? expectedOfToken(endpoint, role, target)
            : expected(endpoint, role, target),
      })),
    ),
  );
  it.each(cases.map((c) => [`${c.endpoint.method} ${c.endpoint.route}`, c.role, c.target, c.status, c] as const))(
    "%s as %s on %s structure → %i",
    async (_, role, target, status, { endpoint }) => {
      const res = await call(endpoint, role, target);
      if (res.status !== status) throw new Error(`${res.status}: ${await res.text()}`);
      if (status === 404 || status === 403) {
        const { error } = await res.json();
        expect(error.message).toMatch(
          /introuvable|rôle|régionale|jeton ne donne pas accès|Seul un administrateur de la structure/,
        );
      }
    },
  );
});

describe("scope within an allowed endpoint", () => {
  it("lists only a structure admin's structures and the accounts that work in them", async () => {
    const structures = await (
      await env.app.request("/api/admin/structures", { headers: { Cookie: env.fx.cookies.structureAdmin } })
    ).json();
    expect(structures.structures.map((s: { id: string }) => s.id)).toEqual([env.fx.structure.id]);
    const users = await (
      await env.app.request("/api/admin/users", { headers: { Cookie: env.fx.cookies.structureAdmin } })
    ).json();
    const emails: string[] = users.users.map((u: { email: string }) => u.email);
    expect(emails).toContain("conseil@staff.test");
    expect(emails).not.toContain("conseil-autre@staff.test");
    expect(emails).not.toContain("region@staff.test");
  });
});
