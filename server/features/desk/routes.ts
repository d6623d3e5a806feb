import { z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { accessibilityAids, localDate, meetingMode, text } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdempotencyHeader, PersonFields } from "../bookings/schemas.ts";
import { bookForPerson } from "./book-for-person.ts";
import { findPeople } from "./find-people.ts";
import { listOfferings } from "./list-offerings.ts";
import { listSlots } from "./list-slots.ts";
import { listStructures } from "./list-structures.ts";
import { DeskBooking, DeskOfferingsResponse, DeskPeopleResponse, DeskSlotsResponse, DeskStructuresResponse } from "./schemas.ts";

// The reception desk ("Accueil"), and any staff booking for someone: find the person, see the
// first free slots, book. Staff may book inside the public notice and beyond the horizon, in
// their structure's offerings and in any structure's offering open to staff booking; never
// past the database's guard.

const deskRoute = staffRoute("Accueil");

const people = deskRoute({
  method: "get",
  path: "/people",
  summary: "Retrouver une personne déjà venue dans la structure, par nom, adresse ou téléphone",
  request: {
    query: z.object({
      structure: z.uuid("identifiant de structure attendu."),
      q: z.string().trim().min(2, "2 caractères au moins.").max(100),
    }),
  },
  responses: { 200: json(DeskPeopleResponse, "20 personnes au plus, les plus récemment venues d'abord.") },
});

const structures = deskRoute({
  method: "get",
  path: "/structures",
  summary:
    "Les structures où l'on peut réserver pour quelqu'un : les siennes, et celles dont une offre est ouverte aux professionnels",
  responses: { 200: json(DeskStructuresResponse, "Les structures, les siennes d'abord, puis par nom.") },
});

const offerings = deskRoute({
  method: "get",
  path: "/offerings",
  summary: "Les offres d'une structure que l'on peut réserver pour quelqu'un, et ses conseillers",
  request: { query: z.object({ structure: z.uuid("identifiant de structure attendu.") }) },
  responses: { 200: json(DeskOfferingsResponse, "Les offres, par service ; les conseillers, par nom.") },
});

const slots = deskRoute({
  method: "get",
  path: "/slots",
  summary: "Les premiers créneaux libres d'une offre, tous conseillers ou un seul",
  request: {
    query: z.object({
      offering: z.uuid("identifiant d'offre attendu."),
      advisor: z.uuid("identifiant de conseiller attendu.").optional(),
      from: localDate.optional(),
      site: z
        .uuid("identifiant de lieu attendu.")
        .optional()
        .openapi({ description: "Seulement les créneaux sur place dans ce lieu." }),
      mode: meetingMode.optional().openapi({ description: "Seulement les créneaux de ce mode (sur place, téléphone, visio)." }),
    }),
  },
  responses: { 200: json(DeskSlotsResponse, "20 créneaux au plus, dans l'ordre.") },
});

const book = deskRoute({
  method: "post",
  path: "/bookings",
  summary: "Réserver pour une personne (accueil, suivi par le conseiller) ; sans adresse, la confirmation s'imprime",
  request: {
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .object({
          slotKey: z.string().min(1, "Le créneau est obligatoire.").max(200),
          person: z.union([z.object({ id: z.uuid() }).strict(), PersonFields.strict()]).optional(),
          followUpOf: z.uuid("identifiant de rendez-vous attendu.").optional(),
          channel: z.enum(["reception", "advisor"]).optional(),
          accessibilityAids: accessibilityAids.optional(),
          accessibilityNeeds: text(500).optional(),
        })
        .strict()
        .refine((b) => b.person || b.followUpOf, { message: "Indiquez la personne.", path: ["person"] })
        .refine((b) => !(b.person && b.followUpOf), {
          message: "Un rendez-vous de suivi est pour la personne du premier : ne l'indiquez pas en plus.",
          path: ["person"],
        }),
    ),
  },
  responses: { 201: json(DeskBooking, "Le rendez-vous, et le lien privé à remettre à la personne.") },
});

export const desk = createRouter()
  .openapi(structures, async (c) => c.json(await act(c, "agenda", listStructures), 200))
  .openapi(people, async (c) => c.json(await act(c, "agenda", findPeople, c.req.valid("query")), 200))
  .openapi(offerings, async (c) => c.json(await act(c, "agenda", listOfferings, c.req.valid("query")), 200))
  .openapi(slots, async (c) => c.json(await act(c, "agenda", listSlots, c.req.valid("query")), 200))
  .openapi(book, async (c) => {
    const deps = await staffDeps(c, "agenda");
    const idempotencyKey = c.req.valid("header")["idempotency-key"];
    return c.json(await bookForPerson({ ...deps, input: c.req.valid("json"), idempotencyKey }), 201);
  });
