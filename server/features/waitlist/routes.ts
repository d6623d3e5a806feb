import { createRoute, z } from "@hono/zod-openapi";
import { createRouter, errorResponse } from "../../http/router.ts";
import { acceptOffer } from "./accept-offer.ts";
import { declineOffer } from "./decline-offer.ts";
import { joinWithoutMeeting } from "./join-without-meeting.ts";
import { leaveEntry, showEntry } from "./leave-list.ts";
import { AcceptAnswer, AcceptInput, DeclineInput, JoinAnswer, JoinInput, OfferSchema, WaitlistEntrySchema } from "./schemas.ts";
import { showOffer } from "./show-offer.ts";

const params = z.object({
  token: z.string().openapi({ description: "Le dernier segment du lien reçu par message." }),
});
const entryBody = (description: string) => ({
  description,
  content: { "application/json": { schema: z.object({ entry: WaitlistEntrySchema }) } },
});
const offerBody = (description: string) => ({ description, content: { "application/json": { schema: OfferSchema } } });
const gone = errorResponse(
  "La proposition n'est plus ouverte (acceptée, expirée, passée à la suivante) ; `alternatives` donne les créneaux libres plus tôt.",
);

const join = createRoute({
  method: "post",
  path: "/",
  summary: "S'inscrire sur la liste d'attente d'un service dans une structure (quand aucun créneau n'est libre)",
  request: { body: { required: true, content: { "application/json": { schema: JoinInput } } } },
  responses: {
    201: {
      description: "Inscrit ; un message donne le lien pour voir ou quitter la liste.",
      content: { "application/json": { schema: JoinAnswer } },
    },
    409: errorResponse("Des créneaux sont libres : `alternatives` en donne trois, à réserver plutôt."),
    422: errorResponse("Un champ est invalide ; `fields` le nomme."),
  },
});

const entry = createRoute({
  method: "get",
  path: "/{token}",
  summary: "Sa place sur la liste d'attente",
  request: { params },
  responses: { 200: entryBody("L'inscription."), 404: errorResponse("Lien inconnu.") },
});

const leave = createRoute({
  method: "delete",
  path: "/{token}",
  summary: "Quitter la liste d'attente",
  request: { params },
  responses: {
    200: entryBody("Sorti de la liste ; une proposition en cours passe à la personne suivante."),
    404: errorResponse("Lien inconnu."),
  },
});

export const waitlist = createRouter()
  .openapi(join, async (c) => c.json(await joinWithoutMeeting(c.var.deps, c.req.valid("json")), 201))
  .openapi(entry, async (c) => c.json(await showEntry(c.var.deps, c.req.valid("param").token), 200))
  .openapi(leave, async (c) => c.json(await leaveEntry(c.var.deps, c.req.valid("param").token), 200));

const offer = createRoute({
  method: "get",
  path: "/{token}",
  summary: "Un créneau libéré proposé à une personne en liste d'attente",
  request: { params },
  responses: { 200: offerBody("La proposition, et d'autres créneaux libres plus tôt."), 404: errorResponse("Lien inconnu.") },
});

const accept = createRoute({
  method: "post",
  path: "/{token}/accept",
  summary: "Accepter : le rendez-vous est avancé sur ce créneau (ou pris, sans rendez-vous)",
  request: {
    params,
    body: { required: false, content: { "application/json": { schema: AcceptInput } } },
  },
  responses: {
    200: {
      description: "Le rendez-vous pris ; son lien privé quand il est connu.",
      content: { "application/json": { schema: AcceptAnswer } },
    },
    404: errorResponse("Lien inconnu."),
    409: errorResponse("Le créneau choisi vient d'être pris (SLOT_TAKEN) ; `alternatives` en propose d'autres."),
    410: gone,
    422: errorResponse("Créneau invalide, d'un autre service ou pas plus tôt."),
  },
});

const decline = createRoute({
  method: "post",
  path: "/{token}/decline",
  summary: "Refuser : le créneau passe aussitôt à la personne suivante",
  request: {
    params,
    body: { required: false, content: { "application/json": { schema: DeclineInput } } },
  },
  responses: { 200: offerBody("La proposition refusée."), 404: errorResponse("Lien inconnu."), 410: gone },
});

const json = (type: string | undefined) => type?.includes("json") ?? false;

export const offers = createRouter()
  .openapi(offer, async (c) => c.json(await showOffer(c.var.deps, c.req.valid("param").token), 200))
  .openapi(accept, async (c) => {
    const body = json(c.req.header("content-type")) ? c.req.valid("json") : {};
    return c.json(await acceptOffer(c.var.deps, c.req.valid("param").token, body.slotKey), 200);
  })
  .openapi(decline, async (c) => {
    const body = json(c.req.header("content-type")) ? c.req.valid("json") : {};
    return c.json(await declineOffer(c.var.deps, c.req.valid("param").token, body.leave ?? false), 200);
  });
