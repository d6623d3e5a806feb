import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { listAccounts } from "./list-accounts.ts";
import { openAccount } from "./open-account.ts";
import { reinviteAccount } from "./reinvite-account.ts";
import { adminRoute } from "./route.ts";
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
const invite = adminRoute({
  method: "post",
  path: "/users",
  summary: "Ouvrir un compte de coordination ou d'administration régionale (Région) ; l'invitation part par courriel",
  request: { body: jsonBody(UserInvite) },
  responses: created("Le compte"),
});
const update = adminRoute({
  method: "patch",
  path: "/users/{id}",
  summary: "Modifier un compte : nom, désactivation (ses sessions prennent fin), rôles régionaux (Région)",
  request: { params: IdParam, body: jsonBody(UserPatch) },
  responses: done,
});
const reinvite = adminRoute({
  method: "post",
  path: "/users/{id}/invitation",
  summary: "Renvoyer l'invitation d'un compte qui n'a pas encore choisi son mot de passe",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: done,
});

export const userAdmin = createRouter()
  .openapi(list, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await listAccounts({ ...deps, input: c.req.valid("query") }), 200);
  })
  .openapi(invite, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await openAccount({ ...deps, input: c.req.valid("json") }), 201);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await updateAccount({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  })
  .openapi(reinvite, async (c) => {
    const deps = await staffDeps(c, "directory");
    await reinviteAccount({ ...deps, input: c.req.valid("param") });
    return c.json({}, 200);
  });
