import { retried } from "../../db/errors.ts";
import { joinProblem } from "../../domain/waitlist.ts";
import { AppError } from "../../errors.ts";
import { type LinkDeps, liveLink } from "../manage/manage-appointment.ts";
import { entrySelect, entryView, storedWishes } from "./entry-view.ts";
import type { WishesInput } from "./schemas.ts";

/**
 * « Me prévenir si un créneau se libère plus tôt », through the private link of a meeting more
 * than two days away: the meeting joins the list of its offering (once: joining again changes
 * the wishes, keeping the place in the queue).
 */
export async function joinFromMeeting({ db, clock }: LinkDeps, token: string, wishes: WishesInput) {
  const now = clock.now();
  return retried(() =>
    db.prisma.$transaction(async (tx) => {
      const link = await liveLink(tx, token, now);
      await tx.$executeRaw`SELECT 1 FROM "Appointment" WHERE id = ${link.id}::uuid FOR UPDATE`;
      const meeting = await tx.appointment.findUniqueOrThrow({
        where: { id: link.id },
        select: { startsAt: true, offering: { select: { seats: true, modes: true } }, structure: { select: { timeZone: true } } },
      });
      const problem = joinProblem({ start: meeting.startsAt, seats: meeting.offering.seats }, now);
      if (problem) throw new AppError("CONFLICT", problem);
      const data = storedWishes(wishes, { modes: meeting.offering.modes, timeZone: meeting.structure.timeZone }, now);
      const existing = await tx.waitlistEntry.findFirst({
        where: { appointmentId: link.id, endedAt: null },
        select: { id: true },
      });
      const entry = existing
        ? await tx.waitlistEntry.update({ where: { id: existing.id }, data, select: entrySelect })
        : await tx.waitlistEntry.create({
            data: {
              ...data,
              offeringId: link.offeringId,
              personId: link.personId,
              appointmentId: link.id,
              otherwiseAt: meeting.startsAt,
              channel: "online",
              createdAt: now,
            },
            select: entrySelect,
          });
      return { entry: entryView(entry) };
    }),
  );
}
