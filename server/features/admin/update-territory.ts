import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import { checkCommunes } from "./access.ts";
import type { TerritoryPatch } from "./schemas.ts";

/** Renames a territory or redraws its communes (the Région's). */
export async function updateTerritory(deps: StaffDeps & { input: { id: string } & z.infer<typeof TerritoryPatch> }) {
  const { db, scope, input } = deps;
  scope.requireRegion();
  const { id, communes, ...patch } = input;
  const current = await db.prisma.territory.findUnique({ where: { id }, include: { communes: true } });
  if (!current) throw notFound("Territoire");
  await checkCommunes(db, communes);
  const before = { ...current, communes: current.communes.map((c) => c.communeCode) };
  const details = { fields: changedFields({ ...patch, communes }, before) };
  await audited(deps, { action: "territory.update", entity: "Territory", details }, async (tx) => {
    if (communes) {
      await tx.territoryCommune.deleteMany({ where: { territoryId: id } });
      await tx.territoryCommune.createMany({ data: communes.map((communeCode) => ({ territoryId: id, communeCode })) });
    }
    return tx.territory.update({ where: { id }, data: patch, select: { id: true } });
  });
}
