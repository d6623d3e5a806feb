import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { scoped } from "./access.ts";
import { checkAges } from "./offering-ages.ts";
import type { OfferingPatch } from "./schemas.ts";

/** Changes an offering's settings (duration, modes, notice, audience, reminders…) in a structure the user runs. */
export async function updateOffering(deps: StaffDeps & { input: { id: string } & z.infer<typeof OfferingPatch> }) {
  const { scope, input } = deps;
  const { id, ...patch } = input;
  const current = scoped(await scope.prisma.offering.findUnique({ where: { id } }), (s) => scope.manages(s), "Offre");
  checkAges({ ...current, ...patch });
  const details = { fields: changedFields(patch, current), structureId: current.structureId };
  await audited(deps, { action: "offering.update", entity: "Offering", details }, (tx) =>
    tx.offering.update({ where: { id }, data: patch, select: { id: true } }),
  );
}
