// What the benchmarks' directories share: advisors open Monday to Friday, 08:00–18:00.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../server/db/database.ts";

/** One range per advisor, on site, weekdays 08:00–18:00 from `firstDay`, opening their offering. */
export async function openWeekdays(
  p: PrismaClient,
  advisors: readonly { id: string; structureId: string; siteId: string; offeringId: string }[],
  firstDay: string,
) {
  const rules = advisors.map((a) => ({
    id: randomUUID(),
    advisorId: a.id,
    structureId: a.structureId,
    siteId: a.siteId,
    modes: ["onsite" as const],
    weekdays: [1, 2, 3, 4, 5],
    startTime: "08:00",
    endTime: "18:00",
    validFrom: new Date(firstDay),
  }));
  await p.availabilityRule.createMany({ data: rules });
  await p.availabilityRuleOffering.createMany({
    data: rules.map((r, i) => ({ ruleId: r.id, offeringId: advisors[i]?.offeringId as string })),
  });
}
