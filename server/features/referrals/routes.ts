import { z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { localDate, requiredText } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam } from "../admin/schemas.ts";
import { BookingAnswer, IdempotencyHeader, PersonFields } from "../bookings/schemas.ts";
import { acceptReferral } from "./accept-referral.ts";
import { bookReferral } from "./book-referral.ts";
import { createReferral } from "./create-referral.ts";
import { declineReferral } from "./decline-referral.ts";
import { listReferralSlots } from "./list-referral-slots.ts";
import { countPending, listReferrals } from "./list-referrals.ts";
import { readdressReferral } from "./readdress-referral.ts";
import { redirectReferral } from "./redirect-referral.ts";
import { listReferralTargets } from "./referral-targets.ts";
import { reprintInvitation } from "./reprint-invitation.ts";
import {
  FollowedStatus,
  InvitationSent,
  PendingReferralsResponse,
  ReferralDetailResponse,
  ReferralResponse,
  ReferralSlotsResponse,
  ReferralsResponse,
  ReferralTargetsResponse,
} from "./schemas.ts";
import { sendInvitation } from "./send-invitation.ts";
import { showReferral } from "./show-referral.ts";

// Referrals (orientations) for staff: a referrer passes a person on to another structure, with
// their agreement, then books for them or sends an invitation; the target answers from its
// inbox (accept, decline, redirect); both follow the timeline. The referrer's organisation
// follows its referrals, the target handles its own; nobody else sees them.

const referralRoute = staffRoute("Orientations");
const Reason = requiredText("Le motif", 500);
const Referral = json(ReferralResponse, "L'orientation.");
/** Where a redirection or a re-addressing sends the person: a structure, and a service (the referral's by default). */
const Elsewhere = {
  toStructureId: z.uuid("identifiant de structure attendu."),
  serviceId: z.uuid("identifiant de service attendu.").optional(),
};

const list = referralRoute({
  method: "get",
  path: "/",
  summary: "Les orientations envoyées par ses structures (sent) ou reçues par elles (received)",
  request: {
    query: z.object({
      box: z.enum(["sent", "received"], "« sent » (envoyées) ou « received » (reçues)."),
      structure: z.uuid("identifiant de structure attendu.").optional(),
      q: z
        .string()
        .trim()
        .max(100, "100 caractères au plus.")
        .optional()
        .openapi({ description: "Des mots du nom de la personne (prénom ou nom)." }),
      status: FollowedStatus.optional().openapi({
        description: "Un état suivi : « sent » pour celles en attente de réponse, ou ce qu'est devenu le rendez-vous.",
      }),
      page: z
        .string()
        .regex(/^[1-9]\d{0,3}$/, "numéro de page attendu, à partir de 1")
        .optional()
        .transform((v) => (v === undefined ? undefined : Number(v))),
    }),
  },
  responses: { 200: json(ReferralsResponse, "Une page de 20 orientations, les plus récentes d'abord.") },
});
const pending = referralRoute({
  method: "get",
  path: "/pending",
  summary: "Combien d'orientations attendent une réponse : reçues par ses structures, envoyées par elles",
  responses: { 200: json(PendingReferralsResponse, "Les deux nombres.") },
});
const create = referralRoute({
  method: "post",
  path: "/",
  summary: "Orienter une personne vers une structure, avec son accord",
  request: {
    body: jsonBody(
      z
        .object({
          fromStructureId: z.uuid("identifiant de structure attendu."),
          toStructureId: z.uuid("identifiant de structure attendu."),
          serviceId: z.uuid("identifiant de service attendu."),
          person: PersonFields.strict(),
          need: requiredText("Le besoin", 2000),
          consent: z.literal(true, "L'accord de la personne pour transmettre ses coordonnées est obligatoire."),
        })
        .strict(),
    ),
  },
  responses: { 201: json(z.object({ id: z.uuid() }), "L'orientation créée.") },
});
const detail = referralRoute({
  method: "get",
  path: "/{id}",
  summary: "Une orientation, sa chronologie et ce que l'on peut en faire",
  request: { params: IdParam },
  responses: { 200: json(ReferralDetailResponse, "L'orientation, sa chronologie et ce que l'on peut en faire.") },
});
const accept = referralRoute({
  method: "post",
  path: "/{id}/accept",
  summary: "Accepter une orientation reçue",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: { 200: Referral },
});
const decline = referralRoute({
  method: "post",
  path: "/{id}/decline",
  summary: "Refuser une orientation reçue, avec un motif (l'orienteur est prévenu)",
  request: { params: IdParam, body: jsonBody(z.object({ reason: Reason }).strict()) },
  responses: { 200: Referral },
});
const redirect = referralRoute({
  method: "post",
  path: "/{id}/redirect",
  summary: "Réorienter vers une autre structure : une nouvelle orientation, liée à celle-ci",
  request: {
    params: IdParam,
    body: jsonBody(z.object({ ...Elsewhere, reason: Reason }).strict()),
  },
  responses: { 200: json(z.object({ id: z.uuid() }), "La nouvelle orientation.") },
});
const targets = referralRoute({
  method: "get",
  path: "/{id}/targets",
  summary: "Les structures où adresser la personne pour un service, les plus proches de sa commune d'abord",
  request: { params: IdParam, query: z.object({ service: z.uuid("identifiant de service attendu.") }) },
  responses: {
    200: json(ReferralTargetsResponse, "Les structures du SPRO qui offrent le service, hors celles de l'orientation."),
  },
});
const readdress = referralRoute({
  method: "post",
  path: "/{id}/readdress",
  summary: "Après un refus, adresser la personne à une autre structure : une nouvelle orientation, liée à celle-ci",
  request: {
    params: IdParam,
    body: jsonBody(z.object({ ...Elsewhere, need: requiredText("Le besoin", 2000).optional() }).strict()),
  },
  responses: { 201: json(z.object({ id: z.uuid() }), "La nouvelle orientation.") },
});
const reprint = referralRoute({
  method: "post",
  path: "/{id}/invitation/reprint",
  summary: "Réimprimer le feuillet de l'invitation en cours : un nouveau code, le même lien, la même échéance",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: {
    200: json(InvitationSent, "L'adresse et le nouveau code, montrés une fois ; le code précédent ne fonctionne plus."),
  },
});

const invitation = referralRoute({
  method: "post",
  path: "/{id}/invitation",
  summary: "Inviter la personne à prendre rendez-vous elle-même : un lien par courriel, par SMS, ou un code imprimé",
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          email: z.boolean().openapi({ description: "Envoyer le lien à l'adresse de la personne." }),
          sms: z
            .boolean("vrai ou faux attendu.")
            .optional()
            .openapi({ description: "Envoyer le lien par SMS au mobile de la personne (avec le code)." }),
          days: z.int().min(1, "1 jour au moins.").max(30, "30 jours au plus.").optional(),
        })
        .strict(),
    ),
  },
  responses: {
    200: json(InvitationSent, "Le lien et le code, montrés une fois ; les précédents ne fonctionnent plus."),
  },
});
const slots = referralRoute({
  method: "get",
  path: "/{id}/slots",
  summary: "Les premiers créneaux libres de la structure destinataire pour ce service, à partir d'un jour",
  request: {
    params: IdParam,
    query: z.object({ from: localDate.optional() }),
  },
  responses: { 200: json(ReferralSlotsResponse, "20 créneaux au plus.") },
});
const booking = referralRoute({
  method: "post",
  path: "/{id}/booking",
  summary: "Prendre le rendez-vous pour la personne",
  request: {
    params: IdParam,
    headers: IdempotencyHeader,
    body: jsonBody(z.object({ slotKey: z.string().min(1, "Le créneau est obligatoire.").max(200) }).strict()),
  },
  responses: { 201: json(BookingAnswer, "Le rendez-vous et le lien privé de la personne.") },
});

export const referrals = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "referrals", listReferrals, c.req.valid("query")), 200))
  .openapi(pending, async (c) => c.json(await act(c, "referrals", countPending), 200))
  .openapi(create, async (c) => c.json(await act(c, "referrals", createReferral, c.req.valid("json")), 201))
  .openapi(detail, async (c) => c.json(await act(c, "referrals", showReferral, c.req.valid("param")), 200))
  .openapi(accept, async (c) => c.json(await act(c, "referrals", acceptReferral, c.req.valid("param")), 200))
  .openapi(decline, async (c) =>
    c.json(await act(c, "referrals", declineReferral, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(redirect, async (c) =>
    c.json(await act(c, "referrals", redirectReferral, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(targets, async (c) =>
    c.json(await act(c, "referrals", listReferralTargets, { ...c.req.valid("param"), ...c.req.valid("query") }), 200),
  )
  .openapi(readdress, async (c) =>
    c.json(await act(c, "referrals", readdressReferral, { ...c.req.valid("param"), ...c.req.valid("json") }), 201),
  )
  .openapi(invitation, async (c) =>
    c.json(await act(c, "referrals", sendInvitation, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(reprint, async (c) => c.json(await act(c, "referrals", reprintInvitation, c.req.valid("param")), 200))
  .openapi(slots, async (c) =>
    c.json(await act(c, "referrals", listReferralSlots, { ...c.req.valid("param"), ...c.req.valid("query") }), 200),
  )
  .openapi(booking, async (c) => {
    const deps = await staffDeps(c, "referrals");
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    return c.json(
      await bookReferral({ ...deps, input: { ...c.req.valid("param"), idempotencyKey, ...c.req.valid("json") } }),
      201,
    );
  });
