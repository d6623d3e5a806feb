import { z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { csvHeaders } from "../../http/csv.ts";
import { emailAddress, localDate, text } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { done, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { IdParam } from "../admin/schemas.ts";
import { cancelWithReason } from "./cancel-with-reason.ts";
import { exportAppointments } from "./export-appointments.ts";
import { moveByStaff } from "./move-by-staff.ts";
import { recordOutcome } from "./record-outcome.ts";
import { Agenda, AppointmentDetailResponse, MovedAppointment, PrintableConfirmation } from "./schemas.ts";
import { sendConfirmation } from "./send-confirmation.ts";
import { showAgenda } from "./show-agenda.ts";
import { showAppointment } from "./show-appointment.ts";
import { showConfirmation } from "./show-confirmation.ts";
import { writeNotes } from "./write-notes.ts";

// The agenda: an advisor's appointments across their structures, or a structure's team, and
// what staff do with an appointment — its outcome, private notes, its confirmation, cancellation.

const agendaRoute = staffRoute("Agenda");

const list = agendaRoute({
  method: "get",
  path: "/",
  summary: "L'agenda : ses rendez-vous (toutes structures), ou l'équipe d'une structure ; créneaux libres, absences, fermetures",
  request: {
    query: z.object({
      from: localDate.optional().openapi({ description: "Premier jour ; par défaut, aujourd'hui dans le fuseau de l'agenda." }),
      to: localDate.optional().openapi({ description: "Dernier jour inclus ; par défaut, le premier." }),
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

const move = agendaRoute({
  method: "post",
  path: "/appointments/{id}/move",
  summary:
    "Déplacer un rendez-vous sur un autre créneau libre (même offre, tout conseiller ou site, ou une autre offre de la structure) : la personne et les conseillers sont prévenus",
  request: {
    params: IdParam,
    body: jsonBody(z.object({ slotKey: z.string().min(1, "Le créneau est obligatoire.").max(200) }).strict()),
  },
  responses: {
    200: json(MovedAppointment, "Le rendez-vous est déplacé ; `told` dit qui est prévenu."),
    409: errorResponse(
      "Le créneau a été pris entre-temps (SLOT_TAKEN, `alternatives` en propose d'autres), ou le rendez-vous est annulé ou son issue notée (CONFLICT).",
    ),
  },
});

const printable = agendaRoute({
  method: "get",
  path: "/appointments/{id}/confirmation",
  summary:
    "La confirmation à imprimer (ou réimprimer) pour la personne : le rendez-vous, avec qui, et son lien privé s'il est connu",
  request: { params: IdParam },
  responses: {
    200: json(PrintableConfirmation, "La confirmation ; `manageUrl` null quand le lien privé n'est plus connu du serveur."),
  },
});

export const agenda = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "agenda", showAgenda, c.req.valid("query")), 200))
  .openapi(exported, async (c) => {
    const deps = await staffDeps(c, "agenda");
    const { csv, fileName } = await exportAppointments({ ...deps, input: c.req.valid("query") });
    return c.body(csv, 200, csvHeaders(fileName));
  })
  .openapi(detail, async (c) => c.json(await act(c, "agenda", showAppointment, c.req.valid("param")), 200))
  .openapi(outcome, async (c) =>
    c.json(await act(c, "agenda", recordOutcome, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(notes, async (c) =>
    c.json(await act(c, "agenda", writeNotes, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(printable, async (c) => c.json(await act(c, "agenda", showConfirmation, c.req.valid("param")), 200))
  .openapi(confirmation, async (c) =>
    c.json(await act(c, "agenda", sendConfirmation, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(move, async (c) =>
    c.json(await act(c, "agenda", moveByStaff, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(cancel, async (c) =>
    c.json(await act(c, "agenda", cancelWithReason, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  );
