import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { managedStructure } from "./access.ts";
import type { SiteInput } from "./schemas.ts";
import { checkPostcode } from "./site-address.ts";

/** Adds a site to a structure the user runs. */
export async function createSite(deps: StaffDeps & { input: { structureId: string } & z.infer<typeof SiteInput> }) {
  const { db, scope, input } = deps;
  const { structureId, ...site } = input;
  await managedStructure(db, scope, structureId);
  await checkPostcode(db, site.communeCode, site.postcode);
  return audited(deps, { action: "site.create", entity: "Site", details: { structureId } }, (tx) =>
    tx.site.create({ data: { ...site, structureId }, select: { id: true } }),
  );
}
