import type { Deps } from "../../context.ts";
import { SealError, unseal } from "../../db/sealed.ts";
import { CalendarTooComplexError, NotACalendarError } from "../../domain/busy-times.ts";
import { DEFAULT_ZONE } from "../../domain/time.ts";
import { CalendarReadError, calendarAddress, fetchCalendar } from "./fetch-calendar.ts";
import { readBusyTimes } from "./read-busy-times.ts";

/** Between two reads of a calendar, by the worker. */
export const READ_EVERY_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/**
 * The busy times kept: from yesterday (a meeting today still sees this morning's) to past the
 * longest booking horizon an offering may have (365 days, admin/schemas.ts).
 */
const KEPT_BEHIND_MS = DAY_MS;
const KEPT_AHEAD_MS = 367 * DAY_MS;

/** The sealed form of a calendar's address: whoever has it reads the calendar. */
export interface SealedAddress {
  url: string;
}

/**
 * Reads an advisor's calendar once and keeps its busy times in place of the previous ones —
 * times only, never a title. A read that fails keeps the previous busy times, says why in
 * French for the advisor, and remembers since when it fails. Either way, the next read is due
 * in 15 minutes. A calendar disconnected or replaced during the read keeps nothing of it.
 */
export async function syncCalendar({ db, clock, config }: Pick<Deps, "db" | "clock" | "config">, calendarId: string) {
  const calendar = await db.prisma.busyCalendar.findUnique({
    where: { id: calendarId },
    select: {
      id: true,
      advisorId: true,
      url: true,
      etag: true,
      lastModified: true,
      readAt: true,
      failingSince: true,
      advisor: { select: { memberships: { where: { role: "advisor" }, select: { structure: { select: { timeZone: true } } } } } },
    },
  });
  if (!calendar) return;
  // All-day events are the advisor's days where they work: their (first) structure's zone.
  const zone = calendar.advisor.memberships[0]?.structure.timeZone ?? DEFAULT_ZONE;
  const started = clock.now();
  const settled = { readAt: started, dueAt: new Date(started.getTime() + READ_EVERY_MS), leaseUntil: null };
  try {
    const address = calendarAddress(unseal<SealedAddress>(config.sessionSecret, calendar.url).url);
    if (!address) throw new CalendarReadError("L'adresse enregistrée n'est plus valable : collez-la de nouveau.");
    // Unchanged, a calendar keeps the busy times of its last full read, whose year ahead ends a
    // day later each day: the first read of a day is a full one.
    const sameDay = calendar.readAt?.toISOString().slice(0, 10) === started.toISOString().slice(0, 10);
    const fetched = await fetchCalendar(address, sameDay ? calendar : { etag: null, lastModified: null }, config.busyCalendars);
    if (fetched.kind === "unchanged") {
      await db.prisma.busyCalendar.updateMany({
        where: { id: calendar.id },
        data: { ...settled, syncedAt: started, failingSince: null, lastError: null },
      });
      return;
    }
    const busy = await readBusyTimes(
      fetched.text,
      { from: new Date(started.getTime() - KEPT_BEHIND_MS), to: new Date(started.getTime() + KEPT_AHEAD_MS) },
      zone,
      config.busyCalendars.readTimeoutMs,
    );
    await db.prisma.$transaction(async (tx) => {
      const still = await tx.busyCalendar.updateMany({
        where: { id: calendar.id },
        data: {
          ...settled,
          syncedAt: started,
          failingSince: null,
          lastError: null,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
        },
      });
      if (still.count === 0) return;
      await tx.busyCalendarEvent.deleteMany({ where: { calendarId: calendar.id } });
      await tx.busyCalendarEvent.createMany({
        data: busy.map((b) => ({ calendarId: calendar.id, advisorId: calendar.advisorId, startsAt: b.start, endsAt: b.end })),
      });
    });
  } catch (error) {
    await db.prisma.busyCalendar.updateMany({
      where: { id: calendar.id },
      data: { ...settled, lastError: problemOf(error), failingSince: calendar.failingSince ?? started },
    });
  }
}

function problemOf(error: unknown): string {
  if (error instanceof CalendarReadError) return error.message;
  if (error instanceof NotACalendarError)
    return "Ce n'est pas un calendrier ICS : l'adresse doit être celle du calendrier publié (elle finit souvent par .ics), pas celle de sa page.";
  if (error instanceof CalendarTooComplexError)
    return "Le calendrier est trop complexe à lire (une répétition sans fin ?) : vérifiez-le ou publiez-en un plus simple.";
  if (error instanceof SealError) return "L'adresse enregistrée ne peut plus être lue sur ce serveur : collez-la de nouveau.";
  throw error;
}
