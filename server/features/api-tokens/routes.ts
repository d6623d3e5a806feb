import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { done, json, jsonBody } from "../../http/staff-routes.ts";
import { adminRoute } from "../admin/route.ts";
import { IdParam } from "../admin/schemas.ts";
import { createToken } from "./create-token.ts";
import { listTokens } from "./list-tokens.ts";
import { revokeToken } from "./revoke-token.ts";
import { ApiTokenInput, ApiTokenRow, CreatedApiToken } from "./schemas.ts";

// A structure's API tokens (auth/api-tokens.ts reads them): its admins and the Région list,
// create and revoke them, in the directory — never a token, which cannot open the directory.

const list = adminRoute({
  method: "get",
  path: "/structures/{id}/api-tokens",
  summary: "Les jetons d'API d'une structure, actifs et révoqués",
  request: { params: IdParam },
  responses: { 200: json(z.object({ tokens: z.array(ApiTokenRow) }), "Du plus récent au plus ancien.") },
});
const create = adminRoute({
  method: "post",
  path: "/structures/{id}/api-tokens",
  summary: "Créer un jeton d'API pour la structure ; il n'est montré qu'une fois",
  request: { params: IdParam, body: jsonBody(ApiTokenInput) },
  responses: { 201: json(CreatedApiToken, "Le jeton, à copier maintenant.") },
});
const revoke = adminRoute({
  method: "post",
  path: "/api-tokens/{id}/revoke",
  summary: "Révoquer un jeton d'API : il cesse aussitôt de fonctionner",
  request: { params: IdParam, body: jsonBody(z.object({}).strict()) },
  responses: done,
});

export const apiTokenAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listTokens, c.req.valid("param")), 200))
  .openapi(create, async (c) => {
    const input = { ...c.req.valid("json"), structureId: c.req.valid("param").id };
    return c.json(await act(c, "directory", createToken, input), 201);
  })
  .openapi(revoke, (c) => whenDone(c, act(c, "directory", revokeToken, c.req.valid("param"))));
