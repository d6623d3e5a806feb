import type { Database } from "../../db/database.ts";
import { openTime } from "../../domain/availability.ts";
import { holidaysBetween } from "../../domain/holidays.ts";
import type {
  AppointmentFact,
  Channel,
  ListOfferFact,
  ListSlotFact,
  ListWaitingFact,
  MinutesFact,
  Outcome,
  ReferralFact,
  ReferralStatus,
  WaitingFact,
} from "../../domain/statistics.ts";
import { addDays, DEFAULT_ZONE, localInstant } from "../../domain/time.ts";
import { closuresBetween, rangeTimesSelect } from "../slots/load-availability.ts";
import type { Coverage } from "./coverage.ts";

/** Months are read in the SPRO's zone: a meeting at 00:30 on the 1st belongs to that month. */
const MONTH = `to_char(a."startsAt" AT TIME ZONE '${DEFAULT_ZONE}', 'YYYY-MM')`;

/**
 * The facts behind a coverage's figures, grouped by the database (a few hundred rows whatever the
 * number of appointments): appointments, booked and offered minutes, waiting-time snapshots and
 * referrals of the period.
 */
export async function loadFacts(db: Database, coverage: Coverage) {
  const ids = [...coverage.structures.keys()];
  const start = localInstant(coverage.from, 0, DEFAULT_ZONE) as Date;
  const end = localInstant(addDays(coverage.to, 1), 0, DEFAULT_ZONE) as Date;
  const serviceId = coverage.service?.id ?? null;
  const p = db.prisma;
  const [appointments, booked, offered, waiting, referrals] = await Promise.all([
    p.$queryRawUnsafe<(Omit<AppointmentFact, "outcome" | "channel"> & { outcome: Outcome | null; channel: Channel })[]>(
      `SELECT a."structureId", a."siteId", o."serviceId", ${MONTH} AS month, a.status = 'cancelled' AS cancelled,
              a.outcome::text AS outcome, a.channel::text AS channel,
              GREATEST(0, floor(extract(epoch FROM a."startsAt" - a."createdAt") / 86400))::int AS "leadDays",
              count(*)::int AS count
         FROM "Appointment" a JOIN "Offering" o ON o.id = a."offeringId"
        WHERE a."structureId" = ANY($1::uuid[]) AND a."startsAt" >= $2 AND a."startsAt" < $3
          AND ($4::uuid IS NULL OR o."serviceId" = $4::uuid)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
      ids,
      start,
      end,
      serviceId,
    ),
    // A collective session is booked time once, however many seats it holds.
    p.$queryRawUnsafe<{ structureId: string; siteId: string | null; serviceId: string; month: string; minutes: number }[]>(
      `SELECT "structureId", "siteId", "serviceId", month, sum(minutes)::float8 AS minutes FROM (
         SELECT DISTINCT ON (COALESCE(a."sessionKey", a.id::text)) a."structureId", a."siteId", o."serviceId", ${MONTH} AS month,
                extract(epoch FROM a."endsAt" - a."startsAt") / 60 AS minutes
           FROM "Appointment" a JOIN "Offering" o ON o.id = a."offeringId"
          WHERE a.status = 'booked' AND a."structureId" = ANY($1::uuid[]) AND a."startsAt" >= $2 AND a."startsAt" < $3
            AND ($4::uuid IS NULL OR o."serviceId" = $4::uuid)) t
        GROUP BY 1, 2, 3, 4`,
      ids,
      start,
      end,
      serviceId,
    ),
    offeredMinutes(db, coverage, ids),
    p.waitingTimeSnapshot.findMany({
      where: {
        structureId: { in: ids },
        day: { gte: new Date(`${coverage.from}T00:00:00Z`), lte: new Date(`${coverage.to}T00:00:00Z`) },
        ...(serviceId && { serviceId }),
      },
      select: { day: true, structureId: true, serviceId: true, takenAt: true, nextSlotAt: true },
    }),
    p.$queryRawUnsafe<(Omit<ReferralFact, "status" | "outcome"> & { status: ReferralStatus; outcome: Outcome | null })[]>(
      `SELECT r."fromStructureId", r."toStructureId", r.status::text AS status,
              CASE WHEN a.status = 'booked' THEN GREATEST(0, floor(extract(epoch FROM a."startsAt" - r."createdAt") / 86400))::int END
                AS "daysToAppointment",
              CASE WHEN a.status = 'booked' THEN a.outcome::text END AS outcome
         FROM "Referral" r LEFT JOIN "Appointment" a ON a.id = r."appointmentId"
        WHERE (r."fromStructureId" = ANY($1::uuid[]) OR r."toStructureId" = ANY($1::uuid[]))
          AND r."createdAt" >= $2 AND r."createdAt" < $3 AND ($4::uuid IS NULL OR r."serviceId" = $4::uuid)`,
      ids,
      start,
      end,
      serviceId,
    ),
  ]);
  const bookedMinutes: MinutesFact[] = [...booked, ...allServices(booked)];
  return {
    appointments: appointments as AppointmentFact[],
    bookedMinutes,
    offeredMinutes: offered,
    waiting: waiting.map((w): WaitingFact => ({ ...w, day: w.day.toISOString().slice(0, 10) })),
    referrals: referrals as ReferralFact[],
  };
}
export type Facts = Awaited<ReturnType<typeof loadFacts>>;

/** The same minutes summed over the services of each place and month (serviceId null). */
function allServices(
  facts: readonly { structureId: string; siteId: string | null; month: string; minutes: number }[],
): MinutesFact[] {
  const sums = new Map<string, MinutesFact>();
  for (const f of facts) {
    const key = `${f.structureId}|${f.siteId}|${f.month}`;
    const sum = sums.get(key) ?? { structureId: f.structureId, siteId: f.siteId, serviceId: null, month: f.month, minutes: 0 };
    sum.minutes += f.minutes;
    sums.set(key, sum);
  }
  return [...sums.values()];
}

/**
 * The time the structures' ranges opened over the period, less absences, closures and holidays:
 * per service (the ranges opening it) and for all services at once (each range once). Read from
 * the ranges as they stand: a range deleted since no longer counts.
 */
async function offeredMinutes(db: Database, coverage: Coverage, structureIds: string[]): Promise<MinutesFact[]> {
  const p = db.prisma;
  const rules = await p.availabilityRule.findMany({
    where: {
      structureId: { in: structureIds },
      validFrom: { lte: new Date(`${coverage.to}T00:00:00Z`) },
      OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${coverage.from}T00:00:00Z`) } }],
      ...(coverage.service && { offerings: { some: { offering: { serviceId: coverage.service.id } } } }),
    },
    select: {
      id: true,
      advisorId: true,
      structureId: true,
      siteId: true,
      ...rangeTimesSelect,
      everyWeeks: true,
      onHolidays: true,
      structure: { select: { timeZone: true } },
      offerings: { select: { offering: { select: { serviceId: true } } } },
    },
  });
  const advisorIds = [...new Set(rules.map((r) => r.advisorId))];
  const [absences, closures] = await Promise.all([
    p.absence.findMany({
      where: {
        advisorId: { in: advisorIds },
        startsAt: { lt: new Date(`${addDays(coverage.to, 2)}T00:00:00Z`) },
        endsAt: { gt: new Date(`${addDays(coverage.from, -1)}T00:00:00Z`) },
      },
      select: { advisorId: true, startsAt: true, endsAt: true },
    }),
    closuresBetween(db.sql, structureIds, coverage),
  ]);
  const holidays = holidaysBetween(coverage.from, coverage.to);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const sums = new Map<string, MinutesFact>();
  const add = (structureId: string, siteId: string | null, serviceId: string | null, month: string, minutes: number) => {
    const key = `${structureId}|${siteId}|${serviceId}|${month}`;
    const sum = sums.get(key) ?? { structureId, siteId, serviceId, month, minutes: 0 };
    sum.minutes += minutes;
    sums.set(key, sum);
  };
  for (const structureId of structureIds) {
    const own = rules.filter((r) => r.structureId === structureId);
    if (own.length === 0) continue;
    const open = openTime({
      zone: own[0]?.structure.timeZone ?? DEFAULT_ZONE,
      rules: own.map((r) => ({ ...r, validFrom: day(r.validFrom), validUntil: r.validUntil && day(r.validUntil) })),
      absences: absences.map((a) => ({ advisorId: a.advisorId, start: a.startsAt, end: a.endsAt })),
      closures: closures.filter((c) => c.structureId === structureId),
      holidays,
      from: coverage.from,
      to: coverage.to,
    });
    const servicesOf = new Map(own.map((r) => [r.id, new Set(r.offerings.map((o) => o.offering.serviceId))]));
    for (const { rule, date, minutes } of open) {
      const month = date.slice(0, 7);
      add(structureId, rule.siteId, null, month, minutes);
      for (const serviceId of servicesOf.get(rule.id) ?? []) {
        if (!coverage.service || coverage.service.id === serviceId) add(structureId, rule.siteId, serviceId, month, minutes);
      }
    }
  }
  return [...sums.values()];
}

/**
 * The waiting list's facts of a coverage: the people waiting at the end of the period (or `now`,
 * if sooner), and the offers made in the period — by the distinct times offered (an advisor, a
 * start: one freed time passed from one person to the next is one slot) and by how each ended.
 * A count stands where its offering's structure is, at the offer's site (an entry, at its meeting's).
 */
export async function loadWaitlistFacts(db: Database, coverage: Coverage, now: Date) {
  const ids = [...coverage.structures.keys()];
  const start = localInstant(coverage.from, 0, DEFAULT_ZONE) as Date;
  const periodEnd = localInstant(addDays(coverage.to, 1), 0, DEFAULT_ZONE) as Date;
  const asOf = periodEnd < now ? periodEnd : now;
  const serviceId = coverage.service?.id ?? null;
  const p = db.prisma;
  const offersOfPeriod = `FROM "WaitlistOffer" w JOIN "Offering" o ON o.id = w."offeringId"
        WHERE o."structureId" = ANY($1::uuid[]) AND w."createdAt" >= $2 AND w."createdAt" < $3
          AND ($4::uuid IS NULL OR o."serviceId" = $4::uuid)`;
  const [waiting, slots, offers] = await Promise.all([
    p.$queryRawUnsafe<ListWaitingFact[]>(
      `SELECT o."structureId", a."siteId", count(*)::int AS count
         FROM "WaitlistEntry" e JOIN "Offering" o ON o.id = e."offeringId"
         LEFT JOIN "Appointment" a ON a.id = e."appointmentId"
        WHERE o."structureId" = ANY($1::uuid[]) AND e."createdAt" < $2 AND (e."endedAt" IS NULL OR e."endedAt" > $2)
          AND ($3::uuid IS NULL OR o."serviceId" = $3::uuid)
        GROUP BY 1, 2`,
      ids,
      asOf,
      serviceId,
    ),
    p.$queryRawUnsafe<ListSlotFact[]>(
      `SELECT "structureId", "siteId", accepted, count(*)::int AS count FROM (
         SELECT o."structureId", w."siteId", bool_or(w.status = 'accepted') AS accepted ${offersOfPeriod}
          GROUP BY o."structureId", w."siteId", w."advisorId", w."startsAt") t
        GROUP BY 1, 2, 3`,
      ids,
      start,
      periodEnd,
      serviceId,
    ),
    p.$queryRawUnsafe<ListOfferFact[]>(
      `SELECT o."structureId", w."siteId", w.status::text AS status,
              CASE WHEN w.status = 'accepted' THEN round(w."daysGained"::numeric, 1)::float8 END AS "daysGained",
              count(*)::int AS count ${offersOfPeriod}
        GROUP BY 1, 2, 3, 4`,
      ids,
      start,
      periodEnd,
      serviceId,
    ),
  ]);
  return { waiting, slots, offers };
}
