import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { checkCommunes } from "./access.ts";
import type { TerritoryInput } from "./schemas.ts";

/** Draws a coordination territory from its communes (the Région's). */
export async function createTerritory(deps: StaffDeps & { input: z.infer<typeof TerritoryInput> }) {
  const { db, scope, input } = deps;
  scope.requireRegion();
  const { communes, ...territory } = input;
  await checkCommunes(db, communes);
  return unique(
    () =>
      audited(deps, { action: "territory.create", entity: "Territory" }, (tx) =>
        tx.territory.create({
          data: { ...territory, communes: { create: communes.map((communeCode) => ({ communeCode })) } },
          select: { id: true },
        }),
      ),
    "slug",
    "Cet identifiant est déjà pris par un autre territoire.",
  );
}
