import { z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { calendarStatus } from "./calendar-status.ts";
import { connectCalendar } from "./connect-calendar.ts";
import { disconnectCalendar } from "./disconnect-calendar.ts";
import { refreshCalendar } from "./refresh-calendar.ts";

// An advisor's own calendar (Outlook, Google, Nextcloud), read by its published ICS address:
// its busy times block their slots as an absence does. The advisor's own, in their account.

const CalendarStatus = z.discriminatedUnion("connected", [
  z.object({ connected: z.literal(false) }),
  z.object({
    connected: z.literal(true),
    host: z.string().nullable().openapi({ description: "Le serveur du calendrier ; l'adresse entière n'est jamais renvoyée." }),
    readAt: z.string().nullable(),
    syncedAt: z.string().nullable(),
    syncedMinutesAgo: z.int().nullable().openapi({ description: "Minutes depuis la dernière lecture réussie." }),
    nextReadAt: z.string(),
    lastError: z.string().nullable(),
    failingSince: z.string().nullable(),
    flagged: z.boolean().openapi({ description: "En échec depuis un jour au moins." }),
    busyCount: z.int().openapi({ description: "Moments occupés dans les 14 prochains jours." }),
  }),
]);

const route = staffRoute("Agenda personnel");
const status = route({
  method: "get",
  path: "/",
  summary: "Son agenda personnel : relié ou non, dernière lecture, erreur",
  responses: { 200: json(CalendarStatus, "L'état de l'agenda personnel.") },
});
const connect = route({
  method: "put",
  path: "/",
  summary: "Relier son agenda personnel par son adresse ICS publiée (le lit aussitôt)",
  request: {
    body: jsonBody(
      z
        .object({
          url: z
            .string({ error: "collez l'adresse publiée du calendrier." })
            .trim()
            .min(1, "collez l'adresse publiée du calendrier.")
            .max(2000, "2 000 caractères au plus."),
        })
        .strict(),
    ),
  },
  responses: { 200: json(CalendarStatus, "Relié ; le résultat de la première lecture.") },
});
const refresh = route({
  method: "post",
  path: "/refresh",
  summary: "Relire son agenda personnel maintenant (une fois par minute au plus)",
  request: { body: jsonBody(z.object({}).strict()) },
  responses: {
    200: json(CalendarStatus, "Relu ; le résultat de la lecture."),
    429: errorResponse("Lu il y a moins d'une minute."),
  },
});
const disconnect = route({
  method: "delete",
  path: "/",
  summary: "Déconnecter son agenda personnel (ses moments occupés sont effacés)",
  responses: { 200: json(z.object({}), "Déconnecté.") },
});

export const busyCalendar = createRouter()
  .openapi(status, async (c) => c.json(await act(c, "account", calendarStatus), 200))
  .openapi(connect, async (c) => c.json(await act(c, "account", connectCalendar, c.req.valid("json")), 200))
  .openapi(refresh, async (c) => c.json(await act(c, "account", refreshCalendar), 200))
  .openapi(disconnect, async (c) => {
    await disconnectCalendar(await staffDeps(c, "account"));
    return c.json({}, 200);
  });
