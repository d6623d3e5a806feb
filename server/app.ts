import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { sameOriginJson, staffSession } from "./auth/http.ts";
import type { AppEnv, Deps } from "./context.ts";
import { isDatabaseUnavailable, isRecordNotFound } from "./db/errors.ts";
import { AppError, type ErrorBody, type ErrorCode } from "./errors.ts";
import { admin } from "./features/admin/routes.ts";
import { agenda } from "./features/agenda/routes.ts";
import { membershipInvitations } from "./features/auth/membership-invitation-routes.ts";
import { passwordLinks } from "./features/auth/password-link-routes.ts";
import { auth } from "./features/auth/routes.ts";
import { availability } from "./features/availability/routes.ts";
import { bookings } from "./features/bookings/routes.ts";
import { busyCalendar } from "./features/busy-calendar/routes.ts";
import { calendarFeedSettings, feeds } from "./features/calendar-feed/routes.ts";
import { communes } from "./features/communes/routes.ts";
import { dashboards } from "./features/dashboards/routes.ts";
import { statistics } from "./features/dashboards/statistics-routes.ts";
import { desk } from "./features/desk/routes.ts";
import { directory, faq } from "./features/directory/routes.ts";
import { health } from "./features/health/routes.ts";
import { legal } from "./features/legal/routes.ts";
import { lostLinks } from "./features/lost-links/routes.ts";
import { manage } from "./features/manage/routes.ts";
import { notices } from "./features/notices/routes.ts";
import { orientation } from "./features/orientation/routes.ts";
import { people, privacy } from "./features/privacy/routes.ts";
import { proConnect } from "./features/proconnect/routes.ts";
import { invitations } from "./features/referrals/invitation-routes.ts";
import { referrals } from "./features/referrals/routes.ts";
import { services } from "./features/services/routes.ts";
import { sessions } from "./features/sessions/routes.ts";
import { slots } from "./features/slots/routes.ts";
import { structures } from "./features/structures/routes.ts";
import { offers, waitlist } from "./features/waitlist/routes.ts";
import { referralWaitlist, staffWaitlist } from "./features/waitlist/staff-routes.ts";
import { compressAnswers } from "./http/compress.ts";
import { requestBody } from "./http/request-body.ts";
import { createRouter } from "./http/router.ts";
import { documentCredentials } from "./http/staff-routes.ts";
import { webApp } from "./http/static.ts";
import { storableText } from "./http/storable-text.ts";
import { redactPath, traceOf } from "./logger.ts";

/** The API, one sub-app per feature. The web app's typed client is built from its type. */
const api = createRouter()
  .route("/health", health)
  .route("/services", services)
  .route("/structures", structures)
  .route("/slots", slots)
  .route("/communes", communes)
  .route("/directory", directory)
  .route("/faq", faq)
  .route("/bookings", bookings)
  .route("/privacy", privacy)
  .route("/legal", legal)
  .route("/statistics", statistics)
  .route("/manage", manage)
  .route("/manage", lostLinks)
  .route("/waitlist", waitlist)
  .route("/offers", offers)
  .route("/auth", auth)
  .route("/auth", passwordLinks)
  .route("/auth", membershipInvitations)
  .route("/auth", proConnect);
// Mounted apart from the chain: one type for the whole API is more than the compiler can
// represent. The staff web app builds a client per part of the administration (AdminTypes).
api.route("/admin", admin);
api.route("/agenda", agenda);
api.route("/desk", desk);
api.route("/availability", availability);
api.route("/calendar-feed", calendarFeedSettings);
api.route("/busy-calendar", busyCalendar);
api.route("/feeds", feeds);
api.route("/referrals", referrals);
api.route("/notices", notices);
api.route("/invitations", invitations);
api.route("/orientation", orientation);
api.route("/people", people);
api.route("/dashboards", dashboards);
api.route("/agenda/sessions", sessions);
api.route("/agenda/waitlist", staffWaitlist);
api.route("/referrals", referralWaitlist);

documentCredentials(api.openAPIRegistry);

api.doc31("/openapi.json", {
  openapi: "3.1.0",
  info: {
    title: "RDV Orientation — API",
    version: "1",
    description:
      "Prise de rendez-vous et orientation du Service Public Régional de l'Orientation. " +
      "Toute erreur a la forme { error: { code, message, … } }, avec un message en français. " +
      "L'espace des professionnels s'ouvre par une session, ou, pour les routes qui le disent, par un jeton d'API.",
  },
  servers: [{ url: "/api" }],
});

export type AppType = typeof api;
export type { AdminTypes } from "./features/admin/routes.ts";
export type AgendaType = typeof agenda;
export type DeskType = typeof desk;
export type AvailabilityType = typeof availability;
export type CalendarFeedType = typeof calendarFeedSettings;
export type BusyCalendarType = typeof busyCalendar;
export type ReferralsType = typeof referrals;
export type NoticesType = typeof notices;
export type InvitationsType = typeof invitations;
export type OrientationType = typeof orientation;
export type PeopleType = typeof people;
export type DashboardsType = typeof dashboards;
export type SessionsType = typeof sessions;
export type StaffWaitlistType = typeof staffWaitlist;
export type ReferralWaitlistType = typeof referralWaitlist;

const BODY_LIMIT = 64 * 1024;

export function createApp(deps: Deps, options: { webDir?: string } = {}) {
  const https = deps.config.publicUrl.startsWith("https://");
  const app = new Hono<AppEnv>();

  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(async (c, next) => {
    c.set("deps", deps);
    const started = performance.now();
    await next();
    deps.log.info("request", {
      requestId: c.var.requestId,
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  // A private link must not leak through the Referer header or a shared cache. Registered
  // before secureHeaders so that it has the last word on the way out.
  for (const path of [
    "/api/manage/*",
    "/rdv/*",
    "/api/feeds/*",
    "/api/invitations/*",
    "/api/waitlist/*",
    "/api/offers/*",
    "/offre/*",
    "/attente/*",
  ]) {
    app.use(path, async (c, next) => {
      await next();
      c.header("Referrer-Policy", "no-referrer");
      c.header("Cache-Control", "no-store");
    });
  }
  // Registered before the middlewares below, it runs after them on the way out: it sees the
  // answer whole, its Cache-Control (no-transform) included.
  app.use("/api/*", compressAnswers);
  // No answer of the API is kept by a browser or a proxy unless its route says so (the public
  // statistics): staff answers hold people's names, and a new route cannot forget it.
  app.use("/api/*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Positioning of menus and popovers sets style attributes; no inline <style> or script.
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
      strictTransportSecurity: https ? "max-age=31536000; includeSubDomains" : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    "/api/*",
    requestBody(BODY_LIMIT, () => {
      throw new AppError("PAYLOAD_TOO_LARGE", `La requête dépasse la taille maximale acceptée (${BODY_LIMIT / 1024} Kio).`);
    }),
  );

  app.use("/api/*", sameOriginJson);
  app.use("/api/*", storableText);
  app.use("/api/*", staffSession);
  app.route("/api", api);
  app.all("/api/*", () => {
    throw new AppError("NOT_FOUND", "Cette adresse de l'API n'existe pas.");
  });
  app.route("/", webApp(options.webDir));

  app.onError((error, c) => {
    const known = toAppError(error);
    if (!known)
      deps.log.error("unexpected error", { requestId: c.var.requestId, path: redactPath(c.req.path), ...traceOf(error) });
    const failure = known ?? new AppError("INTERNAL", "Une erreur inattendue est survenue. Réessayez dans un instant.");
    const body: ErrorBody = {
      error: { code: failure.code, message: failure.message, ...failure.details, requestId: c.var.requestId },
    };
    return c.json(body, failure.status);
  });

  return app;
}

const HTTP_CODES: Partial<Record<number, [ErrorCode, string]>> = {
  400: ["BAD_REQUEST", "La requête est mal formée (le corps doit être un JSON valide)."],
  404: ["NOT_FOUND", "Cette adresse n'existe pas."],
  405: ["METHOD_NOT_ALLOWED", "Cette méthode n'est pas acceptée à cette adresse."],
  413: ["PAYLOAD_TOO_LARGE", "La requête est trop volumineuse."],
  415: ["UNSUPPORTED_MEDIA_TYPE", "Le corps de la requête doit être au format JSON (application/json)."],
};

/** The failures we can explain; anything else is a bug, logged and answered with a 500. */
function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    const [code, message] = HTTP_CODES[error.status] ?? ["BAD_REQUEST", "La requête est invalide."];
    return new AppError(code, message);
  }
  if (isRecordNotFound(error)) return new AppError("NOT_FOUND", "Introuvable, ou hors de votre périmètre.");
  if (isDatabaseUnavailable(error)) {
    return new AppError("UNAVAILABLE", "Le service est momentanément indisponible. Réessayez dans quelques instants.");
  }
  return undefined;
}
