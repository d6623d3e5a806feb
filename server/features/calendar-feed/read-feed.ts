import { calendarFeed, feedPlace } from "../../../emails/calendar-feed.ts";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { Deps } from "../../context.ts";
import { notFound } from "../../errors.ts";

const PAST_DAYS = 30;
const AHEAD_DAYS = 365;

/**
 * An advisor's calendar (iCalendar text) at their private address: their meetings from a month
 * back to a year ahead, the person named by first name and initial, with their number for a phone
 * meeting. Read by the token alone, for whoever holds it; a 404 once revoked or
 * when the account is deactivated.
 */
export async function readFeed({
  db,
  clock,
  config,
  input: { token },
}: Pick<Deps, "db" | "clock" | "config"> & { input: { token: string } }) {
  const subscription = await db.prisma.calendarFeed.findUnique({
    where: { id: hashSecret(token) },
    select: { revokedAt: true, user: { select: { id: true, firstName: true, lastName: true, active: true } } },
  });
  if (!subscription || subscription.revokedAt || !subscription.user.active) throw notFound("Abonnement");
  const now = clock.now();
  const appointments = await db.prisma.appointment.findMany({
    where: {
      advisorId: subscription.user.id,
      status: "booked",
      startsAt: { gte: new Date(now.getTime() - PAST_DAYS * 86_400_000), lt: new Date(now.getTime() + AHEAD_DAYS * 86_400_000) },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      mode: true,
      structure: { select: { name: true, timeZone: true } },
      site: { select: { name: true } },
      offering: { select: { service: { select: { name: true } } } },
      person: { select: { firstName: true, lastName: true, phone: true } },
    },
  });
  return calendarFeed(
    `RDV Orientation — ${subscription.user.firstName} ${subscription.user.lastName}`,
    appointments.map((a) => ({
      id: a.id,
      start: a.startsAt,
      end: a.endsAt,
      zone: a.structure.timeZone,
      service: a.offering.service.name,
      structure: a.structure.name,
      place: feedPlace({ mode: a.mode, site: a.site, personPhone: a.person.phone }),
      person: `${a.person.firstName} ${a.person.lastName.slice(0, 1)}.`,
      url: `${config.publicUrl}/espace/rendez-vous/${a.id}`,
    })),
    now,
  );
}
