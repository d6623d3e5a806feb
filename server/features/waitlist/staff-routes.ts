import { act } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam } from "../admin/schemas.ts";
import { addAtDesk } from "./add-at-desk.ts";
import { addForReferral } from "./add-for-referral.ts";
import { listWaiting } from "./list-waiting.ts";
import { removeEntry } from "./remove-entry.ts";
import { AddedEntry, DeskWaitlistInput, ReferralWaitlistInput, StaffWaitlist, StaffWaitlistQuery } from "./staff-schemas.ts";

// The waiting lists in the staff space. Under /api/agenda/waitlist: they are the agenda's
// (advisors, reception and structure admins of the structure, as the agenda is), and
// /api/waitlist is the public side, reached by a person's link with no session — one path for
// both would put a session's routes behind a public prefix. A referral's person is put on a list
// from the referral, /api/referrals/{id}/waitlist, where its receiving staff answer it.

const waitlistRoute = staffRoute("Liste d'attente");

const list = waitlistRoute({
  method: "get",
  path: "/",
  summary: "Les listes d'attente d'une structure : qui attend, depuis quand, ses souhaits, les propositions envoyées",
  request: { query: StaffWaitlistQuery },
  responses: { 200: json(StaffWaitlist, "Les personnes qui attendent, dans l'ordre d'inscription.") },
});

const add = waitlistRoute({
  method: "post",
  path: "/",
  summary: "Mettre une personne en liste d'attente à l'accueil (connue ou nouvelle), ou un de ses rendez-vous à avancer",
  request: { body: jsonBody(DeskWaitlistInput) },
  responses: { 201: json(AddedEntry, "Inscrite ; sans rendez-vous, elle reçoit le lien pour voir ou quitter la liste.") },
});

const remove = waitlistRoute({
  method: "delete",
  path: "/{id}",
  summary: "Retirer une personne de la liste : une proposition en cours passe à la suivante",
  request: { params: IdParam },
  responses: { 200: json(AddedEntry, "Retirée de la liste.") },
});

export const staffWaitlist = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "agenda", listWaiting, c.req.valid("query")), 200))
  .openapi(add, async (c) => c.json(await act(c, "agenda", addAtDesk, c.req.valid("json")), 201))
  .openapi(remove, async (c) => c.json(await act(c, "agenda", removeEntry, c.req.valid("param")), 200));

const forReferral = staffRoute("Orientations")({
  method: "post",
  path: "/{id}/waitlist",
  summary: "Mettre la personne orientée en liste d'attente du service, faute de créneau (structure destinataire)",
  request: { params: IdParam, body: jsonBody(ReferralWaitlistInput) },
  responses: { 201: json(AddedEntry, "Inscrite ; elle reçoit le lien pour voir ou quitter la liste.") },
});

export const referralWaitlist = createRouter().openapi(forReferral, async (c) =>
  c.json(await act(c, "referrals", addForReferral, { ...c.req.valid("json"), id: c.req.valid("param").id }), 201),
);
