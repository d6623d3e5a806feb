import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import type { NetworkInput } from "./schemas.ts";

/** Creates a network (the Région's); its slug is its own. */
export async function createNetwork(deps: StaffDeps & { input: z.infer<typeof NetworkInput> }) {
  const { scope, input } = deps;
  scope.requireRegion();
  return unique(
    () =>
      audited(deps, { action: "network.create", entity: "Network" }, (tx) =>
        tx.network.create({ data: input, select: { id: true } }),
      ),
    "slug",
    "Cet identifiant est déjà pris par un autre réseau.",
  );
}
