import { createRoute, z } from "@hono/zod-openapi";
import { clientAddress, setSessionCookie } from "../../auth/http.ts";
import { hashPassword } from "../../auth/password.ts";
import { askReset, readPasswordLink, usePasswordLink } from "../../auth/password-links.ts";
import { openSession } from "../../auth/sessions.ts";
import { countResetRequest, LIMITS } from "../../auth/throttle.ts";
import { passwordProblem } from "../../domain/password-policy.ts";
import { AppError, validationError } from "../../errors.ts";
import { emailAddress } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const token = z.string().max(100).openapi({ description: "Le jeton du lien reçu par courriel (après le #)." });
const DEAD_LINK = "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.";

const requestReset = createRoute({
  method: "post",
  path: "/password-reset",
  summary:
    "Mot de passe oublié : envoie un lien (valable 30 minutes) si le compte existe ; la demande est traitée à part, la réponse est la même",
  request: {
    body: jsonBody(z.object({ email: emailAddress }).strict()),
  },
  responses: {
    200: {
      description: "La même réponse, que le compte existe ou non.",
      content: { "application/json": { schema: z.object({}) } },
    },
    429: errorResponse("Trop de demandes depuis cette adresse : attendre 15 minutes."),
  },
});

const checkLink = createRoute({
  method: "post",
  path: "/password-link",
  summary: "Vérifier un lien d'invitation ou de réinitialisation (sans le consommer)",
  request: { body: jsonBody(z.object({ token }).strict()) },
  responses: {
    200: {
      description: "Le lien est valable.",
      content: {
        "application/json": {
          schema: z.object({ kind: z.enum(["invitation", "reset"]), email: z.string(), firstName: z.string() }),
        },
      },
    },
    404: errorResponse("Lien inconnu, déjà utilisé ou expiré."),
  },
});

const useLink = createRoute({
  method: "post",
  path: "/password-link/use",
  summary: "Choisir son mot de passe avec le lien (une seule fois) ; connecte et clôt les autres sessions",
  request: { body: jsonBody(z.object({ token, newPassword: z.string().max(256) }).strict()) },
  responses: {
    200: { description: "Mot de passe enregistré, session ouverte.", content: { "application/json": { schema: z.object({}) } } },
    404: errorResponse("Lien inconnu, déjà utilisé ou expiré."),
    422: errorResponse("Mot de passe trop court ou trop courant."),
  },
});

export const passwordLinks = createRouter()
  .openapi(requestReset, async (c) => {
    const { db, clock, config } = c.var.deps;
    const { email } = c.req.valid("json");
    const now = clock.now();
    if ((await countResetRequest(db, clientAddress(c), now)) > LIMITS.resetRequests) {
      throw new AppError("RATE_LIMITED", "Trop de demandes depuis cette connexion. Réessayez dans 15 minutes.");
    }
    // Queued either way: whether an account has the address shows neither in the answer nor in its time.
    await askReset(db, config.sessionSecret, email, now);
    return c.json({}, 200);
  })
  .openapi(checkLink, async (c) => {
    const link = await readPasswordLink(c.var.deps.db, c.req.valid("json").token, c.var.deps.clock.now());
    if (!link) throw new AppError("NOT_FOUND", DEAD_LINK);
    return c.json(link, 200);
  })
  .openapi(useLink, async (c) => {
    const { db, clock } = c.var.deps;
    const { token, newPassword } = c.req.valid("json");
    const now = clock.now();
    const link = await readPasswordLink(db, token, now);
    if (!link) throw new AppError("NOT_FOUND", DEAD_LINK);
    const problem = passwordProblem(newPassword, [link.email, link.firstName]);
    if (problem) throw validationError({ newPassword: problem });
    // Still claimed atomically: the link may have been used since it was read.
    const userId = await usePasswordLink(db, token, await hashPassword(newPassword), now);
    if (!userId) throw new AppError("NOT_FOUND", DEAD_LINK);
    setSessionCookie(c, await openSession(db, userId, now));
    return c.json({}, 200);
  });
