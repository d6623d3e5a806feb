import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { createTerritory } from "./create-territory.ts";
import { listTerritories } from "./list-territories.ts";
import { change, creation, listing } from "./route.ts";
import { TerritoryInput, TerritoryPatch } from "./schemas.ts";
import { updateTerritory } from "./update-territory.ts";

// Territories are the Région's coordination zones: the Région alone draws them.

const Territory = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  coordinators: z.array(z.object({ id: z.uuid(), firstName: z.string(), lastName: z.string() })),
});

const list = listing(
  "/territories",
  "Les territoires de coordination, leurs communes et leurs coordinateurs (Région)",
  z.object({ territories: z.array(Territory) }),
  "Par nom.",
);
const create = creation("/territories", "Créer un territoire (Région)", TerritoryInput, "Le territoire");
const update = change("/territories/{id}", "Renommer un territoire ou redessiner ses communes (Région)", TerritoryPatch);

export const territoryAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listTerritories), 200))
  .openapi(create, async (c) => c.json(await act(c, "directory", createTerritory, c.req.valid("json")), 201))
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateTerritory, { ...c.req.valid("json"), ...c.req.valid("param") })));
