import { query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminTypes } from "../../../../../server/app.ts";
import { toApiError } from "../../../lib/api.ts";
import { getRecommendations } from "../../guide/orientation-api.ts";
import { ADMIN_BASE, change } from "./admin-api.ts";

// The Région's calls on the orientation table. A change makes the table and the questionnaire's
// answers stale: both are read again, so « tester un profil » shows the table as it now is.

const rules = hc<AdminTypes["routingRules"]>(ADMIN_BASE);

export type RoutingRule = InferResponseType<(typeof rules)["routing-rules"]["$get"], 200>["rules"][number];
export type RoutingRuleInput = InferRequestType<(typeof rules)["routing-rules"]["$post"]>["json"];
export type RoutingRulePatch = InferRequestType<(typeof rules)["routing-rules"][":id"]["$patch"]>["json"];

export const getRoutingRules = query(async (): Promise<RoutingRule[]> => {
  const response = await rules["routing-rules"].$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).rules;
}, "adminRoutingRules");

const stale = () => [getRoutingRules.key, getRecommendations.key];

export const createRoutingRule = change(
  "adminCreateRoutingRule",
  stale,
  (input: RoutingRuleInput) => rules["routing-rules"].$post({ json: input }),
  201,
);
export const updateRoutingRule = change("adminUpdateRoutingRule", stale, (id: string, patch: RoutingRulePatch) =>
  rules["routing-rules"][":id"].$patch({ param: { id }, json: patch }),
);
export const deleteRoutingRule = change("adminDeleteRoutingRule", stale, (id: string) =>
  rules["routing-rules"][":id"].$delete({ param: { id } }),
);
/** `ids`: every rule but the fallback, in their new order. */
export const reorderRoutingRules = change("adminReorderRoutingRules", stale, (ids: string[]) =>
  rules["routing-rules"].reorder.$post({ json: { ids } }),
);
