import { z } from "@hono/zod-openapi";
import { NEARNESS } from "../../domain/proximity.ts";
import { Mode } from "../admin/schemas.ts";
import {
  AppointmentOutcome,
  AppointmentStatus,
  FullName,
  IdName,
  NamedPerson,
  ShownPhone,
  ZonedInstant,
} from "../appointments/schemas.ts";
import { PlacedSlot } from "../desk/schemas.ts";

// The referrals' answers (routes.ts, referrals.ts: referralView, timelineOf; invitation-routes.ts).

const Slugged = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
const Contact = { phone: z.string().nullable(), email: z.string().nullable() };

/** What a referrer follows: the referral's state, or once booked what became of the meeting. */
export const FollowedStatus = z.enum([
  "sent",
  "accepted",
  "declined",
  "redirected",
  "booked",
  "expired",
  "honoured",
  "no_show",
  "excused",
]);
export const ReferralEventKind = z.enum([
  "created",
  "invited",
  "reminded",
  "accepted",
  "declined",
  "redirected",
  "booked",
  "cancelled",
  "outcome",
  "expired",
]);

/** A referral: times in the target structure's zone. */
export const Referral = z
  .object({
    id: z.uuid(),
    status: FollowedStatus,
    statusReason: z.string().nullable(),
    need: z.string(),
    createdAt: ZonedInstant,
    consentAt: ZonedInstant,
    from: IdName,
    to: Slugged.extend(Contact),
    service: Slugged,
    referrer: FullName,
    person: NamedPerson.extend({
      ...Contact,
      textable: z.boolean().openapi({
        description: "Un mobile qui reçoit les SMS (« Recevoir les rappels par SMS » non décoché) : l'invitation peut y aller.",
      }),
      anonymisedAt: z.string().nullable(),
      commune: z.object({ code: z.string(), name: z.string() }).nullable(),
    }),
    redirectedFrom: z.object({ id: z.uuid(), structure: z.string() }).nullable(),
    redirectedTo: z.object({ id: z.uuid(), structure: z.string() }).nullable(),
    readdressedFrom: z.object({ id: z.uuid(), structure: z.string() }).nullable().openapi({
      description: "L'orientation refusée que celle-ci adresse de nouveau : `structure` est celle qui l'avait refusée.",
    }),
    readdressedTo: z
      .object({ id: z.uuid(), structure: z.string() })
      .nullable()
      .openapi({ description: "La nouvelle orientation qui adresse ailleurs la personne, après ce refus." }),
    invitation: z.object({ sentAt: ZonedInstant.nullable(), expiresAt: ZonedInstant }).nullable(),
    appointment: z
      .object({
        id: z.uuid(),
        start: ZonedInstant,
        end: ZonedInstant,
        status: AppointmentStatus,
        outcome: AppointmentOutcome.nullable(),
        mode: Mode,
        site: z.object({ name: z.string(), address: z.string() }).nullable(),
      })
      .nullable(),
  })
  .openapi("Referral");

/** A referral with its timeline, oldest first, and what the user may do with it. */
export const ReferralDetail = Referral.extend({
  timeline: z.array(
    z.object({
      at: ZonedInstant,
      kind: ReferralEventKind,
      detail: z.string(),
      by: FullName.nullable().openapi({ description: "Null : la personne, ou la plateforme." }),
    }),
  ),
  waitingSince: z.string().nullable().openapi({
    description: "Depuis quand la personne est sur la liste d'attente de la structure destinataire pour cette orientation.",
  }),
  can: z.object({
    accept: z.boolean(),
    decline: z.boolean(),
    redirect: z.boolean(),
    book: z.boolean(),
    invite: z.boolean(),
    readdress: z.boolean().openapi({ description: "Adresser la personne à une autre structure après un refus." }),
    waitlist: z
      .boolean()
      .openapi({ description: "La mettre en liste d'attente du service, faute de créneau (structure destinataire)." }),
  }),
}).openapi("ReferralDetail");

/** A new invitation: shown once; where it was sent, if anywhere. */
export const InvitationSent = z
  .object({
    url: z.string(),
    code: z.string(),
    expiresAt: z.string(),
    sentTo: z.string().nullable().openapi({ description: "L'adresse à laquelle le lien est envoyé ; null : pas de courriel." }),
    textedTo: ShownPhone.openapi({ description: "Le mobile auquel le lien est envoyé par SMS ; null : pas de SMS." }),
  })
  .openapi("InvitationSent");

export const ReferralsResponse = z.object({
  referrals: z.array(Referral),
  total: z.int().openapi({ description: "Les orientations qui répondent aux filtres, toutes pages comprises." }),
  page: z.int(),
  pages: z.int(),
  pageSize: z.int(),
});
export const PendingReferralsResponse = z.object({
  received: z.int().openapi({ description: "Reçues par ses structures et en attente de leur réponse." }),
  sent: z.int().openapi({ description: "Envoyées par ses structures et en attente de la réponse de la destinataire." }),
});
/** Where a referral may go for a service: the structures nearest the person's commune first. */
export const ReferralTargetsResponse = z.object({
  commune: z.object({ code: z.string(), name: z.string() }).nullable(),
  structures: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      closeness: z
        .object({ nearness: z.enum(NEARNESS), distanceKm: z.number().nullable() })
        .nullable()
        .openapi({ description: "Null : commune de la personne inconnue, ou structure sans lieu." }),
    }),
  ),
});
export const ReferralResponse = z.object({ referral: Referral });
export const ReferralDetailResponse = z.object({ referral: ReferralDetail });
export const ReferralSlotsResponse = z.object({
  slots: z.array(
    PlacedSlot.extend({
      advisor: NamedPerson.nullable().optional().openapi({
        description: "Pour le personnel de la structure destinataire seulement ; les autres choisissent une heure et un lieu.",
      }),
    }),
  ),
});

/** An invitation as the person sees it, by its link or its printed code. */
export const InvitationView = z
  .object({
    firstName: z.string(),
    hasEmail: z.boolean(),
    from: z.object({ name: z.string() }),
    to: Slugged.extend(Contact),
    service: z.object({ slug: z.string(), name: z.string() }),
    expiresAt: ZonedInstant.nullable(),
    // Declared as the handler types it (a string); the document gives its three values.
    state: z.string().openapi({ enum: ["open", "booked", "closed"] }),
  })
  .openapi("InvitationView");

export const InvitationResponse = z.object({ invitation: InvitationView });
/** A free slot the invitation opens: a time and a place, never the advisor's name. */
export const InvitationSlotsResponse = z.object({ slots: z.array(PlacedSlot) });
