import { z } from "@hono/zod-openapi";
import { hashSecret as hashToken } from "../../auth/hash-secret.ts";
import { requireArea } from "../../auth/http.ts";
import type { Scope } from "../../auth/scope.ts";
import { sqlIn } from "../../db/database.ts";
import { outcomeProblem } from "../../domain/booking.ts";
import { DEFAULT_ZONE, epochDay, toZonedIso } from "../../domain/time.ts";
import { AppError, notFound, validationError } from "../../errors.ts";
import { csvHeaders } from "../../http/csv.ts";
import { emailAddress, localDate, text } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { audited, done, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { IdParam } from "../admin/schemas.ts";
import { cancelAppointment } from "../appointments/cancel.ts";
import { loadAppointment, toDetails } from "../appointments/details.ts";
import { newManageToken } from "../bookings/create-booking.ts";
import { exportAppointments } from "./export-appointments.ts";
import { type AgendaView, loadAgenda } from "./load-agenda.ts";
import { Agenda, AppointmentDetailResponse } from "./schemas.ts";

// The agenda: an advisor's appointments across their structures, or a structure's team, and
// what staff do with an appointment — its outcome, private notes, its confirmation, cancellation.

const agendaRoute = staffRoute("Agenda");
const OUTCOME_WORDS = { honoured: "rendez-vous honoré", no_show: "absence au rendez-vous", excused: "absence excusée" } as const;
const MAX_DAYS = 31;

const list = agendaRoute({
  method: "get",
  path: "/",
  summary: "L'agenda : ses rendez-vous (toutes structures), ou l'équipe d'une structure ; créneaux libres, absences, fermetures",
  request: {
    query: z.object({
      from: localDate,
      to: localDate,
      structure: z
        .uuid("identifiant de structure attendu.")
        .optional()
        .openapi({ description: "Vue d'équipe de cette structure." }),
      advisor: z
        .uuid("identifiant de conseiller attendu.")
        .optional()
        .openapi({ description: "Avec structure : un seul conseiller." }),
    }),
  },
  responses: { 200: json(Agenda, "L'agenda de la période.") },
});

const exported = agendaRoute({
  method: "get",
  path: "/export",
  summary: "Les rendez-vous d'une structure sur une période, en CSV (ses administrateurs seulement ; un an au plus)",
  request: {
    query: z.object({ structure: z.uuid("identifiant de structure attendu."), from: localDate, to: localDate }),
  },
  responses: { 200: { description: "text/csv (UTF-8 avec BOM, point-virgule)" } },
});

const detail = agendaRoute({
  method: "get",
  path: "/appointments/{id}",
  summary: "Un rendez-vous : la personne et ses coordonnées, le service, le canal, les notes, l'historique avec la structure",
  request: { params: IdParam },
  responses: { 200: json(AppointmentDetailResponse, "Le rendez-vous.") },
});

const outcome = agendaRoute({
  method: "post",
  path: "/appointments/{id}/outcome",
  summary: "Noter l'issue : honoré, absent, excusé (pas avant l'heure du rendez-vous)",
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          outcome: z.enum(
            ["honoured", "no_show", "excused"],
            "« honoured » (honoré), « no_show » (absent·e) ou « excused » (excusé·e).",
          ),
        })
        .strict(),
    ),
  },
  responses: done,
});

const notes = agendaRoute({
  method: "patch",
  path: "/appointments/{id}",
  summary: "Les notes privées du rendez-vous (visibles de la structure seulement)",
  request: { params: IdParam, body: jsonBody(z.object({ notes: text(4000) }).strict()) },
  responses: done,
});

const cancel = agendaRoute({
  method: "post",
  path: "/appointments/{id}/cancel",
  summary: "Annuler un rendez-vous, avec un motif : la personne est prévenue (avec l'annulation .ics)",
  request: {
    params: IdParam,
    body: jsonBody(z.object({ reason: z.string().trim().min(1, "Le motif est obligatoire.").max(500) }).strict()),
  },
  responses: done,
});

const confirmation = agendaRoute({
  method: "post",
  path: "/appointments/{id}/confirmation",
  summary: "Envoyer (ou renvoyer) la confirmation par courriel à la personne, avec le .ics et les rappels",
  request: {
    params: IdParam,
    body: jsonBody(
      z
        .object({
          email: emailAddress.optional().openapi({ description: "L'adresse que la personne donne ; sinon, celle connue." }),
          manageToken: z.string().max(100).optional().openapi({
            description:
              "Le lien privé remis à la réservation : le courriel donne le même. Sans lui, un nouveau lien remplace l'ancien.",
          }),
        })
        .strict(),
    ),
  },
  responses: {
    200: json(
      z.object({ sentTo: z.string(), manageUrl: z.url(), newLink: z.boolean() }),
      "Le courriel part ; `newLink` : l'ancien lien privé ne fonctionne plus.",
    ),
  },
});

/** An appointment the user sees in full (scope.ts): their own, or one of a structure whose people they see. */
async function visibleAppointment(scope: Scope, id: string) {
  const row = await scope.prisma.appointment.findUnique({
    where: { id },
    select: { id: true, structureId: true, advisorId: true, status: true, startsAt: true, personId: true },
  });
  if (!row) throw notFound("Rendez-vous");
  return row;
}

export const agenda = createRouter()
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { db, clock } = c.var.deps;
    const { from, to, structure, advisor } = c.req.valid("query");
    if (to < from) throw validationError({ to: "La fin doit suivre le début." });
    if (epochDay(to) - epochDay(from) + 1 > MAX_DAYS) throw validationError({ to: `${MAX_DAYS} jours au plus.` });
    let view: AgendaView;
    if (structure) {
      if (!scope.seesPeopleOf(structure)) throw notFound("Structure");
      const s = await db.prisma.structure.findUnique({
        where: { id: structure },
        select: { timeZone: true, memberships: { where: { role: "advisor" }, select: { userId: true } } },
      });
      if (!s) throw notFound("Structure");
      const team = s.memberships.map((m) => m.userId);
      if (advisor && !team.includes(advisor)) throw validationError({ advisor: "Ce conseiller n'est pas de la structure." });
      view = { advisorIds: advisor ? [advisor] : team, structureIds: [structure], zone: s.timeZone, team: structure };
    } else {
      const mine = scope.roles.memberships.filter((m) => m.role === "advisor").map((m) => m.structureId);
      view = { advisorIds: [scope.userId], structureIds: mine, zone: DEFAULT_ZONE };
    }
    return c.json({ zone: view.zone, ...(await loadAgenda(db, scope, view, { from, to, now: clock.now() })) }, 200);
  })
  .openapi(exported, async (c) => {
    const scope = await requireArea(c, "agenda");
    const query = c.req.valid("query");
    if (query.from > query.to) throw validationError({ to: "La fin de la période précède son début." });
    if (epochDay(query.to) - epochDay(query.from) >= 366) throw validationError({ to: "Un an au plus." });
    const { csv, fileName } = await exportAppointments(c.var.deps, scope, query);
    return c.body(csv, 200, csvHeaders(fileName));
  })
  .openapi(detail, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { id } = c.req.valid("param");
    const visible = await visibleAppointment(scope, id);
    const a = await scope.prisma.appointment.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        startsAt: true,
        endsAt: true,
        status: true,
        outcome: true,
        outcomeAt: true,
        mode: true,
        channel: true,
        notes: true,
        accessibilityNeeds: true,
        cancelReason: true,
        followUpOfId: true,
        structure: { select: { id: true, name: true, timeZone: true } },
        site: { select: { id: true, name: true, address: true } },
        offering: { select: { id: true, service: { select: { id: true, name: true } } } },
        advisor: { select: { id: true, firstName: true, lastName: true } },
        bookedBy: { select: { firstName: true, lastName: true } },
        person: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            email: true,
            phone: true,
            birthYear: true,
            communeCode: true,
            anonymisedAt: true,
          },
        },
      },
    });
    // The person's history with this structure only: other structures' meetings are theirs.
    const history = await scope.prisma.appointment.findMany({
      where: { personId: visible.personId, structureId: visible.structureId, id: { not: id } },
      orderBy: { startsAt: "desc" },
      take: 50,
      select: {
        id: true,
        startsAt: true,
        status: true,
        outcome: true,
        offering: { select: { service: { select: { name: true } } } },
      },
    });
    const zone = a.structure.timeZone;
    const { startsAt, endsAt, outcomeAt, structure, ...rest } = a;
    return c.json(
      {
        appointment: {
          ...rest,
          structure: { id: structure.id, name: structure.name },
          start: toZonedIso(startsAt, zone),
          end: toZonedIso(endsAt, zone),
          outcomeAt: outcomeAt && toZonedIso(outcomeAt, zone),
          history: history.map((h) => ({
            id: h.id,
            start: toZonedIso(h.startsAt, zone),
            status: h.status,
            outcome: h.outcome,
            service: h.offering.service.name,
          })),
        },
      },
      200,
    );
  })
  .openapi(outcome, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { id } = c.req.valid("param");
    const row = await visibleAppointment(scope, id);
    const now = c.var.deps.clock.now();
    const problem = outcomeProblem({ status: row.status, start: row.startsAt }, now);
    if (problem) throw new AppError("CONFLICT", problem);
    const { outcome: value } = c.req.valid("json");
    await audited(
      c,
      { action: "appointment.outcome", entity: "Appointment", details: { structureId: row.structureId } },
      async (tx) => {
        // What became of a referred person's meeting flows back to the referral's timeline,
        // whether or not the user sees the referral: plain SQL, outside their scope.
        const [referral] = await sqlIn(tx).query<{ id: string }>(`SELECT id FROM "Referral" WHERE "appointmentId" = $1::uuid`, [
          id,
        ]);
        if (referral) {
          await tx.referralEvent.create({
            data: { referralId: referral.id, kind: "outcome", at: now, byId: scope.user.id, detail: OUTCOME_WORDS[value] },
          });
        }
        return tx.appointment.update({ where: { id }, data: { outcome: value, outcomeAt: now }, select: { id: true } });
      },
    );
    return c.json({}, 200);
  })
  .openapi(notes, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { id } = c.req.valid("param");
    const row = await visibleAppointment(scope, id);
    const { notes: value } = c.req.valid("json");
    await audited(
      c,
      { action: "appointment.notes", entity: "Appointment", details: { structureId: row.structureId } },
      async (tx) => {
        // Notes about an erased person would undo the erasure; the same lock as the erasure's,
        // so that one waiting for the other sees it.
        const [person] = await tx.$queryRaw<{ anonymisedAt: Date | null }[]>`
          SELECT "anonymisedAt" FROM "Person" WHERE "id" = ${row.personId}::uuid FOR UPDATE`;
        if (person?.anonymisedAt) {
          const message = "Les données de cette personne ont été effacées : aucune note ne peut plus être écrite à son sujet.";
          throw new AppError("CONFLICT", message, { fields: { notes: message } });
        }
        return tx.appointment.update({ where: { id }, data: { notes: value }, select: { id: true } });
      },
    );
    return c.json({}, 200);
  })
  .openapi(confirmation, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { id } = c.req.valid("param");
    const { db, clock, config } = c.var.deps;
    const select = {
      structureId: true,
      status: true,
      endsAt: true,
      manageTokenHash: true,
      personId: true,
      person: { select: { email: true } },
      offering: { select: { reminderPlan: true } },
    } as const;
    const body = c.req.valid("json");
    const seen = await scope.prisma.appointment.findUnique({ where: { id }, select });
    // The desk may book in a partner's offering: whoever booked it may send its confirmation
    // while they hold its private link (just booked), as the person could with it — not later.
    const held =
      !seen && body.manageToken
        ? await db.prisma.appointment.findFirst({
            where: { id, bookedById: scope.userId, manageTokenHash: hashToken(body.manageToken) },
            select,
          })
        : null;
    const row = seen ?? held;
    if (!row) throw notFound("Rendez-vous");
    const kept = body.manageToken && hashToken(body.manageToken) === row.manageTokenHash ? body.manageToken : undefined;
    const now = clock.now();
    if (row.status !== "booked") throw new AppError("CONFLICT", "Ce rendez-vous est annulé : aucune confirmation à envoyer.");
    // A walk-in may be booked for the very hour: only a meeting over has nothing to confirm.
    if (row.endsAt <= now) throw new AppError("CONFLICT", "Ce rendez-vous est terminé : aucune confirmation à envoyer.");
    const email = body.email ?? row.person.email;
    if (!email) throw validationError({ email: "Indiquez l'adresse électronique de la personne." });
    // The private link is never stored in clear: the one handed over at the desk is reused when
    // the page still holds it; otherwise a new one replaces it.
    const link = kept ? { token: kept, hash: row.manageTokenHash } : newManageToken();
    const fields = [...(email !== row.person.email ? ["email"] : []), ...(kept ? [] : ["manageToken"])];
    await audited(
      c,
      { action: "appointment.confirmation", entity: "Appointment", details: { structureId: row.structureId, fields } },
      async (tx) => {
        if (email !== row.person.email) await tx.person.update({ where: { id: row.personId }, data: { email } });
        if (!kept) await tx.appointment.update({ where: { id }, data: { manageTokenHash: link.hash } });
        const details = toDetails(await loadAppointment(sqlIn(tx), id), `${config.publicUrl}/rdv/${link.token}`);
        await enqueueAppointmentMessages(
          sqlIn(tx),
          details,
          { kind: "confirmed" },
          { now, reminderPlan: row.offering.reminderPlan, secret: config.sessionSecret },
        );
        return { id };
      },
      held ? db.prisma : undefined,
    );
    return c.json({ sentTo: email, manageUrl: `${config.publicUrl}/rdv/${link.token}`, newLink: !kept }, 200);
  })
  .openapi(cancel, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { id } = c.req.valid("param");
    const row = await visibleAppointment(scope, id);
    const now = c.var.deps.clock.now();
    if (row.status !== "booked") throw new AppError("CONFLICT", "Ce rendez-vous est déjà annulé.");
    const { reason } = c.req.valid("json");
    await audited(
      c,
      { action: "appointment.cancel", entity: "Appointment", details: { structureId: row.structureId } },
      async (tx) => {
        await cancelAppointment(tx, id, { by: "structure", reason }, { now, secret: c.var.deps.config.sessionSecret });
        return { id };
      },
    );
    return c.json({}, 200);
  });
