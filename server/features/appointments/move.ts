import type { Config } from "../../config.ts";
import { type SqlSession, statement } from "../../db/database.ts";
import type { BookableBy } from "../../db/generated/client.ts";
import type { Audience } from "../../domain/availability.ts";
import { AppError, validationError } from "../../errors.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import type { OfferingRow } from "../slots/load-availability.ts";
import type { SlotRef } from "../slots/slot-key.ts";
import { offerFreedTime } from "../waitlist/offer-freed-time.ts";
import { freeSlotFor, OFFERING, takeAdvisorTurn } from "./book-slot.ts";
import { type AppointmentRow, loadAppointment, toDetails } from "./details.ts";
import { takeSeat } from "./seat.ts";

export interface MoveSpec {
  ref: SlotRef;
  /** Who moves: the person sees the public's slots, staff theirs (inside the notice, beyond the horizon). */
  audience: Audience;
  /** Why the slot's offering is not one this meeting may move to, if it is not. */
  refusal: (offering: { id: string; structureId: string; active: boolean; bookableBy: BookableBy }) => string | undefined;
  /** The private link the messages give, when known: it is stored hashed only. */
  manageUrl: string | null;
}

// The meeting takes the new slot in place: same row, same private link, the .ics one step on.
const MOVE = statement(
  "appointment-move",
  `UPDATE "Appointment"
      SET "offeringId" = $2::uuid, "startsAt" = $3::timestamptz, "endsAt" = $4::timestamptz, "advisorId" = $5::uuid,
          "siteId" = $6::uuid, mode = $7::"Mode", "sessionKey" = $8::text, "icsSequence" = "icsSequence" + 1,
          "updatedAt" = $9::timestamptz
    WHERE id = $1::uuid`,
);

/**
 * Moves a booked meeting to the slot `spec.ref` names — the person through their link and staff
 * both come here — in the caller's transaction, which holds the meeting's row. The slot is
 * checked as a booking checks it (`freeSlotFor`, a session's seat, the advisor's turn), the row
 * updated in place, so the old time is released only when the new one is secured, and the
 * exclusion constraint still guards it against any concurrent booking. The person (e-mail,
 * SMS, as their contact allows) and the advisors, the new one and the one who had it, are told
 * — save `actorId`, who moved it and knows. The time it leaves is offered to whoever waits for it.
 */
export async function moveAppointment(
  sql: SqlSession,
  current: AppointmentRow,
  spec: MoveSpec,
  { now, config, actorId }: { now: Date; config: Pick<Config, "sessionSecret" | "publicUrl">; actorId?: string },
): Promise<AppointmentRow> {
  const [found] = await sql.query<OfferingRow & { active: boolean; bookableBy: BookableBy; reminderPlan: number[] }>(OFFERING, [
    spec.ref.offeringId,
  ]);
  if (!found) throw validationError({ slotKey: "Ce créneau n'est plus proposé." });
  const refusal = spec.refusal(found);
  if (refusal) throw validationError({ slotKey: refusal });
  const { active: _, bookableBy: __, reminderPlan, ...offering } = found;
  const slot = await freeSlotFor(sql, offering, spec.ref, now, current.id, spec.audience);
  if (!slot) throw new AppError("SLOT_TAKEN", "Ce créneau n'est plus libre : choisissez-en un autre.");
  await takeSeat(sql, slot, offering.seats, current.id);
  await takeAdvisorTurn(sql, slot.advisorId);
  await sql.query(MOVE, [
    current.id,
    offering.id,
    slot.start,
    slot.end,
    slot.advisorId,
    slot.siteId,
    slot.mode,
    slot.sessionKey,
    now,
  ]);
  const moved = await loadAppointment(sql, current.id);
  await enqueueAppointmentMessages(
    sql,
    toDetails(moved, spec.manageUrl),
    { kind: "moved", previous: { start: current.startsAt, end: current.endsAt, advisor: current.advisor } },
    { now, reminderPlan, secret: config.sessionSecret, actorId },
  );
  // The time it leaves goes to whoever waits for it: a move through the list cascades so.
  await offerFreedTime(sql, { advisorId: current.advisor.id, from: current.startsAt, to: current.endsAt }, { now, config });
  return moved;
}
