import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { scoped } from "./access.ts";
import type { SitePatch } from "./schemas.ts";
import { checkPostcode } from "./site-address.ts";

/** Changes a site (address, access, opening) of a structure the user runs. */
export async function updateSite(deps: StaffDeps & { input: { id: string } & z.infer<typeof SitePatch> }) {
  const { db, scope, input } = deps;
  const { id, ...patch } = input;
  const site = scoped(await db.prisma.site.findUnique({ where: { id } }), (s) => scope.manages(s), "Lieu");
  if (patch.communeCode || patch.postcode) {
    await checkPostcode(db, patch.communeCode ?? site.communeCode, patch.postcode ?? site.postcode);
  }
  const details = { fields: changedFields(patch, site), structureId: site.structureId };
  await audited(deps, { action: "site.update", entity: "Site", details }, (tx) =>
    tx.site.update({ where: { id }, data: patch, select: { id: true } }),
  );
}
