import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { createRouter } from "../../http/router.ts";
import { createNetwork } from "./create-network.ts";
import { listNetworks } from "./list-networks.ts";
import { change, creation, listing } from "./route.ts";
import { NetworkInput, NetworkKind, NetworkPatch } from "./schemas.ts";
import { updateNetwork } from "./update-network.ts";

const Network = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: NetworkKind,
  description: z.string(),
  structureCount: z.int(),
});

const list = listing(
  "/networks",
  "Les réseaux (CIO, Missions Locales…) et les organisations partenaires",
  z.object({ networks: z.array(Network) }),
  "Par nom.",
);
const create = creation("/networks", "Créer un réseau (Région)", NetworkInput, "Le réseau");
const update = change("/networks/{id}", "Modifier un réseau (Région)", NetworkPatch);

export const networkAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", listNetworks), 200))
  .openapi(create, async (c) => c.json(await act(c, "directory", createNetwork, c.req.valid("json")), 201))
  .openapi(update, (c) => whenDone(c, act(c, "directory", updateNetwork, { ...c.req.valid("json"), ...c.req.valid("param") })));
