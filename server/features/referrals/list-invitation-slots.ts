import type { Deps } from "../../context.ts";
import type { LocalDate } from "../../domain/time.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { opened, stillOpen } from "./opened-invitation.ts";
import { targetSlots } from "./target-slots.ts";

/**
 * The first free slots an open invitation offers its person: the target's for the referral's
 * service, « referral only » offerings included, as the public sees them.
 */
export async function listInvitationSlots({
  db,
  clock,
  input,
}: Pick<Deps, "db" | "clock"> & { input: { key: string; from?: LocalDate | undefined } }) {
  const r = await opened(db, input.key);
  const now = clock.now();
  stillOpen(r, now);
  const row = await db.prisma.offering.findFirst({
    where: { structureId: r.toStructureId, serviceId: r.service.id, active: true },
    select: offeringSelect,
  });
  if (!row) return { slots: [] };
  return { slots: await targetSlots(db, toOfferingRow(row), { from: input.from, now, audience: "public" }) };
}
