import { randomUUID } from "node:crypto";
import type { Config } from "../../config.ts";
import { type SqlSession, statement } from "../../db/database.ts";
import type { BookableBy, Channel } from "../../db/generated/client.ts";
import type { AccessibilityAid } from "../../domain/accessibility.ts";
import { type Audience, findSlot, type Mode, type Slot } from "../../domain/availability.ts";
import { localDateOf } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { loadAvailability, type OfferingRow } from "../slots/load-availability.ts";
import type { SlotRef } from "../slots/slot-key.ts";
import { appointmentRow, type DetailsRow, detailsOf, toDetails } from "./details.ts";
import type { LivePerson } from "./live-person.ts";
import { newManageToken } from "./manage-token.ts";
import { publicAppointment } from "./public-view.ts";
import { takeSeat } from "./seat.ts";

export interface BookingResponse {
  appointment: ReturnType<typeof publicAppointment>;
  manageUrl: string;
}

/** A new person, as the booking form or the reception desk gives them. */
export interface NewPerson {
  firstName: string;
  lastName: string;
  email?: string | undefined;
  phone?: string | undefined;
  /** « Recevoir les rappels par SMS » (yes unless unticked). */
  smsReminders?: boolean | undefined;
  communeCode?: string | undefined;
  /** They read the information notice themselves (online); at the desk, staff give it. */
  noticeAccepted: boolean;
}

export interface BookingSpec {
  ref: SlotRef;
  audience: Audience;
  /** Why this offering cannot be booked by this booker, if it cannot. */
  refusal: (offering: { structureId: string; bookableBy: BookableBy }) => string | undefined;
  /** Someone new, or someone known whose row the transaction holds (`lockLivePerson`). */
  person: NewPerson | LivePerson;
  channel: Channel;
  bookedById?: string;
  followUpOfId?: string | undefined;
  accessibilityAids?: readonly AccessibilityAid[] | undefined;
  accessibilityNeeds?: string | undefined;
}

// What a booking needs of the offering, with its structure's zone and state.
export const OFFERING = statement(
  "booking-offering",
  `
  SELECT o.id, o."structureId", st."timeZone", o."durationMinutes", o."bufferMinutes", o.modes::text[] AS modes,
         o."minNoticeMinutes", o."horizonDays", o.seats, o.active AND st.active AS active,
         o."bookableBy"::text AS "bookableBy", o."reminderPlan"
    FROM "Offering" o JOIN "Structure" st ON st.id = o."structureId"
   WHERE o.id = $1::uuid`,
);

/** The first key of the advisors' turns to book (two-key advisory locks: no other lock uses that space). */
export const ADVISOR_TURN = 1;

/**
 * Waits for the advisor's turn to book (see NEW_APPOINTMENT), held till commit: a move into
 * their time takes it as a booking does.
 */
export async function takeAdvisorTurn(sql: SqlSession, advisorId: string): Promise<void> {
  await sql.query(`SELECT 1 FROM pg_advisory_xact_lock(${ADVISOR_TURN}, hashtext($1::uuid::text))`, [advisorId]);
}

const NEW_PERSON = statement(
  "new-person",
  `
  INSERT INTO "Person" (id, "firstName", "lastName", email, phone, "smsReminders", "communeCode", "noticeAcceptedAt",
                        "lastActivityAt")
  VALUES ($1::uuid, $2, $3, $4, $5, $6, (SELECT code FROM "Commune" WHERE code = $7), $8, $9)`,
);

// The appointment, read back with what its messages tell in the same statement. Bookings of one
// advisor take turns (a lock on the advisor, held till commit) before they insert: two inserting
// the same time at once would each wait for the other under the exclusion constraint, a deadlock
// PostgreSQL breaks only after a second — and on a time many want (the first free one), the one
// it spared then met the next newcomer the same way, second after second, holding connections.
// In turn, the second finds the first's meeting committed and fails at once (409).
const NEW_APPOINTMENT = statement(
  "new-appointment",
  `WITH inserted AS (
     INSERT INTO "Appointment" (id, "offeringId", "structureId", "siteId", mode, "advisorId", "personId", "startsAt",
                                "endsAt", "sessionKey", channel, "bookedById", "followUpOfId", "manageTokenHash",
                                "accessibilityAids", "accessibilityNeeds", "updatedAt")
     SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"Mode", $6::uuid, $7::uuid, $8::timestamptz, $9::timestamptz,
            $10::text, $11::"Channel", $12::uuid, $13::uuid, $14::text, $15::"AccessibilityAid"[], $16::text, $17::timestamptz
       FROM pg_advisory_xact_lock(${ADVISOR_TURN}, hashtext($6::uuid::text)) AS turn
     RETURNING *)
   ${detailsOf("inserted")}`,
);

/**
 * Books a slot, in the caller's transaction: the slot is checked with the availability
 * module's own function (`findSlot`, for the booker's audience), a collective session's seats
 * are counted under a lock, then person, appointment and messages are written. The exclusion
 * constraint is the last guard. Online bookings and the reception desk both come through here.
 * Plain SQL: it is the hottest write of the platform (a Prisma query costs several times the
 * database's own work).
 */
export async function bookSlot(sql: SqlSession, spec: BookingSpec, now: Date, config: Config): Promise<BookingResponse> {
  const { ref } = spec;
  const [row] = await sql.query<OfferingRow & { active: boolean; bookableBy: BookableBy; reminderPlan: number[] }>(OFFERING, [
    ref.offeringId,
  ]);
  if (!row?.active) throw validationError({ slotKey: "Ce créneau n'est plus proposé." });
  const refusal = spec.refusal(row);
  if (refusal) throw validationError({ slotKey: refusal });
  const { active: _, bookableBy: __, reminderPlan, ...offering } = row;
  const slot = await freeSlotFor(sql, offering, ref, now, undefined, spec.audience);
  if (!slot) throw new AppError("SLOT_TAKEN", "Ce créneau vient d'être pris.");
  await takeSeat(sql, slot, offering.seats);

  let personId: string;
  if ("id" in spec.person) {
    personId = spec.person.id;
    await sql.query(`UPDATE "Person" SET "lastActivityAt" = $2 WHERE id = $1::uuid`, [personId, now]);
  } else {
    personId = randomUUID();
    const p = spec.person;
    await sql.query(NEW_PERSON, [
      personId,
      p.firstName,
      p.lastName,
      p.email ?? null,
      p.phone ?? null,
      p.smsReminders ?? true,
      p.communeCode ?? null,
      p.noticeAccepted ? now : null,
      now,
    ]);
  }
  const { token, hash } = newManageToken();
  const [inserted] = await sql.query<DetailsRow>(NEW_APPOINTMENT, [
    randomUUID(),
    offering.id,
    offering.structureId,
    slot.siteId,
    slot.mode satisfies Mode,
    slot.advisorId,
    personId,
    slot.start,
    slot.end,
    slot.sessionKey,
    spec.channel,
    spec.bookedById ?? null,
    spec.followUpOfId ?? null,
    hash,
    spec.accessibilityAids ?? [],
    spec.accessibilityNeeds ?? "",
    now,
  ]);
  const manageUrl = `${config.publicUrl}/rdv/${token}`;
  const loaded = appointmentRow(inserted as DetailsRow);
  await enqueueAppointmentMessages(
    sql,
    toDetails(loaded, manageUrl),
    { kind: "booked" },
    // A follow-up booked by the advisor in their own agenda is not news to them.
    { now, reminderPlan, secret: config.sessionSecret, actorId: spec.bookedById },
  );
  return { appointment: publicAppointment(loaded), manageUrl };
}

/**
 * The slot the key names if it is still free — checked by `findSlot`, the function that lists
 * slots — or else the same time, place and mode with another advisor of the structure.
 */
export async function freeSlotFor(
  sql: SqlSession,
  offering: OfferingRow,
  ref: SlotRef,
  now: Date,
  ignoreAppointmentId?: string,
  audience: Audience = "public",
): Promise<Slot | undefined> {
  const date = localDateOf(ref.start, offering.timeZone);
  const load = async (advisorId?: string) =>
    (await loadAvailability(sql, [offering], { from: date, to: date, now, audience, ignoreAppointmentId, advisorId })).get(
      offering.id,
    );
  const wanted = { advisorId: ref.advisorId, siteId: ref.siteId, mode: ref.mode, start: ref.start };
  // The advisor's own day first: almost always the slot is still theirs.
  const own = await load(ref.advisorId);
  const exact = own && findSlot(own, wanted);
  if (exact || offering.seats > 1) return exact;
  const input = await load();
  if (!input) return undefined;
  const others = new Set(input.rules.map((r) => r.advisorId));
  others.delete(ref.advisorId);
  for (const advisorId of [...others].sort()) {
    const slot = findSlot(input, { ...wanted, advisorId });
    if (slot) return slot;
  }
  return undefined;
}
