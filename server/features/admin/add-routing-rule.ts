import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { createRoutingRule, guarded } from "../orientation/routing-table.ts";
import type { RoutingRuleInput } from "../orientation/schemas.ts";

/** Adds a rule at the end of the orientation table, before its fallback (the Région's). */
export async function addRoutingRule(deps: StaffDeps & { input: RoutingRuleInput }) {
  const { scope, input } = deps;
  scope.requireRegion();
  const details = { fields: changedFields(input) };
  return guarded(() =>
    audited(deps, { action: "routing_rule.create", entity: "RoutingRule", details }, (tx) => createRoutingRule(tx, input)),
  );
}
