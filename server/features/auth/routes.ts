import { createRoute, z } from "@hono/zod-openapi";
import { clearSessionCookie, clientAddress, requireStaff, setSessionCookie } from "../../auth/http.ts";
import { verifyPassword } from "../../auth/password.ts";
import { closeSession, openSession } from "../../auth/sessions.ts";
import { clearFailures, isThrottled, recordFailure } from "../../auth/throttle.ts";
import { AppError } from "../../errors.ts";
import { createRouter, errorResponse } from "../../http/router.ts";

const StaffSchema = z
  .object({ id: z.uuid(), email: z.string(), firstName: z.string(), lastName: z.string(), regionalAdmin: z.boolean() })
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
    429: errorResponse("Trop d'échecs depuis cette adresse : attendre 15 minutes."),
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

const WRONG = "Adresse électronique ou mot de passe incorrect.";

export const auth = createRouter()
  .openapi(login, async (c) => {
    const { db, clock } = c.var.deps;
    const { email, password } = c.req.valid("json");
    const now = clock.now();
    const address = clientAddress(c);
    if (await isThrottled(db, address, email, now)) {
      throw new AppError("RATE_LIMITED", "Trop de tentatives de connexion. Réessayez dans 15 minutes.");
    }
    const user = await db.prisma.staffUser.findUnique({
      where: { email },
      select: { id: true, passwordHash: true, active: true },
    });
    // The password is checked even without an account (against a dummy hash): same answer, same time.
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !user.active || !user.passwordHash || !valid) {
      await recordFailure(db, address, email, now);
      throw new AppError("UNAUTHENTICATED", WRONG);
    }
    await clearFailures(db, address, email);
    if (c.var.staff) await closeSession(db, c.var.staff.sessionId, now);
    setSessionCookie(c, await openSession(db, user.id, now));
    const profile = await db.prisma.staffUser.findUniqueOrThrow({
      where: { id: user.id },
      select: { id: true, email: true, firstName: true, lastName: true, regionalAdmin: true },
    });
    return c.json({ user: profile }, 200);
  })
  .openapi(me, async (c) => c.json({ user: requireStaff(c).user }, 200))
  .openapi(logout, async (c) => {
    if (c.var.staff) await closeSession(c.var.deps.db, c.var.staff.sessionId, c.var.deps.clock.now());
    clearSessionCookie(c);
    return c.json({}, 200);
  });
