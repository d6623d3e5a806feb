import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { guarded, updateRoutingRule } from "../orientation/routing-table.ts";
import type { RoutingRulePatch } from "../orientation/schemas.ts";

/** Edits a rule of the orientation table (the Région's); the fallback stays active and without conditions. */
export async function editRoutingRule(deps: StaffDeps & { input: { id: string } & RoutingRulePatch }) {
  const { scope, input } = deps;
  scope.requireRegion();
  const { id, ...patch } = input;
  const details = { fields: changedFields(patch) };
  await guarded(() =>
    audited(deps, { action: "routing_rule.update", entity: "RoutingRule", details }, (tx) => updateRoutingRule(tx, id, patch)),
  );
}
