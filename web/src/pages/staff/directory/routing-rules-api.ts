import { action, json, query } from "@solidjs/router";
import { hc, type InferRequestType, type InferResponseType } from "hono/client";
import type { AdminTypes } from "../../../../../server/app.ts";
import { type Outcome, send, toApiError } from "../../../lib/api.ts";
import { getRecommendations } from "../../guide/orientation-api.ts";

// The Région's calls on the orientation table. A change makes the table and the questionnaire's
// answers stale: both are read again, so « tester un profil » shows the table as it now is.

const rules = hc<AdminTypes["routingRules"]>("/api/admin");

export type RoutingRule = InferResponseType<(typeof rules)["routing-rules"]["$get"], 200>["rules"][number];
export type RoutingRuleInput = InferRequestType<(typeof rules)["routing-rules"]["$post"]>["json"];
export type RoutingRulePatch = InferRequestType<(typeof rules)["routing-rules"][":id"]["$patch"]>["json"];

export const getRoutingRules = query(async (): Promise<RoutingRule[]> => {
  const response = await rules["routing-rules"].$get();
  if (response.status !== 200) throw await toApiError(response);
  return (await response.json()).rules;
}, "adminRoutingRules");

function change<Args extends unknown[]>(
  name: string,
  request: (...args: Args) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>,
  success = 200,
) {
  return action(async (...args: Args) => {
    const outcome: Outcome<unknown> = await send(() => request(...args), success);
    return json(outcome, { revalidate: outcome.kind === "done" ? [getRoutingRules.key, getRecommendations.key] : [] });
  }, name);
}

export const createRoutingRule = change(
  "adminCreateRoutingRule",
  (input: RoutingRuleInput) => rules["routing-rules"].$post({ json: input }),
  201,
);
export const updateRoutingRule = change("adminUpdateRoutingRule", (id: string, patch: RoutingRulePatch) =>
  rules["routing-rules"][":id"].$patch({ param: { id }, json: patch }),
);
export const deleteRoutingRule = change("adminDeleteRoutingRule", (id: string) =>
  rules["routing-rules"][":id"].$delete({ param: { id } }),
);
/** `ids`: every rule but the fallback, in their new order. */
export const reorderRoutingRules = change("adminReorderRoutingRules", (ids: string[]) =>
  rules["routing-rules"].reorder.$post({ json: { ids } }),
);
