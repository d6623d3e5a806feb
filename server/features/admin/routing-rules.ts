import { z } from "@hono/zod-openapi";
import { staffDeps } from "../../auth/http.ts";
import { AGE_BANDS, NEEDS, SITUATIONS } from "../../domain/routing.ts";
import { createRouter } from "../../http/router.ts";
import { created, done, json, jsonBody } from "../../http/staff-routes.ts";
import { RoutingRuleInput, RoutingRuleOrder, RoutingRulePatch } from "../orientation/schemas.ts";
import { addRoutingRule } from "./add-routing-rule.ts";
import { editRoutingRule } from "./edit-routing-rule.ts";
import { readRoutingTable } from "./read-routing-table.ts";
import { removeRoutingRule } from "./remove-routing-rule.ts";
import { reorderRoutingTable } from "./reorder-routing-table.ts";
import { adminRoute } from "./route.ts";
import { IdParam } from "./schemas.ts";

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

const list = adminRoute({
  method: "get",
  path: "/routing-rules",
  summary: "La table d'orientation, dans l'ordre de lecture, la règle par défaut en dernier (Région)",
  responses: { 200: json(z.object({ rules: z.array(RoutingRule) }), "Dans l'ordre de lecture.") },
});
const create = adminRoute({
  method: "post",
  path: "/routing-rules",
  summary: "Ajouter une règle à la fin de la table, avant la règle par défaut (Région)",
  request: { body: jsonBody(RoutingRuleInput) },
  responses: created("La règle"),
});
const update = adminRoute({
  method: "patch",
  path: "/routing-rules/{id}",
  summary: "Modifier une règle (Région) ; la règle par défaut reste active et sans condition",
  request: { params: IdParam, body: jsonBody(RoutingRulePatch) },
  responses: done,
});
const remove = adminRoute({
  method: "delete",
  path: "/routing-rules/{id}",
  summary: "Supprimer une règle (Région) ; la règle par défaut ne peut pas l'être",
  request: { params: IdParam },
  responses: done,
});
const reorder = adminRoute({
  method: "post",
  path: "/routing-rules/reorder",
  summary: "Réordonner la table : toutes les règles sauf celle par défaut, dans leur nouvel ordre (Région)",
  request: { body: jsonBody(RoutingRuleOrder) },
  responses: done,
});

export const routingRuleAdmin = createRouter()
  .openapi(list, async (c) => c.json(await readRoutingTable(await staffDeps(c, "directory")), 200))
  .openapi(create, async (c) => {
    const deps = await staffDeps(c, "directory");
    return c.json(await addRoutingRule({ ...deps, input: c.req.valid("json") }), 201);
  })
  .openapi(update, async (c) => {
    const deps = await staffDeps(c, "directory");
    await editRoutingRule({ ...deps, input: { ...c.req.valid("json"), ...c.req.valid("param") } });
    return c.json({}, 200);
  })
  .openapi(remove, async (c) => {
    const deps = await staffDeps(c, "directory");
    await removeRoutingRule({ ...deps, input: c.req.valid("param") });
    return c.json({}, 200);
  })
  .openapi(reorder, async (c) => {
    const deps = await staffDeps(c, "directory");
    await reorderRoutingTable({ ...deps, input: c.req.valid("json") });
    return c.json({}, 200);
  });
