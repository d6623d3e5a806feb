import { createRoute, z } from "@hono/zod-openapi";
import { withDevice } from "../../auth/devices.ts";
import {
  clearProConnectCookie,
  clientAddress,
  deviceCookie,
  proConnectCookie,
  setDeviceCookie,
  setProConnectCookie,
  setSessionCookie,
} from "../../auth/http.ts";
import { returnPath, STAFF_HOME } from "../../domain/staff-return-path.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { json, jsonBody } from "../../http/staff-routes.ts";
import { finishSignIn } from "./finish-sign-in.ts";
import { startSignIn } from "./start-sign-in.ts";

// ProConnect (OpenID Connect) sign-in for staff: the web app asks for the provider's address,
// the provider sends the browser back to the callback, which opens a session and goes on to the
// staff space — or back to the sign-in page, saying why in its query (`?proconnect=…`).

const TAGS = ["Connexion"];

const status = createRoute({
  method: "get",
  path: "/oidc",
  tags: TAGS,
  summary: "Si la connexion avec ProConnect est activée (le bouton ne s'affiche qu'alors)",
  responses: { 200: json(z.object({ enabled: z.boolean() }), "Activée ou non.") },
});

const start = createRoute({
  method: "post",
  path: "/oidc/start",
  tags: TAGS,
  summary: "Commencer une connexion avec ProConnect : l'adresse du fournisseur où aller",
  request: {
    body: jsonBody(
      z.object({ retour: z.string().max(2000).optional().openapi({ description: "La page de l'espace où revenir." }) }).strict(),
    ),
  },
  responses: {
    200: json(
      z.object({ url: z.url() }),
      "L'adresse d'autorisation du fournisseur ; la tentative est liée à ce navigateur (cookie), dix minutes.",
    ),
    404: errorResponse("ProConnect n'est pas activé sur ce service."),
    429: errorResponse("Trop de connexions commencées depuis cette connexion : réessayer dans un quart d'heure."),
    503: errorResponse("ProConnect ne répond pas : se connecter avec son mot de passe."),
  },
});

const callback = createRoute({
  method: "get",
  path: "/oidc/callback",
  tags: TAGS,
  summary: "Le retour de ProConnect (redirect_uri) : ouvre la session, ou revient à la page de connexion en disant pourquoi",
  request: {
    // Whatever the provider (or someone) wrote: a refusal is a redirection, never a 422.
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      iss: z.string().optional(),
      error: z.string().optional(),
      error_description: z.string().optional(),
    }),
  },
  responses: {
    302: {
      description:
        "Vers la page de l'espace demandée une fois connecté ; sinon vers /connexion?proconnect=expiree, inconnu, desactive, sans-role, erreur ou indisponible.",
    },
  },
});

export const proConnect = createRouter()
  .openapi(status, (c) => c.json({ enabled: c.var.deps.config.oidc !== undefined }, 200))
  .openapi(start, async (c) => {
    const { db, clock, config } = c.var.deps;
    const { url, state } = await startSignIn({ db, clock, config, input: { address: clientAddress(c) } });
    setProConnectCookie(c, { state, returnTo: returnPath(c.req.valid("json").retour) });
    return c.json({ url }, 200);
  })
  .openapi(callback, async (c) => {
    const { db, clock, config, log } = c.var.deps;
    const bound = proConnectCookie(c);
    clearProConnectCookie(c);
    const returnTo = returnPath(bound?.returnTo);
    if (!config.oidc) return c.redirect("/connexion", 302);
    const query = new URL(c.req.url).search;
    const input = { query, boundState: bound?.state, sessionId: c.var.staff?.sessionId };
    const finished = await finishSignIn({ db, clock, config, input });
    if ("refused" in finished) {
      log.info("proconnect sign-in refused", { requestId: c.var.requestId, refused: finished.refused, why: finished.why });
      const back = new URLSearchParams({ proconnect: finished.refused });
      if (finished.refused === "inconnu" && finished.email) back.set("adresse", finished.email);
      if (returnTo !== STAFF_HOME) back.set("retour", returnTo);
      return c.redirect(`/connexion?${back}`, 302);
    }
    setSessionCookie(c, finished.session);
    setDeviceCookie(c, withDevice(config.sessionSecret, deviceCookie(c), finished.email));
    return c.redirect(returnTo, 302);
  });
