import { z } from "@hono/zod-openapi";
import { requireArea } from "../../auth/http.ts";
import { changedFields } from "../../db/audit.ts";
import { AGE_BANDS, NEEDS, SITUATIONS } from "../../domain/routing.ts";
import { createRouter } from "../../http/router.ts";
import { audited, created, done, json, jsonBody } from "../../http/staff-routes.ts";
import {
  createRoutingRule,
  deleteRoutingRule,
  guarded,
  listRoutingRules,
  reorderRoutingRules,
  updateRoutingRule,
} from "../orientation/routing-table.ts";
import { RoutingRuleInput, RoutingRuleOrder, RoutingRulePatch } from "../orientation/schemas.ts";
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
  .openapi(list, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    return c.json({ rules: await listRoutingRules({ db: c.var.deps.db }) }, 200);
  })
  .openapi(create, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const input = c.req.valid("json");
    const details = { fields: changedFields(input) };
    const rule = await guarded(() =>
      audited(c, { action: "routing_rule.create", entity: "RoutingRule", details }, (tx) => createRoutingRule(tx, input)),
    );
    return c.json(rule, 201);
  })
  .openapi(update, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const details = { fields: changedFields(patch) };
    await guarded(() =>
      audited(c, { action: "routing_rule.update", entity: "RoutingRule", details }, (tx) => updateRoutingRule(tx, id, patch)),
    );
    return c.json({}, 200);
  })
  .openapi(remove, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const { id } = c.req.valid("param");
    await guarded(() => audited(c, { action: "routing_rule.delete", entity: "RoutingRule" }, (tx) => deleteRoutingRule(tx, id)));
    return c.json({}, 200);
  })
  .openapi(reorder, async (c) => {
    const scope = await requireArea(c, "directory");
    scope.requireRegion();
    const order = c.req.valid("json");
    const [first] = order.ids;
    // Nothing moves in a table that holds only its fallback: no event to write.
    if (!first) await reorderRoutingRules(c.var.deps.db.prisma, order);
    else {
      // One event for the whole table, on its new first rule: a reorder touches every row.
      const event = { action: "routing_rule.reorder", entity: "RoutingRule", details: { fields: ["position"] } };
      await audited(c, event, async (tx) => {
        await reorderRoutingRules(tx, order);
        return { id: first };
      });
    }
    return c.json({}, 200);
  });
