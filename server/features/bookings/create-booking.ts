import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Database, SqlSession } from "../../db/database.ts";
import { type BookingResponse, bookSlot } from "../appointments/book-slot.ts";
import { securingSlot } from "../appointments/slot-taken.ts";
import type { SlotRef } from "../slots/slot-key.ts";
import { onceInSql } from "./idempotency.ts";
import type { CreateBookingInput } from "./schemas.ts";

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
  const now = clock.now();
  const request = { key: `booking:${idempotencyKey}`, body: input, secret: config.sessionSecret };
  return securingSlot(db, input.slotKey, now, (ref) => onceInSql(db, request, (sql) => book(sql, ref, input, now, config)));
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
      accessibilityAids: input.accessibilityAids,
      accessibilityNeeds: input.accessibilityNeeds,
    },
    now,
    config,
  );
}
