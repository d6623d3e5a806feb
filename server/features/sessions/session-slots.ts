import type { StaffDeps } from "../../context.ts";
import type { SqlSession } from "../../db/database.ts";
import { type AvailabilityInput, freeSlots } from "../../domain/availability.ts";
import { addDays, type LocalDate, localDateOf } from "../../domain/time.ts";
import { loadAvailability, type OfferingRow, offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { toView } from "../slots/search-slots.ts";
import { sessionSeats } from "./session-seats.ts";

/**
 * The advisor's availability for the session's offering between two dates, as if the session
 * were not there: its own seats leave the time they hold, so that it may move to a time that
 * overlaps its own (half an hour later). The same input the move checks its slot with.
 */
export async function availabilityWithout(
  sql: SqlSession,
  offering: OfferingRow,
  session: { sessionKey: string; advisorId: string },
  range: { from: LocalDate; to: LocalDate; now: Date },
): Promise<AvailabilityInput | undefined> {
  const input = (await loadAvailability(sql, [offering], { ...range, audience: "staff", advisorId: session.advisorId })).get(
    offering.id,
  );
  return input && { ...input, appointments: input.appointments.filter((a) => a.sessionKey !== session.sessionKey) };
}

const WEEKS = 8;

/**
 * Where the whole session can go: the free times of its advisor for its offering in the eight
 * weeks from a day on, with seats enough for everyone booked, its own time left out. Twenty at most.
 */
export async function sessionSlots({
  db,
  clock,
  scope,
  input,
}: StaffDeps & { input: { key: string; from?: LocalDate | undefined } }) {
  const { sessionKey, first, seats } = await sessionSeats(scope, input.key);
  const row = await db.prisma.offering.findUniqueOrThrow({ where: { id: first.offeringId }, select: offeringSelect });
  const offering = toOfferingRow(row);
  const now = clock.now();
  const from = input.from ?? localDateOf(now, offering.timeZone);
  const booked = seats.filter((s) => s.status === "booked").length;
  const availability = await availabilityWithout(
    db.sql,
    offering,
    { sessionKey, advisorId: first.advisorId },
    { from, to: addDays(from, WEEKS * 7 - 1), now },
  );
  const slots = (availability ? freeSlots(availability) : [])
    .filter((s) => s.advisorId === first.advisorId && s.seatsLeft >= booked && s.sessionKey !== sessionKey)
    .slice(0, 20);
  const sites = await db.prisma.site.findMany({
    where: { id: { in: [...new Set(slots.flatMap((s) => s.siteId ?? []))] } },
    select: { id: true, name: true },
  });
  return {
    slots: slots.map((slot) => ({ ...toView(slot, offering), site: sites.find((s) => s.id === slot.siteId) ?? null })),
  };
}
