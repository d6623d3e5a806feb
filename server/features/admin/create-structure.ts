import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { checkCommunes } from "./access.ts";
import type { StructureInput } from "./schemas.ts";
import { checkNetwork, SLUG_TAKEN } from "./structure-fields.ts";

/** Creates a structure with the communes it serves (the Région's). */
export async function createStructure(deps: StaffDeps & { input: z.infer<typeof StructureInput> }) {
  const { db, scope, input } = deps;
  scope.requireRegion();
  const { communes, ...structure } = input;
  await checkNetwork(db, structure.networkId);
  await checkCommunes(db, communes);
  return unique(
    () =>
      audited(deps, { action: "structure.create", entity: "Structure" }, (tx) =>
        tx.structure.create({
          data: { ...structure, communes: { create: (communes ?? []).map((communeCode) => ({ communeCode })) } },
          select: { id: true },
        }),
      ),
    "slug",
    SLUG_TAKEN,
  );
}
