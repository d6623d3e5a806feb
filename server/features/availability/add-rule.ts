import type { StaffDeps } from "../../context.ts";
import { changeAvailability } from "./affected.ts";
import { checkRule, editable, type OnBooked, type RuleFields, toDate } from "./editable.ts";

/** Adds a range to an advisor's availability in a structure (a single date: validFrom = validUntil). */
export async function addRule(
  deps: StaffDeps & { input: RuleFields & { advisorId: string; structureId: string; onBooked?: OnBooked } },
) {
  const { advisorId, structureId, onBooked, offeringIds, validFrom, validUntil, ...rule } = deps.input;
  await editable(deps, advisorId, structureId);
  await checkRule(deps.db.prisma, structureId, { ...rule, validFrom, validUntil, offeringIds });
  return changeAvailability(
    deps,
    { advisorIds: [advisorId], structureId, onBooked, dates: { from: validFrom, to: validUntil ?? null } },
    { action: "rule.create", entity: "AvailabilityRule" },
    (tx) =>
      tx.availabilityRule.create({
        data: {
          ...rule,
          advisorId,
          structureId,
          validFrom: toDate(validFrom),
          validUntil: validUntil ? toDate(validUntil) : null,
          offerings: { create: offeringIds.map((offeringId) => ({ offeringId })) },
        },
        select: { id: true },
      }),
  );
}
