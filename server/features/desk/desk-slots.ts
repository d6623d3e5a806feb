import type { Database } from "../../db/database.ts";
import { type Audience, freeSlots, type Mode, type Slot } from "../../domain/availability.ts";
import { addDays, type LocalDate } from "../../domain/time.ts";
import { loadAvailability, type OfferingRow } from "../slots/load-availability.ts";
import { toView } from "../slots/search-slots.ts";

const WINDOWS = [7, 14, 28, 56];

/**
 * The first free slots of an offering from a day on, as staff may book them (inside the public
 * notice and beyond its horizon) or, with `audience: "public"`, as anyone may — across the
 * structure's advisors or for one of them. Looks in growing windows: the usual case, a slot
 * this week, costs one small search.
 */
export async function firstStaffSlots(
  db: Database,
  offering: OfferingRow,
  options: {
    from: LocalDate;
    now: Date;
    advisorId?: string | undefined;
    /** Only the slots at this site, or held this way. */
    where?: { siteId?: string | undefined; mode?: Mode | undefined };
    limit: number;
    audience?: Audience;
  },
) {
  const kept = (slot: Slot) =>
    (!options.advisorId || slot.advisorId === options.advisorId) &&
    (!options.where?.siteId || slot.siteId === options.where.siteId) &&
    (!options.where?.mode || slot.mode === options.where.mode);
  const found: Slot[] = [];
  let from = options.from;
  for (const days of WINDOWS) {
    const to = addDays(from, days - 1);
    const input = (
      await loadAvailability(db.sql, [offering], {
        from,
        to,
        now: options.now,
        audience: options.audience ?? "staff",
      })
    ).get(offering.id);
    if (input) found.push(...freeSlots(input).filter(kept));
    if (found.length >= options.limit) break;
    from = addDays(to, 1);
  }
  const slots = found.slice(0, options.limit);
  const [advisors, sites] = await Promise.all([
    db.prisma.staffUser.findMany({
      where: { id: { in: [...new Set(slots.map((s) => s.advisorId))] } },
      select: { id: true, firstName: true, lastName: true },
    }),
    db.prisma.site.findMany({
      where: { id: { in: [...new Set(slots.flatMap((s) => s.siteId ?? []))] } },
      select: { id: true, name: true },
    }),
  ]);
  return slots.map((slot) => ({
    ...toView(slot, offering),
    advisor: advisors.find((a) => a.id === slot.advisorId) ?? null,
    site: sites.find((s) => s.id === slot.siteId) ?? null,
  }));
}
