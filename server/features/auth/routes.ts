import { createRoute, z } from "@hono/zod-openapi";
import { knownDevice, withDevice } from "../../auth/devices.ts";
import {
  clearSessionCookie,
  clientAddress,
  deviceCookie,
  requireStaff,
  setDeviceCookie,
  setSessionCookie,
} from "../../auth/http.ts";
import { hashPassword, verifyPassword } from "../../auth/password.ts";
import { AREAS, areasOf } from "../../auth/policy.ts";
import { closeAllSessions, closeSession, openSession } from "../../auth/sessions.ts";
import {
  clearFailures,
  countPasswordChangeFailure,
  passwordChangeThrottled,
  recordFailure,
  throttled,
} from "../../auth/throttle.ts";
import { recordAudit } from "../../db/audit.ts";
import type { Database } from "../../db/database.ts";
import { passwordProblem } from "../../domain/password-policy.ts";
import { AppError, validationError } from "../../errors.ts";
import { createRouter, errorResponse } from "../../http/router.ts";

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
  responses: { 200: { description: "Déconnecté.", content: { "application/json": { schema: z.object({}) } } } },
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

const WRONG = "Adresse électronique ou mot de passe incorrect.";

/** « dans 5 secondes », « dans 3 minutes », « dans 15 minutes ». */
const inAWhile = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `dans ${seconds} seconde${seconds > 1 ? "s" : ""}` : `dans ${Math.ceil(seconds / 60)} minutes`;
};

export const auth = createRouter()
  .openapi(login, async (c) => {
    const { db, clock } = c.var.deps;
    const { email, password } = c.req.valid("json");
    const now = clock.now();
    const address = clientAddress(c);
    const secret = c.var.deps.config.sessionSecret;
    const device = knownDevice(secret, deviceCookie(c), email);
    const wait = await throttled(db, address, email, now, device);
    if (wait > 0) {
      c.header("Retry-After", String(Math.ceil(wait / 1000)));
      throw new AppError("RATE_LIMITED", `Trop de tentatives de connexion. Réessayez ${inAWhile(wait)}.`);
    }
    const user = await db.prisma.staffUser.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, active: true },
    });
    // The password is checked even without an account (against a dummy hash): same answer, same time.
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user?.active || !user.passwordHash || !valid) {
      await recordFailure(db, address, email, now, device);
      throw new AppError("UNAUTHENTICATED", WRONG);
    }
    await clearFailures(db, address, email, device);
    if (c.var.staff) await closeSession(db, c.var.staff.sessionId, now);
    setSessionCookie(c, await openSession(db, user.id, now));
    setDeviceCookie(c, withDevice(secret, deviceCookie(c), email));
    return c.json({ user: await profileOf(db, user.id) }, 200);
  })
  .openapi(me, async (c) => c.json({ user: await profileOf(c.var.deps.db, requireStaff(c).user.id) }, 200))
  .openapi(logout, async (c) => {
    if (c.var.staff) await closeSession(c.var.deps.db, c.var.staff.sessionId, c.var.deps.clock.now());
    clearSessionCookie(c);
    return c.json({}, 200);
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
    const { currentPassword, newPassword } = c.req.valid("json");
    if (await passwordChangeThrottled(db, staff.user.id, clock.now())) {
      throw new AppError("RATE_LIMITED", "Trop de mots de passe actuels incorrects. Réessayez dans 15 minutes.");
    }
    const stored = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: staff.user.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(stored.passwordHash, currentPassword))) {
      // Someone at an open session does not get to guess the password that would let them in again.
      await countPasswordChangeFailure(db, staff.user.id, clock.now());
      throw validationError({ currentPassword: "Le mot de passe actuel est incorrect." });
    }
    const problem = passwordProblem(newPassword, [staff.user.email, staff.user.firstName, staff.user.lastName]);
    if (problem) throw validationError({ newPassword: problem });
    const now = clock.now();
    const passwordHash = await hashPassword(newPassword);
    // Every other session ends; this one goes on under a new id.
    await db.prisma.$transaction(async (tx) => {
      await tx.staffUser.update({ where: { id: staff.user.id }, data: { passwordHash } });
      await tx.loginThrottle.deleteMany({ where: { key: `password:${staff.user.id}` } });
      await closeAllSessions(tx, staff.user.id, now);
      await recordAudit(
        tx,
        { actorId: staff.user.id, action: "user.password_change", entity: "StaffUser", entityId: staff.user.id },
        now,
      );
    });
    setSessionCookie(c, await openSession(db, staff.user.id, now));
    return c.json({}, 200);
  });

async function profileOf(db: Database, userId: string) {
  const user = await db.prisma.staffUser.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      regionalAdmin: true,
      memberships: {
        select: { role: true, structure: { select: { id: true, name: true } } },
        orderBy: { structure: { name: "asc" } },
      },
      coordinates: { select: { territory: { select: { id: true, name: true } } } },
    },
  });
  const { coordinates, ...rest } = user;
  const territories = coordinates.map((c) => c.territory);
  const areas = areasOf({
    regionalAdmin: user.regionalAdmin,
    memberships: user.memberships.map((m) => ({ structureId: m.structure.id, role: m.role })),
    territories: territories.map((t) => t.id),
  });
  return { ...rest, territories, areas };
}
