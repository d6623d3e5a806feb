import { createRoute, z } from "@hono/zod-openapi";
import { setSessionCookie } from "../../auth/http.ts";
import { createRouter, errorResponse } from "../../http/router.ts";
import { MembershipRole } from "../admin/schemas.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { checkMembershipInvitation } from "./check-membership-invitation.ts";

// The invited person's side of an invitation to join a structure (auth/membership-invitations.ts):
// see what it offers, and accept it — with a password when the address has none yet.

const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const token = z.string().max(100).openapi({ description: "Le jeton du lien reçu par courriel (après le #)." });

const check = createRoute({
  method: "post",
  path: "/membership-invitation",
  summary: "Voir une invitation à rejoindre une structure (sans l'accepter)",
  request: { body: jsonBody(z.object({ token }).strict()) },
  responses: {
    200: {
      description: "L'invitation est valable.",
      content: {
        "application/json": {
          schema: z.object({
            email: z.string(),
            firstName: z.string(),
            role: MembershipRole,
            structure: z.string(),
            invitedBy: z.string().nullable(),
            expiresAt: z.string(),
            needsPassword: z
              .boolean()
              .openapi({ description: "L'adresse n'a pas encore de mot de passe : l'accepter en crée un." }),
          }),
        },
      },
    },
    404: errorResponse("Invitation inconnue, déjà acceptée, retirée ou expirée."),
  },
});

const accept = createRoute({
  method: "post",
  path: "/membership-invitation/accept",
  summary: "Accepter une invitation : le compte de l'adresse (ouvert s'il n'existe pas) reçoit le rôle",
  request: {
    body: jsonBody(
      z
        .object({
          token,
          newPassword: z
            .string()
            .max(256)
            .optional()
            .openapi({ description: "Obligatoire quand l'adresse n'a pas de mot de passe." }),
        })
        .strict(),
    ),
  },
  responses: {
    200: {
      description: "Le rôle est donné ; `signedIn` : un mot de passe a été choisi, la session est ouverte.",
      content: { "application/json": { schema: z.object({ signedIn: z.boolean() }) } },
    },
    404: errorResponse("Invitation inconnue, déjà acceptée, retirée ou expirée."),
    422: errorResponse("Mot de passe manquant, trop court ou trop courant."),
  },
});

export const membershipInvitations = createRouter()
  .openapi(check, async (c) => {
    const { db, clock } = c.var.deps;
    return c.json(await checkMembershipInvitation({ db, clock, input: c.req.valid("json") }), 200);
  })
  .openapi(accept, async (c) => {
    const { db, clock } = c.var.deps;
    const { signedIn, session } = await acceptInvitation({ db, clock, input: c.req.valid("json") });
    if (session) setSessionCookie(c, session);
    return c.json({ signedIn }, 200);
  });
