import type { Deps } from "../../context.ts";
import { DEFAULT_ZONE, localDateOf } from "../../domain/time.ts";
import type { DailyTask } from "../../jobs/daily.ts";
import { nextSlotsOf } from "../directory/next-availability.ts";

/** Structures searched at once: a page of the directory costs the same. */
const BATCH = 20;

/**
 * Records, for every offering the public can book, the first free slot as a person searching now
 * would find it (the directory's own search, six months ahead at most). Once a day: the
 * dashboards draw the waiting time's trend from these rows. Idempotent: a second run the same
 * day replaces the day's rows.
 */
export async function recordWaitingTimes({ db }: Pick<Deps, "db">, now: Date) {
  const day = new Date(`${localDateOf(now, DEFAULT_ZONE)}T00:00:00Z`);
  const structures = await db.prisma.structure.findMany({
    where: { active: true, network: { kind: "spro" } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let recorded = 0;
  let withoutSlot = 0;
  for (let i = 0; i < structures.length; i += BATCH) {
    const ids = structures.slice(i, i + BATCH).map((s) => s.id);
    const [offerings, next] = await Promise.all([
      db.prisma.offering.findMany({
        where: { structureId: { in: ids }, active: true, bookableBy: "public" },
        select: { id: true, structureId: true, serviceId: true },
      }),
      nextSlotsOf(db, now, ids),
    ]);
    const rows = offerings.map((o) => {
      const slot = next.get(o.id);
      if (!slot) withoutSlot += 1;
      return {
        day,
        structureId: o.structureId,
        serviceId: o.serviceId,
        takenAt: now,
        nextSlotAt: slot ? new Date(slot.at) : null,
      };
    });
    await db.prisma.$transaction([
      db.prisma.waitingTimeSnapshot.deleteMany({ where: { day, structureId: { in: ids } } }),
      db.prisma.waitingTimeSnapshot.createMany({ data: rows }),
    ]);
    recorded += rows.length;
  }
  return { recorded, withoutSlot };
}

export const waitingTimesTask: DailyTask = { name: "waiting-times", run: recordWaitingTimes };
