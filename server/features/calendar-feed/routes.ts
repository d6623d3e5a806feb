import { randomBytes } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { calendarFeed } from "../../../emails/calendar-feed.ts";
import { hashSecret as hashOf } from "../../auth/hash-secret.ts";
import { requireArea } from "../../auth/http.ts";
import { notFound } from "../../errors.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { audited, json, jsonBody, staffRoute } from "../../http/staff-routes.ts";

// Each advisor may subscribe their calendar app (Thunderbird, Outlook, Apple Calendar) to a
// private URL. The token is shown once; only its hash is kept; a new one revokes the old.

const feedRoute = staffRoute("Agenda");
const PAST_DAYS = 30;
const AHEAD_DAYS = 365;

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
  .openapi(status, async (c) => {
    const scope = await requireArea(c, "agenda");
    const live = await scope.prisma.calendarFeed.findFirst({
      where: { userId: scope.user.id, revokedAt: null },
      select: { createdAt: true },
    });
    return c.json({ active: Boolean(live), createdAt: live?.createdAt.toISOString() ?? null }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "agenda");
    const { clock, config } = c.var.deps;
    const token = randomBytes(32).toString("base64url");
    const now = clock.now();
    await audited(c, { action: "calendar_feed.create", entity: "StaffUser" }, async (tx) => {
      await tx.calendarFeed.updateMany({ where: { userId: scope.user.id, revokedAt: null }, data: { revokedAt: now } });
      await tx.calendarFeed.create({ data: { id: hashOf(token), userId: scope.user.id, createdAt: now } });
      return { id: scope.user.id };
    });
    return c.json({ url: `${config.publicUrl}/api/feeds/${token}.ics` }, 201);
  })
  .openapi(revoke, async (c) => {
    const scope = await requireArea(c, "agenda");
    const now = c.var.deps.clock.now();
    await audited(c, { action: "calendar_feed.revoke", entity: "StaffUser" }, async (tx) => {
      await tx.calendarFeed.updateMany({ where: { userId: scope.user.id, revokedAt: null }, data: { revokedAt: now } });
      return { id: scope.user.id };
    });
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
  const subscription = await db.prisma.calendarFeed.findUnique({
    where: { id: hashOf(token) },
    select: { revokedAt: true, user: { select: { id: true, firstName: true, lastName: true, active: true } } },
  });
  if (!subscription || subscription.revokedAt || !subscription.user.active) throw notFound("Abonnement");
  const now = clock.now();
  const appointments = await db.prisma.appointment.findMany({
    where: {
      advisorId: subscription.user.id,
      status: "booked",
      startsAt: { gte: new Date(now.getTime() - PAST_DAYS * 86_400_000), lt: new Date(now.getTime() + AHEAD_DAYS * 86_400_000) },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      mode: true,
      structure: { select: { name: true, timeZone: true } },
      site: { select: { name: true } },
      offering: { select: { service: { select: { name: true } } } },
      person: { select: { firstName: true, lastName: true } },
    },
  });
  const place = { phone: "Par téléphone", video: "En visio", onsite: "Sur place" } as const;
  const body = calendarFeed(
    `RDV Orientation — ${subscription.user.firstName} ${subscription.user.lastName}`,
    appointments.map((a) => ({
      id: a.id,
      start: a.startsAt,
      end: a.endsAt,
      zone: a.structure.timeZone,
      service: a.offering.service.name,
      structure: a.structure.name,
      place: a.site?.name ?? place[a.mode],
      person: `${a.person.firstName} ${a.person.lastName.slice(0, 1)}.`,
      url: `${config.publicUrl}/espace/rendez-vous/${a.id}`,
    })),
    now,
  );
  return c.body(body, 200, { "Content-Type": "text/calendar; charset=utf-8" });
});
