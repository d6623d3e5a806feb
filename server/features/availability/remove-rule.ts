import type { StaffDeps } from "../../context.ts";
import { changeAvailability } from "./affected.ts";
import { day, editable, type OnBooked, type RuleToChange } from "./editable.ts";

/** Removes a range; a 409 lists the meetings it would leave outside until onBooked is chosen. */
export async function removeRule(deps: StaffDeps & { rule: RuleToChange; input: { onBooked?: OnBooked } }) {
  const { rule: current, input } = deps;
  await editable(deps, current.advisorId, current.structureId);
  const target = {
    advisorIds: [current.advisorId],
    structureId: current.structureId,
    onBooked: input.onBooked,
    dates: { from: day(current.validFrom), to: day(current.validUntil) },
  };
  return changeAvailability(deps, target, { action: "rule.delete", entity: "AvailabilityRule" }, (tx) =>
    tx.availabilityRule.delete({ where: { id: current.id }, select: { id: true } }),
  );
}
