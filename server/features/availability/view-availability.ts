import type { StaffDeps } from "../../context.ts";
import { toZonedIso } from "../../domain/time.ts";
import { absenceReasonFor } from "../agenda/load-agenda.ts";
import { day, editable } from "./editable.ts";

/** An advisor's ranges (local dates) and coming absences in a structure, with its sites and offerings to choose from. */
export async function viewAvailability(deps: StaffDeps & { input: { advisor: string; structure: string } }) {
  const { db, clock, scope, input } = deps;
  const { advisor, structure: structureId } = input;
  const structure = await editable(deps, advisor, structureId);
  const [rules, absences, options] = await Promise.all([
    db.prisma.availabilityRule.findMany({
      where: { advisorId: advisor, structureId },
      orderBy: [{ validFrom: "asc" }, { startTime: "asc" }],
      include: { offerings: { select: { offeringId: true } } },
    }),
    db.prisma.absence.findMany({
      where: { advisorId: advisor, endsAt: { gt: clock.now() } },
      orderBy: { startsAt: "asc" },
    }),
    db.prisma.structure.findUniqueOrThrow({
      where: { id: structureId },
      select: {
        sites: { where: { active: true }, select: { id: true, name: true } },
        offerings: { where: { active: true }, select: { id: true, service: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    zone: structure.timeZone,
    rules: rules.map(({ offerings, validFrom, validUntil, createdAt: _, ...r }) => ({
      ...r,
      validFrom: day(validFrom),
      validUntil: day(validUntil),
      offeringIds: offerings.map((o) => o.offeringId),
    })),
    absences: absences.map((a) => ({
      id: a.id,
      start: toZonedIso(a.startsAt, structure.timeZone),
      end: toZonedIso(a.endsAt, structure.timeZone),
      reason: absenceReasonFor(scope, a),
      /** Declared by this structure (or by the advisor's only one): it may remove it. */
      removable: a.structureId === null || a.structureId === structureId,
    })),
    ...options,
  };
}
