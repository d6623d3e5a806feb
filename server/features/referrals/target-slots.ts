import type { Database } from "../../db/database.ts";
import type { Audience } from "../../domain/availability.ts";
import { type LocalDate, localDateOf } from "../../domain/time.ts";
import { firstStaffSlots } from "../desk/desk-slots.ts";
import type { OfferingRow } from "../slots/load-availability.ts";

/**
 * Slots as someone outside the target structure chooses them, like the public: one per time
 * and place, without advisor names (the booking takes another advisor if it must).
 */
export function onePerTimeAndPlace<S extends { start: string; siteId: string | null; mode: string; advisor?: unknown }>(
  slots: S[],
): Omit<S, "advisor">[] {
  const seen = new Set<string>();
  return slots
    .filter((slot) => {
      const key = `${slot.start}|${slot.siteId}|${slot.mode}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .map(({ advisor: _, ...slot }) => slot);
}

/**
 * The first 20 free slots of the referral's offering at its target, from a day on (today by
 * default): as its staff book them, or, for anyone else, one per time and place.
 */
export async function targetSlots(
  db: Database,
  offering: OfferingRow,
  options: { from: LocalDate | undefined; now: Date; audience: Audience },
) {
  const list = await firstStaffSlots(db, offering, {
    from: options.from ?? localDateOf(options.now, offering.timeZone),
    now: options.now,
    // Several advisors share a time: ask for more, keep 20 once each time is there once.
    limit: 200,
    audience: options.audience,
  });
  return (options.audience === "staff" ? list : onePerTimeAndPlace(list)).slice(0, 20);
}
