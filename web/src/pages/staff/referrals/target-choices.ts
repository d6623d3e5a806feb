import { createAsync } from "@solidjs/router";
import { createMemo } from "solid-js";
import { getServices } from "../../../lib/api.ts";
import { getTargetStructures } from "./referrals-api.ts";

/**
 * Where a referral may go: the services, and the structures that offer the chosen one but
 * `excluded` (the structure the person would be sent from, or is already at).
 */
export function createTargetChoices(serviceId: () => string, excluded: () => string) {
  const services = createAsync(() => getServices());
  const service = createMemo(() => services()?.find((candidate) => candidate.id === serviceId()));
  const targets = createAsync(async () => {
    const slug = service()?.slug;
    if (!slug) return [];
    const list = await getTargetStructures(slug);
    return list.filter((structure) => structure.id !== excluded());
  });
  return { services, targets };
}
