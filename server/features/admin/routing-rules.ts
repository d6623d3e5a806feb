import { z } from "@hono/zod-openapi";
import { act, whenDone } from "../../auth/http.ts";
import { AGE_BANDS, NEEDS, SITUATIONS } from "../../domain/routing.ts";
import { createRouter } from "../../http/router.ts";
import { done, jsonBody } from "../../http/staff-routes.ts";
import { RoutingRuleInput, RoutingRuleOrder, RoutingRulePatch } from "../orientation/schemas.ts";
import { addRoutingRule } from "./add-routing-rule.ts";
import { editRoutingRule } from "./edit-routing-rule.ts";
import { readRoutingTable } from "./read-routing-table.ts";
import { removeRoutingRule } from "./remove-routing-rule.ts";
import { reorderRoutingTable } from "./reorder-routing-table.ts";
import { adminRoute, change, creation, listing, removal } from "./route.ts";

// The orientation table of « Trouver le bon interlocuteur »: the Région alone edits it.

const Named = z.object({ slug: z.string(), name: z.string() });
const RoutingRule = z.object({
  id: z.uuid(),
  position: z.int(),
  ageBands: z.array(z.enum(AGE_BANDS)),
  situations: z.array(z.enum(SITUATIONS)),
  needs: z.array(z.enum(NEEDS)),
  disability: z.boolean().nullable(),
  networkId: z.uuid(),
  network: Named,
  serviceId: z.uuid().nullable(),
  service: Named.nullable(),
  reason: z.string(),
  fallback: z.boolean(),
  active: z.boolean(),
});

const list = listing(
  "/routing-rules",
  "La table d'orientation, dans l'ordre de lecture, la règle par défaut en dernier (Région)",
  z.object({ rules: z.array(RoutingRule) }),
  "Dans l'ordre de lecture.",
);
const create = creation(
  "/routing-rules",
  "Ajouter une règle à la fin de la table, avant la règle par défaut (Région)",
  RoutingRuleInput,
  "La règle",
);
const update = change(
  "/routing-rules/{id}",
  "Modifier une règle (Région) ; la règle par défaut reste active et sans condition",
  RoutingRulePatch,
);
const remove = removal("/routing-rules/{id}", "Supprimer une règle (Région) ; la règle par défaut ne peut pas l'être");
const reorder = adminRoute({
  method: "post",
  path: "/routing-rules/reorder",
  summary: "Réordonner la table : toutes les règles sauf celle par défaut, dans leur nouvel ordre (Région)",
  request: { body: jsonBody(RoutingRuleOrder) },
  responses: done,
});

export const routingRuleAdmin = createRouter()
  .openapi(list, async (c) => c.json(await act(c, "directory", readRoutingTable), 200))
  .openapi(create, async (c) => c.json(await act(c, "directory", addRoutingRule, c.req.valid("json")), 201))
  .openapi(update, (c) => whenDone(c, act(c, "directory", editRoutingRule, { ...c.req.valid("json"), ...c.req.valid("param") })))
  .openapi(remove, (c) => whenDone(c, act(c, "directory", removeRoutingRule, c.req.valid("param"))))
  .openapi(reorder, (c) => whenDone(c, act(c, "directory", reorderRoutingTable, c.req.valid("json"))));
