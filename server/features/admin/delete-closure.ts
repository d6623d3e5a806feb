import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { scoped } from "./access.ts";

/** Deletes a closure of a structure the user runs: its days are open again. */
export async function deleteClosure(deps: StaffDeps & { input: { id: string } }) {
  const { scope, input } = deps;
  const { id } = input;
  const { structureId } = scoped(
    await scope.prisma.closure.findUnique({ where: { id }, select: { structureId: true } }),
    (s) => scope.manages(s),
    "Fermeture",
  );
  await audited(deps, { action: "closure.delete", entity: "Closure", details: { structureId } }, (tx) =>
    tx.closure.delete({ where: { id }, select: { id: true } }),
  );
}
