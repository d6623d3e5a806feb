import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { offerOpenedTime } from "../waitlist/offer-freed-time.ts";
import { scoped } from "./access.ts";

/** Deletes a closure of a structure the user runs: its days are open again, offered first to whoever waits. */
export async function deleteClosure(deps: StaffDeps & { input: { id: string } }) {
  const { scope, input, clock, config } = deps;
  const { id } = input;
  const { structureId } = scoped(
    await scope.prisma.closure.findUnique({ where: { id }, select: { structureId: true } }),
    (s) => scope.manages(s),
    "Fermeture",
  );
  await audited(deps, { action: "closure.delete", entity: "Closure", details: { structureId } }, async (tx) => {
    const deleted = await tx.closure.delete({ where: { id }, select: { id: true } });
    const advisors = await tx.membership.findMany({ where: { structureId, role: "advisor" }, select: { userId: true } });
    const context = { now: clock.now(), config };
    for (const { userId } of advisors) await offerOpenedTime(sqlIn(tx), userId, context);
    return deleted;
  });
}
