import { createRoute, z } from "@hono/zod-openapi";
import { act, staffDeps } from "../../auth/http.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { json, jsonBody, staffRoute } from "../../http/staff-routes.ts";
import { createFeed } from "./create-feed.ts";
import { feedStatus } from "./feed-status.ts";
import { readFeed } from "./read-feed.ts";
import { revokeFeed } from "./revoke-feed.ts";

// Each advisor may subscribe their calendar app (Thunderbird, Outlook, Apple Calendar) to a
// private URL. The token is shown once; only its hash is kept; a new one revokes the old.

const feedRoute = staffRoute("Agenda");

const status = feedRoute({
  method: "get",
  path: "/",
  summary: "Son abonnement d'agenda (iCal) : actif ou non",
  responses: { 200: json(z.object({ active: z.boolean(), createdAt: z.string().nullable() }), "L'état de l'abonnement.") },
});
const create = feedRoute({
  method: "post",
  path: "/",
  summary: "Créer son adresse d'abonnement (l'ancienne cesse de fonctionner) ; elle n'est montrée qu'une fois",
  request: { body: jsonBody(z.object({}).strict()) },
  responses: { 201: json(z.object({ url: z.url() }), "L'adresse privée à coller dans son agenda.") },
});
const revoke = feedRoute({
  method: "delete",
  path: "/",
  summary: "Révoquer son adresse d'abonnement",
  responses: { 200: json(z.object({}), "Révoquée.") },
});

export const calendarFeedSettings = createRouter()
  .openapi(status, async (c) => c.json(await act(c, "agenda", feedStatus), 200))
  .openapi(create, async (c) => c.json(await act(c, "agenda", createFeed), 201))
  .openapi(revoke, async (c) => {
    await revokeFeed(await staffDeps(c, "agenda"));
    return c.json({}, 200);
  });

const feed = {
  method: "get" as const,
  path: "/{file}",
  summary: "Le flux iCal d'un conseiller (adresse privée) : ses rendez-vous d'un mois en arrière à un an en avant",
  request: {
    params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, "adresse d'abonnement invalide.") }),
  },
  responses: {
    200: { description: "Le calendrier (text/calendar)." },
    404: errorResponse("Adresse inconnue ou révoquée."),
  },
};

export const feeds = createRouter().openapi(createRoute({ ...feed, tags: ["Agenda"] }), async (c) => {
  const { db, clock, config } = c.var.deps;
  const token = c.req.valid("param").file.slice(0, -".ics".length);
  const body = await readFeed({ db, clock, config, input: { token } });
  return c.body(body, 200, { "Content-Type": "text/calendar; charset=utf-8" });
});
