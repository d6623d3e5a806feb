import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { createTerritory } from "./create-territory.ts";
import { listTerritories } from "./list-territories.ts";
import { adminRoute } from "./route.ts";
import { IdParam, TerritoryInput, TerritoryPatch } from "./schemas.ts";
import { updateTerritory } from "./update-territory.ts";

// Territories are the Région's coordination zones: the Région alone draws them.

const Territory = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  coordinators: z.array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() })),
});

const list = adminRoute({
  method: "get",
  path: "/territories",
  summary: "Les territoires de coordination, leurs communes et leurs coordinateurs (Région)",
  responses: { 200: json(z.object({ territories: z.array(Territory) }), "Par nom.") },
});
const create = adminRoute({
  method: "post",
  path: "/territories",
  summary: "Créer un territoire (Région)",
  request: { body: jsonBody(TerritoryInput) },
  responses: created("Le territoire"),
});
const update = adminRoute({
  method: "patch",
  path: "/territories/{id}",
  summary: "Renommer un territoire ou redessiner ses communes (Région)",
  request: { params: IdParam, body: jsonBody(TerritoryPatch) },
  responses: done,
});

export const territoryAdmin = createRouter()
  .openapi(list, async (c) => c.json(await listTerritories(await staffDeps(c, "directory")), 200))
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await createTerritory({ ...deps, input: c.req.valid("json") }), 201);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await updateTerritory({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  });
