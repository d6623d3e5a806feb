import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { notFound } from "../../errors.ts";
import type { NetworkPatch } from "./schemas.ts";

/** Edits a network (the Région's). */
export async function updateNetwork(deps: StaffDeps & { input: { id: string } & z.infer<typeof NetworkPatch> }) {
  const { scope, input } = deps;
  scope.requireRegion();
  const { id, ...patch } = input;
  const current = await scope.prisma.network.findUnique({ where: { id } });
  if (!current) throw notFound("Réseau");
  await audited(deps, { action: "network.update", entity: "Network", details: { fields: changedFields(patch, current) } }, (tx) =>
    tx.network.update({ where: { id }, data: patch, select: { id: true } }),
  );
}
