import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { referralAnsweredEmail } from "../../../emails/referral.ts";
import { requireArea } from "../../auth/http.ts";
import type { Scope } from "../../auth/scope.ts";
import type { AppEnv } from "../../context.ts";
import { sqlIn, type Tx } from "../../db/database.ts";
import { isExclusionViolation } from "../../db/errors.ts";
import { actionProblem, INVITATION_DAYS, type ReferralAction } from "../../domain/referrals.ts";
import { localDateOf } from "../../domain/time.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { localDate, requiredText } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { audited, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { enqueue } from "../../mail/outbox.ts";
import { IdParam } from "../admin/schemas.ts";
import { bookSlot, lockLivePerson, slotTaken } from "../bookings/create-booking.ts";
import { once } from "../bookings/idempotency.ts";
import { BookingAnswer, IdempotencyHeader, PersonFields } from "../bookings/schemas.ts";
import { firstStaffSlots } from "../desk/desk-slots.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { decodeSlotKey } from "../slots/slot-key.ts";
import {
  invite,
  loadReferral,
  type ReferralRow,
  recordEvent,
  referralSelect,
  referralView,
  timelineOf,
  withdrawInvitation,
} from "./referrals.ts";
import { ReferralDetailResponse, ReferralResponse, ReferralSlotsResponse, ReferralsResponse } from "./schemas.ts";

// Referrals (orientations) for staff: a referrer passes a person on to another structure, with
// their agreement, then books for them or sends an invitation; the target answers from its
// inbox (accept, decline, redirect); both follow the timeline. The referrer's organisation
// follows its referrals, the target handles its own; nobody else sees them.

const referralRoute = staffRoute("Orientations");
const Reason = requiredText("Le motif", 500);
const Referral = json(ReferralResponse, "L'orientation.");

const list = referralRoute({
  method: "get",
  path: "/",
  summary: "Les orientations envoyées par ses structures (sent) ou reçues par elles (received)",
  request: {
    query: z.object({
      box: z.enum(["sent", "received"], "« sent » (envoyées) ou « received » (reçues)."),
      structure: z.uuid("identifiant de structure attendu.").optional(),
    }),
  },
  responses: { 200: json(ReferralsResponse, "200 orientations au plus, les plus récentes d'abord.") },
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
    body: jsonBody(
      z
        .object({
          toStructureId: z.uuid("identifiant de structure attendu."),
          serviceId: z.uuid("identifiant de service attendu.").optional(),
          reason: Reason,
        })
        .strict(),
    ),
  },
  responses: { 200: json(z.object({ id: z.uuid() }), "La nouvelle orientation.") },
});
const invitation = referralRoute({
  method: "post",
  path: "/{id}/invitation",
  summary: "Inviter la personne à prendre rendez-vous elle-même : un lien par courriel, ou un code imprimé",
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          email: z.boolean().openapi({ description: "Envoyer le lien à l'adresse de la personne." }),
          days: z.int().min(1, "1 jour au moins.").max(30, "30 jours au plus.").optional(),
        })
        .strict(),
    ),
  },
  responses: {
    200: json(
      z.object({ url: z.string(), code: z.string(), expiresAt: z.string(), sentTo: z.string().nullable() }),
      "Le lien et le code, montrés une fois ; les précédents ne fonctionnent plus.",
    ),
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

/**
 * Slots as someone outside the target structure chooses them, like the public: one per time
 * and place, without advisor names (the booking takes another advisor if it must).
 */
export function onePerTimeAndPlace<S extends { start: string; siteId: string | null; mode: string; advisor?: unknown }>(
  slots: S[],
): Omit<S, "advisor">[] {
  const seen = new Set<string>();
  return slots
    .filter((slot) => {
      const key = `${slot.start}|${slot.siteId}|${slot.mode}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .map(({ advisor: _, ...slot }) => slot);
}

/** A referral the user sees (scope.ts; 404 otherwise), and what they are to it. */
async function visible(scope: Scope, id: string) {
  const r = await loadReferral(scope, id);
  if (!r) throw notFound("Orientation");
  return { r, follower: scope.follows(r), handler: scope.handles(r) };
}

/** Accepting, declining, redirecting: the target's part. */
function answering(handler: boolean) {
  if (!handler) {
    throw new AppError(
      "FORBIDDEN",
      "Votre rôle ne permet pas de répondre : seule la structure destinataire répond à une orientation.",
    );
  }
}

/** Why the referral cannot take this action now, in French; undefined when it can. */
function problemOf(r: ReferralRow, action: ReferralAction): string | undefined {
  // Once the person is erased, nobody can be invited, answered for or booked: the referral is closed.
  if (r.person.anonymisedAt) return "Les données de la personne ont été effacées : cette orientation est close.";
  return actionProblem(r.status, action);
}

function allowed(r: ReferralRow, action: ReferralAction) {
  const problem = problemOf(r, action);
  if (problem) throw new AppError("CONFLICT", problem);
}

/** The offering of the referral's service at its target, whoever may book it. */
async function targetOffering(tx: Tx | Context<AppEnv>["var"]["deps"]["db"]["prisma"], r: ReferralRow) {
  const row = await tx.offering.findFirst({
    where: { structureId: r.toStructureId, serviceId: r.service.id, active: true, structure: { active: true } },
    select: { ...offeringSelect, bookableBy: true },
  });
  if (!row) throw new AppError("CONFLICT", "La structure n'offre plus ce service : réorientez la personne.");
  return row;
}

/** Someone may be referred to an active SPRO structure offering the service, not to a partner without calendar. */
async function checkTarget(c: Context<AppEnv>, toStructureId: string, serviceId: string, fromStructureId: string) {
  if (toStructureId === fromStructureId) throw validationError({ toStructureId: "Choisissez une autre structure que la vôtre." });
  const offering = await c.var.deps.db.prisma.offering.findFirst({
    where: {
      structureId: toStructureId,
      serviceId,
      active: true,
      structure: { active: true, network: { kind: "spro" } },
    },
    select: { id: true },
  });
  if (!offering) throw validationError({ serviceId: "Cette structure n'offre pas ce service." });
}

const answerNotice = (r: ReferralRow, publicUrl: string) => ({
  referrerFirstName: r.referrer.firstName,
  person: `${r.person.firstName} ${r.person.lastName}`,
  to: r.toStructure.name,
  service: r.service.name,
  url: `${publicUrl}/espace/orientations/${r.id}`,
});

export const referrals = createRouter()
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { box, structure } = c.req.valid("query");
    const boxes = box === "sent" ? scope.memberOf : scope.staffOf;
    if (structure && !boxes.includes(structure)) throw notFound("Structure");
    const ids = structure ? [structure] : [...boxes];
    const rows = await scope.prisma.referral.findMany({
      where: box === "sent" ? { fromStructureId: { in: ids } } : { toStructureId: { in: ids } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: referralSelect,
    });
    return c.json({ referrals: rows.map(referralView) }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "referrals");
    const body = c.req.valid("json");
    if (!scope.refersFrom(body.fromStructureId)) throw notFound("Structure");
    await checkTarget(c, body.toStructureId, body.serviceId, body.fromStructureId);
    const now = c.var.deps.clock.now();
    const { commune, ...person } = body.person;
    const made = await audited(
      c,
      { action: "referral.create", entity: "Referral", details: { structureId: body.fromStructureId } },
      async (tx) => {
        const known = commune && (await tx.commune.count({ where: { code: commune } }));
        const { id: personId } = await tx.person.create({
          data: { ...person, communeCode: known ? commune : null, lastActivityAt: now },
          select: { id: true },
        });
        const referral = await tx.referral.create({
          data: {
            fromStructureId: body.fromStructureId,
            referrerId: scope.user.id,
            toStructureId: body.toStructureId,
            serviceId: body.serviceId,
            personId,
            need: body.need,
            consentAt: now,
            createdAt: now,
          },
          select: { id: true },
        });
        await recordEvent(tx, referral.id, { kind: "created", at: now, byId: scope.user.id });
        return referral;
      },
    );
    return c.json({ id: made.id }, 201);
  })
  .openapi(detail, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r, follower, handler } = await visible(scope, c.req.valid("param").id);
    const can = (action: ReferralAction) => !problemOf(r, action);
    return c.json(
      {
        referral: {
          ...referralView(r),
          timeline: await timelineOf(c.var.deps.db, r.id, r.toStructure.timeZone),
          can: {
            accept: handler && can("accept"),
            decline: handler && can("decline"),
            redirect: handler && can("redirect"),
            book: can("book"),
            invite: (follower || handler) && can("invite"),
          },
        },
      },
      200,
    );
  })
  .openapi(accept, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r, handler } = await visible(scope, c.req.valid("param").id);
    answering(handler);
    allowed(r, "accept");
    const now = c.var.deps.clock.now();
    await audited(c, { action: "referral.accept", entity: "Referral", details: { structureId: r.toStructureId } }, async (tx) => {
      await tx.referral.update({ where: { id: r.id }, data: { status: "accepted" } });
      await recordEvent(tx, r.id, { kind: "accepted", at: now, byId: scope.user.id });
      return { id: r.id };
    });
    return c.json({ referral: referralView((await loadReferral(c.var.deps.db, r.id)) as ReferralRow) }, 200);
  })
  .openapi(decline, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r, handler } = await visible(scope, c.req.valid("param").id);
    answering(handler);
    allowed(r, "decline");
    const { reason } = c.req.valid("json");
    const { clock, config } = c.var.deps;
    const now = clock.now();
    await audited(
      c,
      { action: "referral.decline", entity: "Referral", details: { structureId: r.toStructureId } },
      async (tx) => {
        await tx.referral.update({ where: { id: r.id }, data: { status: "declined", statusReason: reason } });
        await withdrawInvitation(tx, r.id);
        await recordEvent(tx, r.id, { kind: "declined", at: now, byId: scope.user.id, detail: reason });
        const email = referralAnsweredEmail(answerNotice(r, config.publicUrl), { kind: "declined", reason });
        await enqueue(sqlIn(tx), config.sessionSecret, [
          { type: "referral.declined", recipient: r.referrer.email, dueAt: now, payload: email, referralId: r.id },
        ]);
        return { id: r.id };
      },
    );
    return c.json({ referral: referralView((await loadReferral(c.var.deps.db, r.id)) as ReferralRow) }, 200);
  })
  .openapi(redirect, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r, handler } = await visible(scope, c.req.valid("param").id);
    answering(handler);
    allowed(r, "redirect");
    const body = c.req.valid("json");
    const serviceId = body.serviceId ?? r.service.id;
    await checkTarget(c, body.toStructureId, serviceId, r.toStructureId);
    const { clock, config, db } = c.var.deps;
    const now = clock.now();
    const elsewhere = await db.prisma.structure.findUniqueOrThrow({ where: { id: body.toStructureId }, select: { name: true } });
    // The new referral is the target's: it now refers the person on, with the agreement already given.
    const next = await audited(
      c,
      { action: "referral.redirect", entity: "Referral", details: { structureId: r.toStructureId } },
      async (tx) => {
        await tx.referral.update({ where: { id: r.id }, data: { status: "redirected", statusReason: body.reason } });
        await withdrawInvitation(tx, r.id);
        const made = await tx.referral.create({
          data: {
            fromStructureId: r.toStructureId,
            referrerId: scope.user.id,
            toStructureId: body.toStructureId,
            serviceId,
            personId: r.person.id,
            need: r.need,
            consentAt: r.consentAt,
            redirectedFromId: r.id,
            // Whoever followed this one follows where it leads.
            originStructureIds: [r.fromStructureId, ...r.originStructureIds],
            createdAt: now,
          },
          select: { id: true },
        });
        await recordEvent(tx, r.id, {
          kind: "redirected",
          at: now,
          byId: scope.user.id,
          detail: `vers ${elsewhere.name} : ${body.reason}`,
        });
        await recordEvent(tx, made.id, {
          kind: "created",
          at: now,
          byId: scope.user.id,
          detail: `réorientée par ${r.toStructure.name}`,
        });
        const email = referralAnsweredEmail(answerNotice(r, config.publicUrl), {
          kind: "redirected",
          reason: body.reason,
          elsewhere: elsewhere.name,
        });
        await enqueue(sqlIn(tx), config.sessionSecret, [
          { type: "referral.redirected", recipient: r.referrer.email, dueAt: now, payload: email, referralId: r.id },
        ]);
        return made;
      },
    );
    return c.json({ id: next.id }, 200);
  })
  .openapi(invitation, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r } = await visible(scope, c.req.valid("param").id);
    allowed(r, "invite");
    const body = c.req.valid("json");
    if (body.email && !r.person.email) {
      throw validationError({ email: "La personne n'a pas d'adresse électronique : imprimez le code." });
    }
    const { clock, config } = c.var.deps;
    const now = clock.now();
    const sent = await audited(
      c,
      { action: "referral.invite", entity: "Referral", details: { structureId: r.fromStructureId } },
      async (tx) => ({
        id: r.id,
        ...(await invite(tx, r, { days: body.days ?? INVITATION_DAYS, email: body.email, now, byId: scope.user.id, config })),
      }),
    );
    return c.json({ url: sent.url, code: sent.code, expiresAt: sent.expiresAt.toISOString(), sentTo: sent.sentTo }, 200);
  })
  .openapi(slots, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r, handler } = await visible(scope, c.req.valid("param").id);
    const { db, clock } = c.var.deps;
    const offering = toOfferingRow(await targetOffering(db.prisma, r));
    const now = clock.now();
    // The target's own staff book as staff; a referrer from elsewhere keeps the public notice.
    const list = await firstStaffSlots(db, offering, {
      from: c.req.valid("query").from ?? localDateOf(now, offering.timeZone),
      now,
      // Several advisors share a time: ask for more, keep 20 once each time is there once.
      limit: 200,
      audience: handler ? "staff" : "public",
    });
    return c.json({ slots: (handler ? list : onePerTimeAndPlace(list)).slice(0, 20) }, 200);
  })
  .openapi(booking, async (c) => {
    const scope = await requireArea(c, "referrals");
    const { r, handler } = await visible(scope, c.req.valid("param").id);
    const { db, clock, config } = c.var.deps;
    const ref = decodeSlotKey(c.req.valid("json").slotKey);
    if (!ref) throw validationError({ slotKey: "Ce créneau n'existe pas : choisissez-en un dans la liste." });
    const offering = await targetOffering(db.prisma, r);
    if (ref.offeringId !== offering.id)
      throw validationError({ slotKey: "Ce créneau n'est pas celui du service de l'orientation." });
    const now = clock.now();
    const key = `referral:${scope.user.id}:${c.req.valid("header")["idempotency-key"]}`;
    try {
      // The state is checked inside: a retry of a booking that went through gets it back.
      const booked = await once(db, { key, body: c.req.valid("json"), secret: config.sessionSecret }, (tx) => {
        allowed(r, "book");
        return bookForReferral(tx, r, { ref, now, config, audience: handler ? "staff" : "public", byId: scope.user.id });
      });
      return c.json(booked, 201);
    } catch (error) {
      if (isExclusionViolation(error) || (error instanceof AppError && error.code === "SLOT_TAKEN")) {
        throw await slotTaken(db, ref, now);
      }
      throw error;
    }
  });

/**
 * Books the referral's meeting (by the referrer, the target, or the person through their
 * invitation): any offering of the referral's service at its target, « referral only » ones
 * included. The referral is then booked, its invitation withdrawn.
 */
export async function bookForReferral(
  tx: Tx,
  r: ReferralRow,
  options: {
    ref: NonNullable<ReturnType<typeof decodeSlotKey>>;
    now: Date;
    config: Context<AppEnv>["var"]["deps"]["config"];
    audience: "public" | "staff";
    byId: string | null;
    accessibilityNeeds?: string | undefined;
  },
) {
  // The person first, as an erasure locks them: then the referral, claimed so that two
  // bookings for one referral cannot both go through.
  const sql = sqlIn(tx);
  await lockLivePerson(sql, r.person.id);
  const claimed = await tx.referral.updateMany({
    where: { id: r.id, status: { in: ["sent", "accepted"] } },
    data: { status: "booked" },
  });
  if (claimed.count === 0) throw new AppError("CONFLICT", "Un rendez-vous est déjà pris pour cette orientation.");
  const result = await bookSlot(
    sql,
    {
      ref: options.ref,
      audience: options.audience,
      refusal: (o) =>
        o.structureId === r.toStructureId ? undefined : "Ce créneau n'est pas celui de la structure destinataire.",
      person: { id: r.person.id },
      channel: "referral",
      ...(options.byId && { bookedById: options.byId }),
      accessibilityNeeds: options.accessibilityNeeds,
    },
    options.now,
    options.config,
  );
  await tx.referral.update({ where: { id: r.id }, data: { appointmentId: result.appointment.id } });
  await withdrawInvitation(tx, r.id);
  await recordEvent(tx, r.id, {
    kind: "booked",
    at: options.now,
    byId: options.byId,
    detail: options.byId ? "" : "par la personne, avec son invitation",
  });
  return result;
}
