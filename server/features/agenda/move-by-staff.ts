import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { sqlIn } from "../../db/database.ts";
import { retried } from "../../db/errors.ts";
import { stateOf, transitionProblem } from "../../domain/appointment-states.ts";
import { toldOf } from "../../domain/contact.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { toZonedIso } from "../../domain/time.ts";
import { AppError, notFound } from "../../errors.ts";
import { loadAppointment } from "../appointments/details.ts";
import { linkHeld } from "../appointments/held-link.ts";
import { moveAppointment } from "../appointments/move.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import { lockForChange } from "../appointments/state-change.ts";

/**
 * Staff move a meeting they see in full (scope.ts) to another slot: of its offering, with any
 * of its advisors or sites, or of another offering of the same structure — atomically, with the
 * messages of a move by the person (the .ics one step on; the person by e-mail or SMS as their
 * contact allows; the new advisor and the one who had it). The person's private link is kept:
 * the messages give it when its pending reminders still hold it, else say how to reach the
 * structure. Audited.
 */
export async function moveByStaff(deps: StaffDeps & { input: { id: string; slotKey: string } }) {
  const { db, clock, config, scope, input } = deps;
  const { id } = input;
  const now = clock.now();
  const seen = await scope.prisma.appointment.findUnique({
    where: { id },
    select: { structureId: true, status: true, outcome: true },
  });
  if (!seen) throw notFound("Rendez-vous");
  const problem = transitionProblem(stateOf(seen), "booked");
  if (problem) throw new AppError("CONFLICT", problem);
  const moved = await securingSlot(db, input.slotKey, now, (ref) =>
    retried(() =>
      audited(
        deps,
        { action: "appointment.move", entity: "Appointment", details: { structureId: seen.structureId } },
        async (tx) => {
          const sql = sqlIn(tx);
          // Two moves of one meeting, or a move and a cancellation or an outcome, happen one after the other.
          const { manageTokenHash } = await lockForChange(tx, id, "booked");
          const current = await loadAppointment(sql, id);
          const token = await linkHeld(sql, config.sessionSecret, { id, manageTokenHash });
          const row = await moveAppointment(
            sql,
            current,
            {
              ref,
              audience: "staff",
              refusal: (offering) =>
                offering.structureId !== seen.structureId
                  ? "Choisissez un créneau d'une offre de la même structure."
                  : offering.active
                    ? undefined
                    : "Ce créneau n'est plus proposé.",
              manageUrl: token ? `${config.publicUrl}/rdv/${token}` : null,
            },
            { now, config, actorId: scope.userId },
          );
          return { id, row, previous: current };
        },
      ),
    ),
  );
  const { row, previous } = moved;
  const zone = row.structure.timeZone;
  const told = toldOf(row.person);
  // Whoever moved it knows: they are not told (outbox.ts), so not named among those who are.
  const advisors = [row.advisor, ...(previous.advisor.email === row.advisor.email ? [] : [previous.advisor])].filter(
    (advisor) => advisor.email !== scope.user.email,
  );
  return {
    appointment: { id, start: toZonedIso(row.startsAt, zone), end: toZonedIso(row.endsAt, zone) },
    told: {
      person: told.by,
      call: told.call && phoneForPeople(told.call),
      advisors: advisors.map((a) => ({ firstName: a.firstName, lastName: a.lastName })),
    },
  };
}
