import type { StaffDeps } from "../../context.ts";
import { recordAudit } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { isExclusionViolation, retried } from "../../db/errors.ts";
import { canBecome, stateOf } from "../../domain/appointment-states.ts";
import { findSlot } from "../../domain/availability.ts";
import { sessionSegment } from "../../domain/session-path.ts";
import { localDateOf, toZonedIso } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { takeAdvisorTurn } from "../appointments/book-slot.ts";
import { loadAppointment, toDetails } from "../appointments/details.ts";
import { linkHeld } from "../appointments/held-link.ts";
import { offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { decodeSlotKey } from "../slots/slot-key.ts";
import { lockBookedSeats, sessionSeats } from "./session-seats.ts";
import { availabilityWithout } from "./session-slots.ts";

const TAKEN = "Ce créneau n'est plus libre pour le conseiller : choisissez-en un autre.";

/**
 * Moves a whole collective session to another time (or place, or mode) of its advisor for the
 * same offering: every seat or none, in one transaction. The new time is checked with the
 * function that lists slots (`findSlot`), the session's own seats left out; the seats already
 * at that time, if it is another session, are counted under its lock; the exclusion constraint
 * is the last guard. Each participant is told as for a move of their own meeting (the e-mail
 * with the .ics, SEQUENCE + 1, the SMS, reminders renewed with the link they hold), and each
 * seat's move is audited.
 */
export async function moveSession(deps: StaffDeps & { input: { key: string; slotKey: string } }) {
  const { clock, config, scope, input } = deps;
  const { sessionKey, first } = await sessionSeats(scope, input.key);
  const ref = decodeSlotKey(input.slotKey);
  if (!ref) throw validationError({ slotKey: "Ce créneau n'existe pas : choisissez-en un dans la liste des créneaux libres." });
  if (ref.offeringId !== first.offeringId || ref.advisorId !== first.advisorId)
    throw validationError({ slotKey: "Choisissez un créneau de la même session, avec le même conseiller." });
  const now = clock.now();
  if (first.startsAt.getTime() <= now.getTime())
    throw new AppError("CONFLICT", "La session a commencé : elle ne se déplace plus.");
  try {
    return await retried(() =>
      scope.prisma.$transaction(async (tx) => {
        const sql = sqlIn(tx);
        const seats = await lockBookedSeats(tx, sessionKey);
        if (seats.length === 0)
          throw new AppError("CONFLICT", "Cette session n'a plus d'inscrit à cette heure : elle a été annulée ou déplacée.");
        // The states' table: a seat whose presence is noted is not moved (an absence excused ahead).
        if (seats.some((s) => !canBecome(stateOf({ status: "booked", outcome: s.outcome }), "booked")))
          throw new AppError("CONFLICT", "Des présences ou absences sont notées : la session ne se déplace plus.");
        const offeringRow = await tx.offering.findUniqueOrThrow({
          where: { id: first.offeringId },
          select: { ...offeringSelect, reminderPlan: true },
        });
        const offering = toOfferingRow(offeringRow);
        const date = localDateOf(ref.start, offering.timeZone);
        const availability = await availabilityWithout(
          sql,
          offering,
          { sessionKey, advisorId: first.advisorId },
          { from: date, to: date, now },
        );
        const slot = availability && findSlot(availability, ref);
        if (!slot?.sessionKey) throw new AppError("SLOT_TAKEN", TAKEN);
        if (slot.sessionKey === sessionKey)
          throw validationError({ slotKey: "La session a déjà lieu à ce créneau : choisissez-en un autre." });
        // The seats already at the new time (another session of the advisor there), under the
        // lock bookings of that session take: never more people than seats.
        await sql.query("SELECT 1 FROM pg_advisory_xact_lock(hashtext($1))", [slot.sessionKey]);
        const [there] = await sql.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM "Appointment" WHERE "sessionKey" = $1 AND status = 'booked'`,
          [slot.sessionKey],
        );
        const free = offering.seats - (there?.count ?? 0);
        if (free < seats.length)
          throw new AppError(
            "SLOT_TAKEN",
            `Ce créneau n'a plus que ${Math.max(0, free)} place(s) pour ${seats.length} participant(s) : choisissez-en un autre.`,
          );
        await takeAdvisorTurn(sql, first.advisorId);

        const ids = seats.map((s) => s.id);
        // Read before the move: the private links the reminders of each seat hold.
        const links = new Map<string, string | undefined>();
        for (const seat of seats) links.set(seat.id, await linkHeld(sql, config.sessionSecret, seat));
        const previous = await loadAppointment(sql, first.id);
        await tx.appointment.updateMany({
          where: { id: { in: ids } },
          data: {
            startsAt: slot.start,
            endsAt: slot.end,
            siteId: slot.siteId,
            mode: slot.mode,
            sessionKey: slot.sessionKey,
            icsSequence: { increment: 1 },
          },
        });
        for (const id of ids) {
          const moved = await loadAppointment(sql, id);
          const link = links.get(id);
          await enqueueAppointmentMessages(
            sql,
            toDetails(moved, link ? `${config.publicUrl}/rdv/${link}` : null),
            { kind: "moved", previous: { start: previous.startsAt, end: previous.endsAt, advisor: previous.advisor } },
            { now, reminderPlan: offeringRow.reminderPlan, secret: config.sessionSecret, actorId: scope.userId },
          );
          await recordAudit(
            tx,
            {
              ...scope.actor,
              action: "session.move",
              entity: "Appointment",
              entityId: id,
              details: { structureId: first.structureId },
            },
            now,
          );
        }
        return {
          key: sessionSegment(slot.sessionKey),
          start: toZonedIso(slot.start, offering.timeZone),
          moved: ids.length,
        };
      }),
    );
  } catch (error) {
    if (isExclusionViolation(error)) throw new AppError("SLOT_TAKEN", TAKEN);
    throw error;
  }
}
