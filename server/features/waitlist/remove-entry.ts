import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { AppError } from "../../errors.ts";
import { endWaiting } from "./pass-on.ts";
import { staffEntrySelect, staffEntryView } from "./staff-view.ts";
import { visibleEntry } from "./visible-entry.ts";

/**
 * « Retirer » : staff take someone off their structure's list (they found a meeting by phone,
 * they no longer need one). A slot held for them goes to the next person in the same
 * transaction, and the change is audited.
 */
export async function removeEntry(deps: StaffDeps & { input: { id: string } }) {
  const { scope, clock, config, input } = deps;
  const found = await visibleEntry(scope, input.id);
  const now = clock.now();
  const entry = await audited(
    deps,
    { action: "waitlist.remove", entity: "WaitlistEntry", details: { structureId: found.offering.structureId } },
    async (tx) => {
      const ended = await tx.waitlistEntry.findUniqueOrThrow({ where: { id: found.id }, select: { endedAt: true } });
      if (ended.endedAt) throw new AppError("CONFLICT", "Cette personne n'est plus sur la liste d'attente.");
      await endWaiting(sqlIn(tx), { entryId: found.id }, "removed", { now, config });
      return staffEntryView(await tx.waitlistEntry.findUniqueOrThrow({ where: { id: found.id }, select: staffEntrySelect }));
    },
  );
  return { entry };
}
