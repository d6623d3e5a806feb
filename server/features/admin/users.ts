import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody } from "../../http/staff-routes.ts";
import { listAccounts } from "./list-accounts.ts";
import { openAccount } from "./open-account.ts";
import { reinviteAccount } from "./reinvite-account.ts";
import { adminRoute, change, creation } from "./route.ts";
import { IdParam, MembershipRole, UserInvite, UserPatch } from "./schemas.ts";
import { updateAccount } from "./update-account.ts";

const Account = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  active: z.boolean(),
  invited: z.boolean(),
  regionalAdmin: z.boolean(),
  memberships: z.array(z.object({ id: z.uuid(), role: MembershipRole, structure: z.object({ id: z.uuid(), name: z.string() }) })),
  territories: z.array(z.object({ id: z.uuid(), name: z.string() })),
  manageable: z.boolean().openapi({ description: "Le compte peut être modifié par la personne connectée." }),
});

const list = adminRoute({
  method: "get",
  path: "/users",
  summary: "Les comptes des personnels que l'on administre (tous pour la Région)",
  request: {
    query: z.object({ q: z.string().trim().max(100).optional().openapi({ description: "Nom ou adresse, en partie." }) }),
  },
  responses: { 200: json(z.object({ users: z.array(Account) }), "Par nom, 200 au plus.") },
});
const invite = creation(
  "/users",
  "Ouvrir un compte de coordination ou d'administration régionale (Région) ; l'invitation part par courriel",
  UserInvite,
  "Le compte",
);
const update = change(
  "/users/{id}",
  "Modifier un compte : nom, désactivation (ses sessions prennent fin), rôles régionaux (Région)",
  UserPatch,
);
const reinvite = adminRoute({
  method: "post",
  path: "/users/{id}/invitation",
  summary: "Renvoyer l'invitation d'un compte qui n'a pas encore choisi son mot de passe",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: done,
});

export const userAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listAccounts, c.req.valid("query")), 200))
  .openapi(invite, async (c) => c.json(await act(c, "directory", openAccount, c.req.valid("json")), 201))
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateAccount, { ...c.req.valid("json"), ...c.req.valid("param") })))
  .openapi(reinvite, (c) => whenDone(c, act(c, "directory", reinviteAccount, c.req.valid("param"))));
