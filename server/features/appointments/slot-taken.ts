import type { Database } from "../../db/database.ts";
import { isExclusionViolation } from "../../db/errors.ts";
import type { Slot } from "../../domain/availability.ts";
import { addDays, localDateOf } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { offeredSlots, type SlotView, toView } from "../slots/search-slots.ts";
import { decodeSlotKey, type SlotRef } from "../slots/slot-key.ts";

/**
 * Books, or moves a meeting to, the slot a key names — every booking and move goes through
 * here: a key no list gave is a 422; a slot lost on the way (to the exclusion constraint, the
 * last guard, or to the checks' SLOT_TAKEN) a 409 with fresh alternatives. `write` runs the
 * change in its own transaction, once per Idempotency-Key where there is one.
 */
export async function securingSlot<T>(db: Database, slotKey: string, now: Date, write: (ref: SlotRef) => Promise<T>): Promise<T> {
  const ref = decodeSlotKey(slotKey);
  if (!ref) throw validationError({ slotKey: "Ce créneau n'existe pas : choisissez-en un dans la liste des créneaux libres." });
  try {
    return await write(ref);
  } catch (error) {
    if (isExclusionViolation(error) || (error instanceof AppError && error.code === "SLOT_TAKEN")) {
      throw await slotTaken(db, ref, now);
    }
    throw error;
  }
}

/**
 * 409 with three fresh alternatives from the same offering: at the same place and mode first,
 * then the nearest in time to the slot that was lost.
 */
async function slotTaken(db: Database, ref: SlotRef, now: Date): Promise<AppError> {
  const row = await db.prisma.offering.findUnique({ where: { id: ref.offeringId }, select: offeringSelect });
  let alternatives: SlotView[] = [];
  if (row) {
    const offering = toOfferingRow(row);
    const from = localDateOf(ref.start.getTime() > now.getTime() ? ref.start : now, offering.timeZone);
    const offered = await offeredSlots(db, [offering], { from: addDays(from, -1), to: addDays(from, 13), now });
    const wanted = ref.start.getTime();
    const rank = (s: Slot) =>
      [s.siteId === ref.siteId && s.mode === ref.mode ? 0 : 1, Math.abs(s.start.getTime() - wanted)] as const;
    alternatives = (offered.get(offering)?.slots ?? [])
      .filter((s) => s.start.getTime() !== wanted)
      .sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1])
      .slice(0, 3)
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((s) => toView(s, offering));
  }
  return new AppError(
    "SLOT_TAKEN",
    `Ce créneau vient d'être réservé par quelqu'un d'autre.${alternatives.length ? " Voici d'autres créneaux libres." : ""}`,
    { alternatives },
  );
}
