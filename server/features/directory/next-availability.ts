import type { Database } from "../../db/database.ts";
import { addDays, DEFAULT_ZONE, epochDay, localDateOf, toZonedIso } from "../../domain/time.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { FIRST_SLOT_HORIZON_DAYS, offeredSlots } from "../slots/search-slots.ts";

/** The first free public slot of an offering: its start (ISO, the structure's offset) and epoch ms to compare. */
export interface NextSlot {
  start: string;
  at: number;
}

/**
 * The first free slot the public can book, per offering of these structures, within six months.
 * The same windows as the slot search's « prochaine disponibilité » (2 weeks, then 4, 8, 12),
 * so a structure with a slot in the coming days costs one small search. Called for one page of
 * the directory at a time: the cost grows with the page, not with the region.
 */
export async function nextSlotsOf(db: Database, now: Date, structureIds: readonly string[]): Promise<Map<string, NextSlot>> {
  const found = new Map<string, NextSlot>();
  if (structureIds.length === 0) return found;
  const rows = await db.prisma.offering.findMany({
    where: { structureId: { in: [...structureIds] }, active: true, bookableBy: "public" },
    select: offeringSelect,
  });
  let pending = rows.map(toOfferingRow);
  const today = localDateOf(now, DEFAULT_ZONE);
  let from = today;
  for (const days of [14, 28, 56, 85]) {
    if (pending.length === 0 || epochDay(from) - epochDay(today) >= FIRST_SLOT_HORIZON_DAYS) break;
    const to = addDays(from, days - 1);
    for (const [offering, { slots }] of await offeredSlots(db, pending, { from, to, now })) {
      const first = slots[0]; // in time order
      if (first) found.set(offering.id, { start: toZonedIso(first.start, offering.timeZone), at: first.start.getTime() });
    }
    // An offering without a slot yet is looked for further: its ranges may only start later.
    pending = pending.filter((offering) => !found.has(offering.id));
    from = addDays(to, 1);
  }
  return found;
}
