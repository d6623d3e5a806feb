import type { Scope } from "../../auth/scope.ts";
import type { Database } from "../../db/database.ts";
import { freeSlots, type Slot } from "../../domain/availability.ts";
import { sortFrench } from "../../domain/french.ts";
import { phoneForPeople } from "../../domain/phone.ts";
import { sessionSegment } from "../../domain/session-path.ts";
import { type LocalDate, localDateOf, toZonedIso } from "../../domain/time.ts";
import { busyTimes } from "../appointments/busy-time.ts";
import { loadAvailability, offeringSelect, toOfferingRow } from "../slots/load-availability.ts";
import { meetingFields } from "./selects.ts";

export interface AgendaView {
  /** The advisors shown. */
  advisorIds: string[];
  /** The structures whose offerings and closures count. */
  structureIds: string[];
  zone: string;
  /**
   * A team's view: the structure whose meetings are shown in full; the advisors' meetings in
   * their other structures are busy time. Undefined: one's own agenda, all of it.
   */
  team?: string;
}

/**
 * What an agenda shows between two local dates: the appointments of the advisors (those the
 * user sees in full), the time they are busy elsewhere or in their own calendar, their absences (the reason for those
 * of the user's structures), the closures of the structures, and the free slots staff could
 * still book (one entry per advisor, time and place, with the services it could hold).
 */
export async function loadAgenda(
  db: Database,
  scope: Scope,
  view: AgendaView,
  range: { from: LocalDate; to: LocalDate; now: Date },
) {
  const fromInstant = new Date(Date.parse(`${range.from}T00:00:00Z`) - 14 * 3_600_000);
  const toInstant = new Date(Date.parse(`${range.to}T00:00:00Z`) + 38 * 3_600_000);
  const iso = (d: Date) => toZonedIso(d, view.zone);
  const during = { startsAt: { lt: toInstant }, endsAt: { gt: fromInstant } };
  const [appointments, busy, ownCalendars, absences, closures, sites, offerings, advisors] = await Promise.all([
    scope.prisma.appointment.findMany({
      where: { advisorId: { in: view.advisorIds }, ...(view.team && { structureId: view.team }), ...during },
      orderBy: { startsAt: "asc" },
      select: {
        ...meetingFields,
        mode: true,
        channel: true,
        sessionKey: true,
        structure: { select: { id: true, name: true } },
        site: { select: { id: true, name: true } },
        offering: { select: { seats: true, service: { select: { name: true } } } },
        advisor: { select: { id: true, firstName: true, lastName: true } },
        person: { select: { firstName: true, lastName: true, phone: true } },
      },
    }),
    view.team ? busyTimes(db, { advisorIds: view.advisorIds, structureId: view.team, from: fromInstant, to: toInstant }) : [],
    db.prisma.busyCalendarEvent.findMany({
      where: { advisorId: { in: view.advisorIds }, ...during },
      orderBy: { startsAt: "asc" },
      select: { advisorId: true, startsAt: true, endsAt: true },
    }),
    db.prisma.absence.findMany({
      where: { advisorId: { in: view.advisorIds }, ...during },
      orderBy: { startsAt: "asc" },
      select: { id: true, advisorId: true, structureId: true, startsAt: true, endsAt: true, reason: true },
    }),
    db.prisma.closure.findMany({
      where: {
        structureId: { in: view.structureIds },
        startDate: { lte: new Date(`${range.to}T00:00:00Z`) },
        endDate: { gte: new Date(`${range.from}T00:00:00Z`) },
      },
      select: { id: true, structureId: true, siteId: true, startDate: true, endDate: true, reason: true },
    }),
    db.prisma.site.findMany({ where: { structureId: { in: view.structureIds } }, select: { id: true, name: true } }),
    db.prisma.offering.findMany({
      where: { structureId: { in: view.structureIds }, active: true, bookableBy: { in: ["public", "staff"] } },
      select: { ...offeringSelect, service: { select: { name: true } } },
    }),
    db.prisma.staffUser.findMany({
      where: { id: { in: view.advisorIds } },
      select: { id: true, firstName: true, lastName: true },
    }),
  ]);

  const rows = offerings.map((o) => ({ ...toOfferingRow(o), serviceName: o.service.name }));
  const inputs = await loadAvailability(db.sql, rows, { ...range, audience: "staff" });
  // Each entry is the first slot found at its time and place (seats and session included), with every service it could hold.
  const free = new Map<string, Slot & { services: string[] }>();
  const shown = new Set(view.advisorIds);
  for (const offering of rows) {
    const input = inputs.get(offering.id);
    if (!input) continue;
    for (const slot of freeSlots(input)) {
      if (!shown.has(slot.advisorId)) continue;
      const key = `${slot.advisorId}|${slot.start.getTime()}|${slot.siteId}|${slot.mode}`;
      const entry = free.get(key) ?? { ...slot, services: [] };
      entry.services.push(offering.serviceName);
      free.set(key, entry);
    }
  }

  return {
    today: localDateOf(range.now, view.zone),
    now: iso(range.now),
    /** The advisors shown, by name: a team's day has one column each, even those with nothing booked. */
    advisors: sortFrench(advisors, (a) => `${a.lastName} ${a.firstName}`),
    /** The structures' sites, to name the places of free slots and closures. */
    sites,
    appointments: appointments.map(({ startsAt, endsAt, offering, sessionKey, person, ...a }) => ({
      ...a,
      session: sessionKey && sessionSegment(sessionKey),
      // The user sees these meetings in full (the scope's client read them): the number to call is theirs to see.
      person: { ...person, phone: person.phone && phoneForPeople(person.phone) },
      start: iso(startsAt),
      end: iso(endsAt),
      service: offering.service,
      seats: offering.seats,
    })),
    /** Meetings of the advisors in their other structures: when, nothing more. */
    busy: busy.map((b) => ({ advisorId: b.advisorId, start: iso(b.start), end: iso(b.end) })),
    /** Times the advisors' own calendars (Outlook, Google…) say they are busy: when, never what. */
    ownCalendarBusy: ownCalendars.map((b) => ({ advisorId: b.advisorId, start: iso(b.startsAt), end: iso(b.endsAt) })),
    absences: absences.map(({ startsAt, endsAt, structureId, reason, ...a }) => ({
      ...a,
      start: iso(startsAt),
      end: iso(endsAt),
      reason: absenceReasonFor(scope, { advisorId: a.advisorId, structureId, reason }),
    })),
    closures: closures.map((c) => ({ ...c, startDate: day(c.startDate), endDate: day(c.endDate) })),
    freeSlots: [...free.values()]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((s) => ({ ...s, start: iso(s.start), end: iso(s.end) })),
  };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * An absence's reason is told to the advisor and to the staff of the structure that declared
 * it; the advisor's other structures see that they are away, not why.
 */
export const absenceReasonFor = (
  scope: Scope,
  absence: { advisorId: string; structureId: string | null; reason: string },
): string | null =>
  scope.isSelf(absence.advisorId) || (absence.structureId !== null && scope.seesPeopleOf(absence.structureId))
    ? absence.reason
    : null;
