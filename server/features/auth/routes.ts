import { createRoute, z } from "@hono/zod-openapi";
import { withDevice } from "../../auth/devices.ts";
import {
  clearSessionCookie,
  clientAddress,
  deviceCookie,
  requireStaff,
  setDeviceCookie,
  setSessionCookie,
} from "../../auth/http.ts";
import { AREAS } from "../../auth/policy.ts";
import { closeAllSessions } from "../../auth/sessions.ts";
import { counted } from "../../domain/french.ts";
import { AppError } from "../../errors.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { changeOwnPassword } from "./change-own-password.ts";
import { profileOf } from "./profile.ts";
import { signIn } from "./sign-in.ts";
import { signOut } from "./sign-out.ts";

const StaffSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    regionalAdmin: z.boolean(),
    memberships: z.array(
      z.object({
        role: z.enum(["advisor", "reception", "structure_admin", "referrer"]),
        structure: z.object({ id: z.uuid(), name: z.string() }),
      }),
    ),
    territories: z.array(z.object({ id: z.uuid(), name: z.string() })).openapi({ description: "Territoires coordonnés." }),
    areas: z.array(z.enum(AREAS)).openapi({ description: "Les espaces que ses rôles ouvrent, dans l'ordre de la navigation." }),
  })
  .openapi("StaffUser");
const userBody = (description: string) => ({
  description,
  content: { "application/json": { schema: z.object({ user: StaffSchema }) } },
});

const login = createRoute({
  method: "post",
  path: "/login",
  summary: "Se connecter (personnels)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              email: z.string().trim().toLowerCase().max(254).min(1, "l'adresse électronique est obligatoire."),
              password: z.string().min(1, "le mot de passe est obligatoire.").max(256),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: userBody("Connecté : le cookie de session est posé (nouvel identifiant à chaque connexion)."),
    401: errorResponse("Adresse ou mot de passe incorrect (la même réponse, que le compte existe ou non)."),
    429: errorResponse(
      "Trop d'échecs depuis cette adresse, ou sur ce compte : attendre le temps dit (en-tête Retry-After, en secondes).",
    ),
  },
});

const me = createRoute({
  method: "get",
  path: "/me",
  summary: "Le compte connecté",
  responses: { 200: userBody("Le compte."), 401: errorResponse("Pas de session valide.") },
});

const logout = createRoute({
  method: "post",
  path: "/logout",
  summary: "Se déconnecter (la session est close côté serveur)",
  responses: {
    200: {
      description:
        "Déconnecté. Une session ouverte avec ProConnect donne l'adresse où finir aussi la session du fournisseur (endSessionUrl), où aller ensuite.",
      content: { "application/json": { schema: z.object({ endSessionUrl: z.url().optional() }) } },
    },
  },
});

const logoutEverywhere = createRoute({
  method: "post",
  path: "/logout-everywhere",
  summary: "Se déconnecter partout (toutes les sessions du compte sont closes)",
  responses: {
    200: { description: "Déconnecté partout.", content: { "application/json": { schema: z.object({}) } } },
    401: errorResponse("Pas de session valide."),
  },
});

const changePassword = createRoute({
  method: "post",
  path: "/password",
  summary: "Changer son mot de passe (les autres sessions sont closes)",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              currentPassword: z.string().min(1, "le mot de passe actuel est obligatoire.").max(256),
              newPassword: z.string().max(256),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    200: { description: "Mot de passe changé.", content: { "application/json": { schema: z.object({}) } } },
    401: errorResponse("Pas de session valide."),
    422: errorResponse("Mot de passe actuel faux, ou nouveau mot de passe trop court ou trop courant."),
    429: errorResponse("Trop de mots de passe actuels faux : attendre 15 minutes."),
  },
});

/** « dans 5 secondes », « dans 1 minute », « dans 15 minutes ». */
const inAWhile = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return `dans ${seconds < 60 ? counted(seconds, "seconde") : counted(Math.ceil(seconds / 60), "minute")}`;
};

export const auth = createRouter()
  .openapi(login, async (c) => {
    const { db, clock, config } = c.var.deps;
    const { email, password } = c.req.valid("json");
    const deviceProofs = deviceCookie(c);
    const input = { email, password, address: clientAddress(c), deviceProofs, sessionId: c.var.staff?.sessionId };
    const signedIn = await signIn({ db, clock, config, input });
    if ("wait" in signedIn) {
      c.header("Retry-After", String(Math.ceil(signedIn.wait / 1000)));
      throw new AppError("RATE_LIMITED", `Trop de tentatives de connexion. Réessayez ${inAWhile(signedIn.wait)}.`);
    }
    setSessionCookie(c, signedIn.session);
    setDeviceCookie(c, withDevice(config.sessionSecret, deviceProofs, email));
    return c.json({ user: signedIn.user }, 200);
  })
  .openapi(me, async (c) => c.json({ user: await profileOf(c.var.deps.db, requireStaff(c).user.id) }, 200))
  .openapi(logout, async (c) => {
    const { db, clock, config } = c.var.deps;
    const ended = c.var.staff ? await signOut({ db, clock, config, input: { sessionId: c.var.staff.sessionId } }) : {};
    clearSessionCookie(c);
    return c.json(ended, 200);
  })
  .openapi(logoutEverywhere, async (c) => {
    const staff = requireStaff(c);
    await closeAllSessions(c.var.deps.db, staff.user.id, c.var.deps.clock.now());
    clearSessionCookie(c);
    return c.json({}, 200);
  })
  .openapi(changePassword, async (c) => {
    const staff = requireStaff(c);
    const { db, clock } = c.var.deps;
    setSessionCookie(c, await changeOwnPassword({ db, clock, input: { ...c.req.valid("json"), user: staff.user } }));
    return c.json({}, 200);
  });
