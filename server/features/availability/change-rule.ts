import type { StaffDeps } from "../../context.ts";
import { changedFields } from "../../db/audit.ts";
import { changeAvailability } from "./affected.ts";
import { checkRule, day, editable, type OnBooked, type RuleFields, type RuleToChange, toDate } from "./editable.ts";

/** Changes a range; a 409 lists the meetings it would leave outside until onBooked is chosen. */
export async function changeRule(deps: StaffDeps & { rule: RuleToChange; input: Partial<RuleFields> & { onBooked?: OnBooked } }) {
  const { rule: current, input } = deps;
  const id = current.id;
  await editable(deps, current.advisorId, current.structureId);
  const { onBooked, offeringIds, validFrom, validUntil, ...patch } = input;
  const before = {
    ...current,
    validFrom: day(current.validFrom),
    validUntil: day(current.validUntil),
    offeringIds: current.offerings.map((o) => o.offeringId),
  };
  await checkRule(deps.db.prisma, current.structureId, {
    ...before,
    ...patch,
    validFrom: validFrom ?? before.validFrom ?? undefined,
    validUntil: validUntil !== undefined ? validUntil : before.validUntil,
    offeringIds: offeringIds ?? before.offeringIds,
  });
  const fields = changedFields({ ...patch, validFrom, validUntil, offeringIds }, before);
  // The dates the range covered or now covers: the span its change may touch.
  const until = validUntil !== undefined ? validUntil : before.validUntil;
  const dates = {
    from: [before.validFrom, validFrom ?? before.validFrom].sort()[0] ?? null,
    to: until === null || before.validUntil === null ? null : ([until, before.validUntil].sort()[1] ?? null),
  };
  const target = { advisorIds: [current.advisorId], structureId: current.structureId, onBooked, dates };
  return changeAvailability(deps, target, { action: "rule.update", entity: "AvailabilityRule", fields }, async (tx) => {
    if (offeringIds) {
      await tx.availabilityRuleOffering.deleteMany({ where: { ruleId: id } });
      await tx.availabilityRuleOffering.createMany({ data: offeringIds.map((offeringId) => ({ ruleId: id, offeringId })) });
    }
    return tx.availabilityRule.update({
      where: { id },
      data: {
        ...patch,
        ...(validFrom && { validFrom: toDate(validFrom) }),
        ...(validUntil !== undefined && { validUntil: validUntil ? toDate(validUntil) : null }),
      },
      select: { id: true },
    });
  });
}
