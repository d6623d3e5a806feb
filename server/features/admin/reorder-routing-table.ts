import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { reorderRoutingRules } from "../orientation/routing-table.ts";
import type { RoutingRuleOrder } from "../orientation/schemas.ts";

/** Puts every rule but the fallback in a new order (the Région's). */
export async function reorderRoutingTable(deps: StaffDeps & { input: RoutingRuleOrder }) {
  const { db, scope, input: order } = deps;
  scope.requireRegion();
  const [first] = order.ids;
  // Nothing moves in a table that holds only its fallback: no event to write.
  if (!first) await reorderRoutingRules(db.prisma, order);
  else {
    // One event for the whole table, on its new first rule: a reorder touches every row.
    const event = { action: "routing_rule.reorder", entity: "RoutingRule", details: { fields: ["position"] } };
    await audited(deps, event, async (tx) => {
      await reorderRoutingRules(tx, order);
      return { id: first };
    });
  }
}
