import type { StaffDeps } from "../../context.ts";
import { listRoutingRules } from "../orientation/routing-table.ts";

/** The orientation table in reading order, its fallback last (the Région's). */
export async function readRoutingTable({ db, scope }: StaffDeps) {
  scope.requireRegion();
  return { rules: await listRoutingRules({ db }) };
}
