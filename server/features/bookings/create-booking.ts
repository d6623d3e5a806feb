import { randomBytes, randomUUID } from "node:crypto";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import { type Database, type SqlSession, statement } from "../../db/database.ts";
import { isExclusionViolation } from "../../db/errors.ts";
import type { BookableBy, Channel } from "../../db/generated/client.ts";
import { type Audience, findSlot, type Mode, type Slot } from "../../domain/availability.ts";
import { addDays, localDateOf } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import { enqueueAppointmentMessages } from "../../mail/outbox.ts";
import { appointmentRow, type DetailsRow, detailsOf, toDetails } from "../appointments/details.ts";
import { publicAppointment } from "../appointments/public-view.ts";
import { loadAvailability, type OfferingRow, offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { offeredSlots, type SlotView, toView } from "../slots/search-slots.ts";
import { decodeSlotKey, type SlotRef } from "../slots/slot-key.ts";
import { onceInSql } from "./idempotency.ts";
import type { CreateBookingInput } from "./schemas.ts";

export interface BookingResponse {
  appointment: ReturnType<typeof publicAppointment>;
  manageUrl: string;
}

/** A private link's token: 128 random bits; only its hash is stored. */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(16).toString("base64url");
  return { token, hash: hashSecret(token) };
}

/**
 * Books a slot for a person, online. In one transaction: the Idempotency-Key is claimed first
 * (a concurrent retry waits for it, then replays the answer), the slot is checked with the
 * availability module's own function, then person, appointment and messages are written. The
 * exclusion constraint is the last guard; any lost race answers 409 SLOT_TAKEN with fresh
 * alternatives.
 */
export async function createBooking({
  db,
  clock,
  config,
  input,
  idempotencyKey,
}: {
  db: Database;
  clock: Clock;
  config: Config;
  input: CreateBookingInput;
  idempotencyKey: string;
}): Promise<BookingResponse> {
  const ref = decodeSlotKey(input.slotKey);
  if (!ref) throw validationError({ slotKey: "Ce créneau n'existe pas : choisissez-en un dans la liste des créneaux libres." });
  const now = clock.now();
  try {
    const request = { key: `booking:${idempotencyKey}`, body: input, secret: config.sessionSecret };
    return await onceInSql(db, request, (sql) => book(sql, ref, input, now, config));
  } catch (error) {
    if (isExclusionViolation(error) || (error instanceof AppError && error.code === "SLOT_TAKEN")) {
      throw await slotTaken(db, ref, now);
    }
    throw error;
  }
}

function book(sql: SqlSession, ref: SlotRef, input: CreateBookingInput, now: Date, config: Config): Promise<BookingResponse> {
  const { commune, ...person } = input.person;
  return bookSlot(
    sql,
    {
      ref,
      audience: "public",
      refusal: (o) => (o.bookableBy === "public" ? undefined : "Ce créneau ne peut pas être réservé en ligne."),
      person: { ...person, communeCode: commune, noticeAccepted: true },
      channel: "online",
      accessibilityNeeds: input.accessibilityNeeds,
    },
    now,
    config,
  );
}

/** A new person, as the booking form or the reception desk gives them. */
export interface NewPerson {
  firstName: string;
  lastName: string;
  email?: string | undefined;
  phone?: string | undefined;
  communeCode?: string | undefined;
  /** They read the information notice themselves (online); at the desk, staff give it. */
  noticeAccepted: boolean;
}

export interface BookingSpec {
  ref: SlotRef;
  audience: Audience;
  /** Why this offering cannot be booked by this booker, if it cannot. */
  refusal: (offering: { structureId: string; bookableBy: BookableBy }) => string | undefined;
  person: NewPerson | { id: string };
  channel: Channel;
  bookedById?: string;
  followUpOfId?: string | undefined;
  accessibilityNeeds?: string | undefined;
}

/**
 * Locks a known person for a booking, refused (409) once their data is erased: the meeting would
 * be with « Personne anonymisée », whom nobody can tell of it. The lock is the one an erasure
 * takes first, so that whichever comes second sees the other: the erasure then finds the
 * meeting to come and refuses, or the booking finds the person erased.
 */
export async function lockLivePerson(sql: SqlSession, personId: string): Promise<void> {
  const [row] = await sql.query<{ anonymised: boolean }>(
    `SELECT "anonymisedAt" IS NOT NULL AS anonymised FROM "Person" WHERE "id" = $1::uuid FOR UPDATE`,
    [personId],
  );
  if (row?.anonymised) {
    throw new AppError(
      "CONFLICT",
      "Les données de cette personne ont été effacées : aucun rendez-vous ne peut plus être pris pour elle. Si elle revient, réservez comme pour une nouvelle personne.",
      { fields: { person: "Les données de cette personne ont été effacées." } },
    );
  }
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

const NEW_PERSON = statement(
  "new-person",
  `
  INSERT INTO "Person" (id, "firstName", "lastName", email, phone, "communeCode", "noticeAcceptedAt", "lastActivityAt")
  VALUES ($1::uuid, $2, $3, $4, $5, (SELECT code FROM "Commune" WHERE code = $6), $7, $8)`,
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
                                "accessibilityNeeds", "updatedAt")
     SELECT $1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::"Mode", $6::uuid, $7::uuid, $8::timestamptz, $9::timestamptz,
            $10::text, $11::"Channel", $12::uuid, $13::uuid, $14::text, $15::text, $16::timestamptz
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
    await lockLivePerson(sql, personId);
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
    spec.accessibilityNeeds ?? "",
    now,
  ]);
  const manageUrl = `${config.publicUrl}/rdv/${token}`;
  const loaded = appointmentRow(inserted as DetailsRow);
  await enqueueAppointmentMessages(
    sql,
    toDetails(loaded, manageUrl),
    { kind: "booked" },
    { now, reminderPlan, secret: config.sessionSecret },
  );
  return { appointment: publicAppointment(loaded), manageUrl };
}

/**
 * A seat of a collective session, counted under a lock on the session: whatever the
 * concurrency, never more bookings than seats (409 once full). `movingId`, a booking moved
 * into the session, does not count against it. Nothing to do for an individual slot.
 */
export async function takeSeat(sql: SqlSession, slot: Slot, seats: number, movingId?: string): Promise<void> {
  if (!slot.sessionKey) return;
  await sql.query("SELECT 1 FROM pg_advisory_xact_lock(hashtext($1))", [slot.sessionKey]);
  const [taken] = await sql.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Appointment"
      WHERE "sessionKey" = $1 AND status = 'booked' AND id IS DISTINCT FROM $2::uuid`,
    [slot.sessionKey, movingId ?? null],
  );
  if ((taken?.count ?? 0) >= seats) throw new AppError("SLOT_TAKEN", "Cette session est complète : choisissez-en une autre.");
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

/**
 * 409 with three fresh alternatives from the same offering: at the same place and mode first,
 * then the nearest in time to the slot that was lost.
 */
export async function slotTaken(db: Database, ref: SlotRef, now: Date): Promise<AppError> {
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
