import { createRoute, z } from "@hono/zod-openapi";
import { clientAddress, setSessionCookie } from "../../auth/http.ts";
import { emailAddress } from "../../http/fields.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { checkPasswordLink } from "./check-password-link.ts";
import { choosePassword } from "./choose-password.ts";
import { requestPasswordReset } from "./request-password-reset.ts";

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const token = z.string().max(100).openapi({ description: "Le jeton du lien reçu par courriel (après le #)." });

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
    await requestPasswordReset({ db, clock, config, input: { ...c.req.valid("json"), address: clientAddress(c) } });
    return c.json({}, 200);
  })
  .openapi(checkLink, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await checkPasswordLink({ db, clock, input: c.req.valid("json") }), 200);
  })
  .openapi(useLink, async (c) => {
    const { db, clock } = c.var.deps;
    setSessionCookie(c, await choosePassword({ db, clock, input: c.req.valid("json") }));
    return c.json({}, 200);
  });
