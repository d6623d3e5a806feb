import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import type { Database } from "../../db/database.ts";
import type {
  AppointmentStatus,
  Channel,
  Mode,
  ReferralEventKind,
  Situation,
  WaitlistEnd,
  WaitlistOfferStatus,
} from "../../db/generated/client.ts";
import { ACCESSIBILITY_AID_WORDS } from "../../domain/accessibility.ts";
import { halfDayWords } from "../../domain/half-days.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { type FollowedStatus, followedStatus, type MeetingOutcome } from "../../domain/referrals.ts";
import { DEFAULT_ZONE, localDateOf, toZonedIso } from "../../domain/time.ts";
import { heldBy, personInScope } from "./person-scope.ts";
import { identitySelect, lastActivity } from "./person-summary.ts";

const name = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

// The file is handed to the person: every coded value in the words the pages use, so that it
// reads without a key. Field names stay in English (a file's structure, as the API's); typed by
// the database's enums, a new value breaks the build until it is named here.
const SITUATION: Record<Situation, string> = {
  pupil: "collégien·ne ou lycéen·ne",
  student: "étudiant·e",
  neet: "jeune de 16 à 25 ans sans emploi ni formation",
  job_seeker: "demandeur·se d'emploi",
  employee: "salarié·e",
  self_employed: "indépendant·e, artisan, commerçant·e",
  executive: "cadre",
  retired: "retraité·e",
  rsa_beneficiary: "bénéficiaire du RSA",
  other: "autre situation",
};
const MODE: Record<Mode, string> = { onsite: "sur place", phone: "par téléphone", video: "en visio" };
const APPOINTMENT_STATUS: Record<AppointmentStatus, string> = { booked: "réservé", cancelled: "annulé" };
const OUTCOME: Record<MeetingOutcome, string> = {
  honoured: "rendez-vous honoré",
  no_show: "absence au rendez-vous",
  excused: "absence excusée",
};
const CHANNEL: Record<Channel, string> = {
  online: "pris en ligne",
  reception: "pris à l'accueil",
  referral: "pris à la suite d'une orientation",
  advisor: "pris par le conseiller ou la conseillère",
};
/** What became of the referral, as the referral page says it. */
const FOLLOWED: Record<FollowedStatus, string> = {
  sent: "envoyée",
  accepted: "acceptée",
  declined: "refusée",
  redirected: "réorientée",
  booked: "rendez-vous pris",
  honoured: "rendez-vous honoré",
  no_show: "absence au rendez-vous",
  excused: "absence excusée",
  expired: "expirée",
};
const EVENT: Record<ReferralEventKind, string> = {
  created: "orientation envoyée",
  invited: "invitation à prendre rendez-vous",
  reminded: "rappel de l'invitation",
  accepted: "orientation acceptée",
  declined: "orientation refusée",
  redirected: "réorientée",
  booked: "rendez-vous pris",
  cancelled: "rendez-vous annulé",
  outcome: "suite du rendez-vous",
  expired: "orientation close",
};
const WAITLIST_CHANNEL: Record<Channel, string> = {
  online: "inscription en ligne",
  reception: "inscription à l'accueil",
  referral: "inscription à la suite d'une orientation",
  advisor: "inscription par le conseiller ou la conseillère",
};
const WAITLIST_END: Record<WaitlistEnd, string> = {
  accepted: "créneau proposé accepté",
  left: "sortie de la liste à sa demande",
  removed: "retirée de la liste par la structure",
  meeting: "rendez-vous commencé, annulé ou passé",
  expired: "date choisie passée",
  offers: "trois propositions sans réponse",
  erased: "données effacées",
};
const OFFER_STATUS: Record<WaitlistOfferStatus, string> = {
  open: "en attente de réponse",
  accepted: "acceptée",
  declined: "refusée",
  expired: "sans réponse à temps",
  withdrawn: "retirée",
};

function at(instant: Date, zone?: string): string;
function at(instant: Date | null, zone?: string): string | null;
function at(instant: Date | null, zone = DEFAULT_ZONE) {
  return instant ? toZonedIso(instant, zone) : null;
}

/**
 * A person's data as a file to hand them (RGPD art. 15 and 20): what the user's structures hold
 * of them, everything for the Région. The export is audited, without the person's details.
 */
export async function exportPerson(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, scope, input } = deps;
  const person = await personInScope(db, scope, input.id);
  const file = await personFile(db, person.id, person.structureIds, clock.now());
  const details = person.structureIds ? { structureId: person.structureIds[0] } : {};
  await audited(deps, { action: "person.exported", entity: "Person", details }, async () => ({ id: person.id }));
  return { file, fileName: `donnees-personnelles-${person.id}.json` };
}

/**
 * What these structures hold about a person (RGPD art. 15), or the whole platform for the
 * Région (`structureIds` undefined): who they are, each meeting and each referral with its
 * timeline, private notes included — a structure's notes only in its own export — its values
 * in French words.
 */
async function personFile(db: Database, id: string, structureIds: readonly string[] | undefined, now: Date) {
  const held = heldBy(structureIds);
  const person = await db.prisma.person.findUniqueOrThrow({
    where: { id },
    select: {
      ...identitySelect,
      noticeAcceptedAt: true,
      appointments: {
        where: held.appointments,
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          structure: { select: { name: true, timeZone: true } },
          offering: { select: { service: { select: { name: true } } } },
          site: { select: { name: true, address: true, postcode: true } },
          mode: true,
          advisor: { select: { firstName: true, lastName: true } },
          startsAt: true,
          endsAt: true,
          status: true,
          outcome: true,
          outcomeAt: true,
          channel: true,
          notes: true,
          accessibilityAids: true,
          accessibilityNeeds: true,
          cancelledAt: true,
          cancelReason: true,
          createdAt: true,
        },
      },
      referrals: {
        where: held.referrals,
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          fromStructure: { select: { name: true } },
          referrer: { select: { firstName: true, lastName: true } },
          toStructure: { select: { name: true } },
          service: { select: { name: true } },
          need: true,
          consentAt: true,
          status: true,
          statusReason: true,
          appointmentId: true,
          appointment: { select: { outcome: true } },
          invitedAt: true,
          invitationExpiresAt: true,
          createdAt: true,
          events: { orderBy: { at: "asc" }, select: { at: true, kind: true, detail: true } },
        },
      },
      waitlist: {
        where: held.waitlist,
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          offering: {
            select: { service: { select: { name: true } }, structure: { select: { name: true, timeZone: true } } },
          },
          appointmentId: true,
          halfDays: true,
          modes: true,
          until: true,
          channel: true,
          createdAt: true,
          endedAt: true,
          endReason: true,
          offers: {
            orderBy: { createdAt: "asc" },
            select: { startsAt: true, mode: true, createdAt: true, holdUntil: true, status: true, answeredAt: true },
          },
        },
      },
    },
  });
  const { appointments, referrals, waitlist, createdAt, noticeAcceptedAt, lastActivityAt: _, ...identity } = person;
  return {
    exportedAt: at(now),
    person: {
      ...identity,
      situation: identity.situation && SITUATION[identity.situation],
      phone: identity.phone && phoneForPeople(identity.phone),
      // When the row was made and the notice read tell of the person's first step, perhaps with
      // another structure: the Région's export only.
      ...(!structureIds && { noticeAcceptedAt: at(noticeAcceptedAt), createdAt: at(createdAt) }),
      lastActivityAt: at(await lastActivity(db.prisma, id, structureIds)),
      anonymisedAt: at(identity.anonymisedAt),
    },
    appointments: appointments.map((a) => {
      const zone = a.structure.timeZone;
      return {
        id: a.id,
        structure: a.structure.name,
        service: a.offering.service.name,
        site: a.site,
        mode: MODE[a.mode],
        advisor: name(a.advisor),
        start: at(a.startsAt, zone),
        end: at(a.endsAt, zone),
        status: APPOINTMENT_STATUS[a.status],
        outcome: a.outcome && OUTCOME[a.outcome],
        outcomeAt: at(a.outcomeAt, zone),
        channel: CHANNEL[a.channel],
        notes: a.notes,
        accessibilityAids: a.accessibilityAids.map((aid) => ACCESSIBILITY_AID_WORDS[aid]),
        accessibilityNeeds: a.accessibilityNeeds,
        cancelledAt: at(a.cancelledAt, zone),
        cancelReason: a.cancelReason,
        bookedAt: at(a.createdAt, zone),
      };
    }),
    referrals: referrals.map((r) => ({
      id: r.id,
      from: r.fromStructure.name,
      referrer: name(r.referrer),
      to: r.toStructure.name,
      service: r.service.name,
      need: r.need,
      consentAt: at(r.consentAt),
      status: FOLLOWED[followedStatus(r.status, r.appointment)],
      statusReason: r.statusReason,
      appointmentId: r.appointmentId,
      invitedAt: at(r.invitedAt),
      invitationExpiresAt: at(r.invitationExpiresAt),
      createdAt: at(r.createdAt),
      timeline: r.events.map((e) => ({ at: at(e.at), kind: EVENT[e.kind], detail: e.detail })),
    })),
    waitingLists: waitlist.map((w) => {
      const zone = w.offering.structure.timeZone;
      return {
        id: w.id,
        structure: w.offering.structure.name,
        service: w.offering.service.name,
        appointmentId: w.appointmentId,
        halfDays: w.halfDays.map(halfDayWords),
        modes: w.modes.map((m) => MODE[m]),
        // Kept as the end of the chosen day: the day itself.
        until: w.until && localDateOf(new Date(w.until.getTime() - 1), zone),
        channel: WAITLIST_CHANNEL[w.channel],
        joinedAt: at(w.createdAt, zone),
        endedAt: at(w.endedAt, zone),
        endReason: w.endReason && WAITLIST_END[w.endReason],
        offers: w.offers.map((o) => ({
          start: at(o.startsAt, zone),
          mode: MODE[o.mode],
          sentAt: at(o.createdAt, zone),
          heldUntil: at(o.holdUntil, zone),
          status: OFFER_STATUS[o.status],
          answeredAt: at(o.answeredAt, zone),
        })),
      };
    }),
  };
}
