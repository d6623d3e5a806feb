import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { localDateOf } from "../../domain/time.ts";
import { validationError } from "../../errors.ts";
import { changeAvailability } from "../availability/affected.ts";
import { managedStructure } from "./access.ts";
import type { ClosureInput } from "./schemas.ts";

/**
 * Closes a structure, or one of its sites, on the given local days (both included). The days'
 * meetings are kept or cancelled as the admin chose (availability/affected.ts).
 */
export async function createClosure(deps: StaffDeps & { input: { structureId: string } & z.infer<typeof ClosureInput> }) {
  const { db, clock, scope, input } = deps;
  const { structureId, siteId, startDate, endDate, reason, onBooked } = input;
  const structure = await managedStructure(db, scope, structureId);
  if (endDate < localDateOf(clock.now(), structure.timeZone)) {
    throw validationError({ endDate: "Cette fermeture est déjà passée : la fin doit être aujourd'hui ou plus tard." });
  }
  if (siteId && !(await db.prisma.site.count({ where: { id: siteId, structureId } }))) {
    throw validationError({ siteId: "ce lieu n'appartient pas à la structure." });
  }
  // The advisors with meetings those days: a closure may leave some of them without a place.
  const meetings = await scope.prisma.appointment.findMany({
    where: {
      structureId,
      status: "booked",
      startsAt: {
        gte: new Date(Date.parse(`${startDate}T00:00:00Z`) - 14 * 3_600_000),
        lt: new Date(Date.parse(`${endDate}T00:00:00Z`) + 38 * 3_600_000),
      },
    },
    distinct: ["advisorId"],
    select: { advisorId: true },
  });
  const target = { advisorIds: meetings.map((m) => m.advisorId), structureId, onBooked };
  return changeAvailability(deps, target, { action: "closure.create", entity: "Closure" }, (tx) =>
    tx.closure.create({
      data: { structureId, siteId: siteId ?? null, startDate: new Date(startDate), endDate: new Date(endDate), reason },
      select: { id: true },
    }),
  );
}
