import type { StaffDeps } from "../../context.ts";
import type { Mode } from "../../domain/availability.ts";
import { type LocalDate, localDateOf } from "../../domain/time.ts";
import { AppError, notFound } from "../../errors.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { refusalFor } from "./bookable.ts";
import { firstStaffSlots } from "./desk-slots.ts";

/** The first free slots of an offering the user may book, across its advisors or for one: 20 at most. */
export async function listSlots({
  db,
  clock,
  scope,
  input: { offering: offeringId, advisor, from, site, mode },
}: StaffDeps & {
  input: {
    offering: string;
    advisor?: string | undefined;
    from?: LocalDate | undefined;
    site?: string | undefined;
    mode?: Mode | undefined;
  };
}) {
  const row = await db.prisma.offering.findFirst({
    where: { id: offeringId, active: true, structure: { active: true } },
    select: { ...offeringSelect, bookableBy: true },
  });
  if (!row) throw notFound("Offre");
  const refusal = refusalFor(scope)(row);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const offering = toOfferingRow(row);
  const now = clock.now();
  const list = await firstStaffSlots(db, offering, {
    from: from ?? localDateOf(now, offering.timeZone),
    now,
    advisorId: advisor,
    // The first 20 of the place asked for: filtered before counting, not after.
    where: { siteId: site, mode },
    limit: 20,
  });
  return { slots: list };
}
