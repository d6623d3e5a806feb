import { z } from "@hono/zod-openapi";
import { act } from "../../auth/http.ts";
import { localDate } from "../../http/fields.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { cancelSession } from "./cancel-session.ts";
import { moveSession } from "./move-session.ts";
import { recordAttendance } from "./record-attendance.ts";
import {
  AttendanceInput,
  CancelSessionInput,
  MovedSession,
  MoveSessionInput,
  SessionParam,
  SessionResponse,
  SessionSlots,
} from "./schemas.ts";
import { sessionSlots } from "./session-slots.ts";
import { showSession } from "./show-session.ts";

// A collective session — the seats sharing a session key — as one thing, for the staff of its
// structure and its advisor: its page, its attendance, and cancelling or moving it whole.

const sessionRoute = staffRoute("Sessions collectives");

const show = sessionRoute({
  method: "get",
  path: "/{key}",
  summary: "Une session collective : date, lieu, conseiller, places prises et libres, participants et leur présence",
  request: { params: SessionParam },
  responses: { 200: json(SessionResponse, "La session.") },
});

const attendance = sessionRoute({
  method: "post",
  path: "/{key}/attendance",
  summary: "Noter la présence des participants (honoré, absent, excusé), comme l'issue de chaque rendez-vous",
  request: { params: SessionParam, body: jsonBody(AttendanceInput) },
  responses: done,
});

const cancel = sessionRoute({
  method: "post",
  path: "/{key}/cancel",
  summary: "Annuler toute la session, avec un motif : chaque participant est prévenu (avec l'annulation .ics)",
  request: { params: SessionParam, body: jsonBody(CancelSessionInput) },
  responses: { 200: json(z.object({ cancelled: z.int() }), "Le nombre de places annulées.") },
});

const slots = sessionRoute({
  method: "get",
  path: "/{key}/slots",
  summary: "Les créneaux libres du conseiller où toute la session peut aller (assez de places pour ses inscrits)",
  request: { params: SessionParam, query: z.object({ from: localDate.optional() }) },
  responses: { 200: json(SessionSlots, "Vingt créneaux au plus, dans les huit semaines.") },
});

const move = sessionRoute({
  method: "post",
  path: "/{key}/move",
  summary: "Déplacer toute la session (toutes les places ou aucune) : chaque participant est prévenu",
  request: { params: SessionParam, body: jsonBody(MoveSessionInput) },
  responses: { 200: json(MovedSession, "La session à sa nouvelle heure : sa clé change.") },
});

export const sessions = createRouter()
  .openapi(show, async (c) => c.json(await act(c, "agenda", showSession, c.req.valid("param")), 200))
  .openapi(attendance, async (c) =>
    c.json(await act(c, "agenda", recordAttendance, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(cancel, async (c) =>
    c.json(await act(c, "agenda", cancelSession, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  )
  .openapi(slots, async (c) =>
    c.json(await act(c, "agenda", sessionSlots, { ...c.req.valid("param"), ...c.req.valid("query") }), 200),
  )
  .openapi(move, async (c) =>
    c.json(await act(c, "agenda", moveSession, { ...c.req.valid("param"), ...c.req.valid("json") }), 200),
  );
