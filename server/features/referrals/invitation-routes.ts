import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../context.ts";
import { sqlIn } from "../../db/database.ts";
import { isExclusionViolation } from "../../db/errors.ts";
import { invitationOpen } from "../../domain/referrals.ts";
import { localDateOf, toZonedIso } from "../../domain/time.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { emailAddress, localDate, phoneNumber, text } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { lockLivePerson, slotTaken } from "../bookings/create-booking.ts";
import { once } from "../bookings/idempotency.ts";
import { BookingAnswer, IdempotencyHeader } from "../bookings/schemas.ts";
import { firstStaffSlots } from "../desk/desk-slots.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { decodeSlotKey } from "../slots/slot-key.ts";
import { findByInvitation, loadReferral, type ReferralRow } from "./referrals.ts";
import { bookForReferral, onePerTimeAndPlace } from "./routes.ts";
import { InvitationResponse, InvitationSlotsResponse } from "./schemas.ts";

// The person's side of a referral: the invitation link (its token) or the printed code opens
// the target's slots for the referral's service — « referral only » offerings included — and
// books one. No account: the key is the person's proof, like an appointment's private link.

const KeyParam = z.object({
  key: z
    .string()
    .min(12, "lien ou code d'invitation invalide.")
    .max(64, "lien ou code d'invitation invalide.")
    .openapi({ description: "Le jeton du lien d'invitation, ou le code imprimé (« ABCD-EFGH-JKMN »)." }),
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const Unknown = errorResponse("Lien ou code inconnu, ou remplacé par une nouvelle invitation.");

const show = createRoute({
  method: "get",
  path: "/{key}",
  tags: ["Invitations"],
  summary: "Une invitation à prendre rendez-vous : qui oriente, vers qui, pour quoi, jusqu'à quand",
  request: { params: KeyParam },
  responses: { 200: json(InvitationResponse, "L'invitation et son état (open, booked, closed)."), 404: Unknown },
});
const slots = createRoute({
  method: "get",
  path: "/{key}/slots",
  tags: ["Invitations"],
  summary: "Les premiers créneaux libres ouverts par l'invitation",
  request: {
    params: KeyParam,
    query: z.object({ from: localDate.optional() }),
  },
  responses: {
    200: json(InvitationSlotsResponse, "20 créneaux au plus, dans l'ordre."),
    404: Unknown,
    409: errorResponse("L'invitation n'est plus ouverte."),
  },
});
const book = createRoute({
  method: "post",
  path: "/{key}/booking",
  tags: ["Invitations"],
  summary: "Réserver avec son invitation",
  request: {
    params: KeyParam,
    headers: IdempotencyHeader,
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              slotKey: z.string().min(1, "Le créneau est obligatoire.").max(200),
              email: emailAddress.optional(),
              phone: phoneNumber.optional(),
              accessibilityNeeds: text(500).optional(),
              noticeAccepted: z.literal(true, "Vous devez prendre connaissance de l'information sur vos données personnelles."),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    201: json(BookingAnswer, "Le rendez-vous, et le lien privé pour le déplacer ou l'annuler."),
    404: Unknown,
    409: errorResponse("L'invitation n'est plus ouverte, ou le créneau vient d'être pris."),
    422: errorResponse("Un champ est invalide ; `fields` le nomme."),
  },
});

async function opened(c: Context<AppEnv>, key: string): Promise<ReferralRow> {
  const found = await findByInvitation(c.var.deps.db, key);
  const r = found && (await loadReferral(c.var.deps.db, found.id));
  if (!r) throw notFound("Invitation");
  return r;
}

function stillOpen(r: ReferralRow, now: Date) {
  if (!invitationOpen(r, now)) {
    throw new AppError(
      "CONFLICT",
      r.status === "booked"
        ? "Un rendez-vous est déjà pris avec cette invitation."
        : `Cette invitation n'est plus valable : contactez ${r.fromStructure.name} ou ${r.toStructure.name}.`,
    );
  }
}

export const invitations = createRouter()
  .openapi(show, async (c) => {
    const r = await opened(c, c.req.valid("param").key);
    const now = c.var.deps.clock.now();
    const contact = await c.var.deps.db.prisma.structure.findUniqueOrThrow({
      where: { id: r.toStructureId },
      select: { phone: true, email: true },
    });
    return c.json(
      {
        invitation: {
          firstName: r.person.firstName,
          hasEmail: Boolean(r.person.email),
          from: { name: r.fromStructure.name },
          to: { id: r.toStructure.id, slug: r.toStructure.slug, name: r.toStructure.name, ...contact },
          service: { slug: r.service.slug, name: r.service.name },
          expiresAt: r.invitationExpiresAt && toZonedIso(r.invitationExpiresAt, r.toStructure.timeZone),
          state: r.status === "booked" ? "booked" : invitationOpen(r, now) ? "open" : "closed",
        },
      },
      200,
    );
  })
  .openapi(slots, async (c) => {
    const r = await opened(c, c.req.valid("param").key);
    const { db, clock } = c.var.deps;
    const now = clock.now();
    stillOpen(r, now);
    const row = await db.prisma.offering.findFirst({
      where: { structureId: r.toStructureId, serviceId: r.service.id, active: true },
      select: offeringSelect,
    });
    if (!row) return c.json({ slots: [] }, 200);
    const offering = toOfferingRow(row);
    const list = await firstStaffSlots(db, offering, {
      from: c.req.valid("query").from ?? localDateOf(now, offering.timeZone),
      now,
      // Several advisors share a time: ask for more, keep 20 once each time is there once.
      limit: 200,
      audience: "public",
    });
    return c.json({ slots: onePerTimeAndPlace(list).slice(0, 20) }, 200);
  })
  .openapi(book, async (c) => {
    const r = await opened(c, c.req.valid("param").key);
    const { db, clock, config } = c.var.deps;
    const now = clock.now();
    const body = c.req.valid("json");
    const ref = decodeSlotKey(body.slotKey);
    if (!ref) throw validationError({ slotKey: "Ce créneau n'existe pas : choisissez-en un dans la liste." });
    try {
      // Checked inside: a retry of a booking that went through gets it back.
      const key = `invitation:${r.id}:${c.req.valid("header")["idempotency-key"]}`;
      const booked = await once(db, { key, body, secret: config.sessionSecret }, async (tx) => {
        stillOpen(r, now);
        // Before the person's row is written: an erased person gets nothing back.
        await lockLivePerson(sqlIn(tx), r.person.id);
        if (body.email || body.phone) {
          await tx.person.update({
            where: { id: r.person.id },
            data: { ...(body.email && { email: body.email }), ...(body.phone && { phone: body.phone }), noticeAcceptedAt: now },
          });
        } else await tx.person.update({ where: { id: r.person.id }, data: { noticeAcceptedAt: now } });
        return bookForReferral(tx, r, {
          ref,
          now,
          config,
          audience: "public",
          byId: null,
          accessibilityNeeds: body.accessibilityNeeds,
        });
      });
      return c.json(booked, 201);
    } catch (error) {
      if (isExclusionViolation(error) || (error instanceof AppError && error.code === "SLOT_TAKEN")) {
        throw await slotTaken(db, ref, now);
      }
      throw error;
    }
  });
