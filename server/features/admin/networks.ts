import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { createNetwork } from "./create-network.ts";
import { listNetworks } from "./list-networks.ts";
import { adminRoute } from "./route.ts";
import { IdParam, NetworkInput, NetworkKind, NetworkPatch } from "./schemas.ts";
import { updateNetwork } from "./update-network.ts";

const Network = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: NetworkKind,
  description: z.string(),
  structureCount: z.int(),
});

const list = adminRoute({
  method: "get",
  path: "/networks",
  summary: "Les réseaux (CIO, Missions Locales…) et les organisations partenaires",
  responses: { 200: json(z.object({ networks: z.array(Network) }), "Par nom.") },
});
const create = adminRoute({
  method: "post",
  path: "/networks",
  summary: "Créer un réseau (Région)",
  request: { body: jsonBody(NetworkInput) },
  responses: created("Le réseau"),
});
const update = adminRoute({
  method: "patch",
  path: "/networks/{id}",
  summary: "Modifier un réseau (Région)",
  request: { params: IdParam, body: jsonBody(NetworkPatch) },
  responses: done,
});

export const networkAdmin = createRouter()
  .openapi(list, async (c) => c.json(await listNetworks(await staffDeps(c, "directory")), 200))
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await createNetwork({ ...deps, input: c.req.valid("json") }), 201);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await updateNetwork({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  });
