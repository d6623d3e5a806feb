import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { deleteRoutingRule, guarded } from "../orientation/routing-table.ts";

/** Removes a rule of the orientation table (the Région's); the fallback cannot be. */
export async function removeRoutingRule(deps: StaffDeps & { input: { id: string } }) {
  const { scope, input } = deps;
  const { id } = input;
  scope.requireRegion();
  await guarded(() => audited(deps, { action: "routing_rule.delete", entity: "RoutingRule" }, (tx) => deleteRoutingRule(tx, id)));
}
