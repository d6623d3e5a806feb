import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import type { Scope } from "../../auth/scope.ts";
import { literally, sqlIn } from "../../db/database.ts";
import { isExclusionViolation } from "../../db/errors.ts";
import { sortFrench } from "../../domain/french.ts";
import { localDateOf } from "../../domain/time.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { localDate, text } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { bookSlot, slotTaken } from "../bookings/create-booking.ts";
import { once } from "../bookings/idempotency.ts";
import { IdempotencyHeader, PersonFields } from "../bookings/schemas.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { decodeSlotKey } from "../slots/slot-key.ts";
import { firstStaffSlots } from "./desk-slots.ts";
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

/** Bookable by this user: their structure's offerings, and others' open to staff booking. */
const refusalFor = (scope: Scope) => (o: { structureId: string; bookableBy: string }) =>
  scope.booksFor(o.structureId) || o.bookableBy === "public" || o.bookableBy === "staff"
    ? undefined
    : "Cette offre n'est ouverte qu'aux orientations de partenaires.";

export const desk = createRouter()
  .openapi(structures, async (c) => {
    const scope = await requireArea(c, "agenda");
    const found = await scope.prisma.structure.findMany({
      where: { active: true, offerings: { some: { active: true } } },
      select: {
        id: true,
        name: true,
        network: { select: { name: true } },
        offerings: { where: { active: true }, select: { bookableBy: true } },
      },
    });
    const list = found
      .map(({ offerings: offered, ...s }) => ({ ...s, own: scope.booksFor(s.id), offered }))
      .filter((s) => s.own || s.offered.some((o) => o.bookableBy === "public" || o.bookableBy === "staff"))
      .map(({ offered: _, ...s }) => s);
    const sorted = sortFrench(list, (s) => s.name);
    return c.json({ structures: [...sorted.filter((s) => s.own), ...sorted.filter((s) => !s.own)] }, 200);
  })
  .openapi(people, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { structure, q } = c.req.valid("query");
    if (!scope.seesPeopleOf(structure)) throw notFound("Structure");
    // A phone as people say it (« +33 6 12… », « 06.12… ») is stored as 0612…; a name may come
    // whole (« Léa Martin »): each word must be found in the name or the address.
    const digits = q.replace(/[\s.()-]/g, "").replace(/^(\+|00)33/, "0");
    const words = q.split(/\s+/).filter(Boolean).map(literally);
    const byPhone = /^\d{2,}$/.test(digits) ? [{ phone: { contains: literally(digits) } }] : [];
    const byWords = {
      AND: words.map((word) => ({
        OR: [
          { lastName: { contains: word, mode: "insensitive" as const } },
          { firstName: { contains: word, mode: "insensitive" as const } },
          { email: { contains: word, mode: "insensitive" as const } },
        ],
      })),
    };
    const here = { structureId: structure };
    const found = await scope.prisma.person.findMany({
      // An erased person is nobody to find: every one of them is « Personne anonymisée ».
      where: { anonymisedAt: null, appointments: { some: here }, OR: [byWords, ...byPhone] },
      orderBy: { lastActivityAt: "desc" },
      take: 50,
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        phone: true,
        birthYear: true,
        // When they last came here: what they did elsewhere is another structure's business.
        appointments: { where: here, orderBy: { startsAt: "desc" }, take: 1, select: { startsAt: true } },
      },
    });
    const people = found
      .map(({ appointments, ...p }) => ({ ...p, lastSeen: (appointments[0]?.startsAt ?? new Date(0)).toISOString() }))
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
      .slice(0, 20);
    return c.json({ people }, 200);
  })
  .openapi(offerings, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { structure } = c.req.valid("query");
    const db = c.var.deps.db;
    const own = scope.booksFor(structure);
    const found = await db.prisma.structure.findFirst({
      where: { id: structure, active: true },
      select: {
        id: true,
        name: true,
        offerings: {
          where: { active: true, ...(!own && { bookableBy: { in: ["public", "staff"] } }) },
          orderBy: { service: { position: "asc" } },
          select: {
            id: true,
            durationMinutes: true,
            modes: true,
            bookableBy: true,
            service: { select: { id: true, name: true } },
          },
        },
        memberships: {
          where: { role: "advisor", user: { active: true } },
          select: { user: { select: { id: true, firstName: true, lastName: true } } },
        },
      },
    });
    if (!found) throw notFound("Structure");
    const { memberships, ...rest } = found;
    return c.json(
      {
        structure: {
          ...rest,
          advisors: sortFrench(
            memberships.map((m) => m.user),
            (u) => `${u.lastName} ${u.firstName}`,
          ),
        },
      },
      200,
    );
  })
  .openapi(slots, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { db, clock } = c.var.deps;
    const { offering: offeringId, advisor, from } = c.req.valid("query");
    const row = await db.prisma.offering.findFirst({
      where: { id: offeringId, active: true, structure: { active: true } },
      select: { ...offeringSelect, bookableBy: true },
    });
    if (!row) throw notFound("Offre");
    const refusal = refusalFor(scope)(row);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    const offering = toOfferingRow(row);
    const now = clock.now();
    const list = await firstStaffSlots(db, offering, {
      from: from ?? localDateOf(now, offering.timeZone),
      now,
      advisorId: advisor,
      limit: 20,
    });
    return c.json({ slots: list }, 200);
  })
  .openapi(book, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { db, clock, config } = c.var.deps;
    const body = c.req.valid("json");
    const ref = decodeSlotKey(body.slotKey);
    if (!ref) throw validationError({ slotKey: "Ce créneau n'existe pas : choisissez-en un dans la liste." });
    let person = body.person;
    if (body.followUpOf) {
      const previous = await scope.prisma.appointment.findUnique({
        where: { id: body.followUpOf },
        select: { personId: true, person: { select: { anonymisedAt: true } } },
      });
      if (!previous) throw validationError({ followUpOf: "Rendez-vous introuvable." });
      if (previous.person.anonymisedAt) {
        // A conflict with the person's state, not a mistyped field: the same 409 as any booking for them.
        const message = "Les données de cette personne ont été effacées : réservez comme pour une nouvelle personne.";
        throw new AppError("CONFLICT", message, { fields: { followUpOf: message } });
      }
      person = { id: previous.personId };
    } else if (person && "id" in person) {
      // Someone already known to one of the user's structures (scope.ts), never a guessed id.
      const known = await scope.prisma.person.count({ where: { id: person.id, anonymisedAt: null } });
      if (!known) throw validationError({ "person.id": "Personne introuvable." });
    }
    if (!person) throw validationError({ person: "Indiquez la personne." });
    const now = clock.now();
    const key = `desk:${scope.user.id}:${c.req.valid("header")["idempotency-key"]}`;
    try {
      const booked = await once(db, { key, body, secret: config.sessionSecret }, async (tx) => {
        const result = await bookSlot(
          sqlIn(tx),
          {
            ref,
            audience: "staff",
            refusal: refusalFor(scope),
            person: "id" in person ? person : { ...person, communeCode: person.commune, noticeAccepted: false },
            channel: body.channel ?? "reception",
            bookedById: scope.user.id,
            followUpOfId: body.followUpOf,
            accessibilityNeeds: body.accessibilityNeeds,
          },
          now,
          config,
        );
        // What the desk tells the person: with whom, and whether a confirmation is on its way.
        const made = await tx.appointment.findUniqueOrThrow({
          where: { id: result.appointment.id },
          select: { advisor: { select: { firstName: true, lastName: true } }, person: { select: { email: true } } },
        });
        return { ...result, advisor: made.advisor, confirmationSent: Boolean(made.person.email) };
      });
      return c.json(booked, 201);
    } catch (error) {
      if (isExclusionViolation(error) || (error instanceof AppError && error.code === "SLOT_TAKEN")) {
        throw await slotTaken(db, ref, now);
      }
      throw error;
    }
  });
