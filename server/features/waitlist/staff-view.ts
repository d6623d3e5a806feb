import type { Prisma } from "../../db/generated/client.ts";
import { localDateOf, toZonedIso } from "../../domain/time.ts";
import { contactFields, contactForStaff } from "../agenda/selects.ts";

/** What a staff list reads of an entry. */
export const staffEntrySelect = {
  id: true,
  offeringId: true,
  createdAt: true,
  halfDays: true,
  modes: true,
  until: true,
  channel: true,
  endedAt: true,
  endReason: true,
  person: { select: contactFields },
  appointment: { select: { id: true, startsAt: true } },
  addedBy: { select: { firstName: true, lastName: true } },
  offering: {
    select: { service: { select: { id: true, name: true } }, structure: { select: { timeZone: true } } },
  },
  offers: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, startsAt: true, holdUntil: true } },
  _count: { select: { offers: true } },
} satisfies Prisma.WaitlistEntrySelect;

type StaffEntryRow = Prisma.WaitlistEntryGetPayload<{ select: typeof staffEntrySelect }>;

/** An entry as the structure's staff see it, in the structure's zone. */
export function staffEntryView(row: StaffEntryRow) {
  const zone = row.offering.structure.timeZone;
  const last = row.offers[0];
  return {
    id: row.id,
    person: contactForStaff(row.person),
    service: row.offering.service,
    offeringId: row.offeringId,
    since: toZonedIso(row.createdAt, zone),
    halfDays: row.halfDays,
    modes: row.modes,
    // Stored as the end of the chosen day (the next midnight): the day itself is shown.
    until: row.until && localDateOf(new Date(row.until.getTime() - 1), zone),
    meeting: row.appointment && { id: row.appointment.id, start: toZonedIso(row.appointment.startsAt, zone) },
    offersSent: row._count.offers,
    lastOffer: last
      ? { status: last.status, start: toZonedIso(last.startsAt, zone), holdUntil: toZonedIso(last.holdUntil, zone) }
      : null,
    channel: row.channel,
    addedBy: row.addedBy,
    waiting: row.endedAt === null,
    endedAt: row.endedAt && toZonedIso(row.endedAt, zone),
    endReason: row.endReason,
  };
}
