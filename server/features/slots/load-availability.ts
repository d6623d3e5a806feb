import { type Json, parsed, type SqlSession, statement } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import type { Audience, AvailabilityInput, Mode, Rule } from "../../domain/availability.ts";
import { holidaysBetween } from "../../domain/holidays.ts";
import { addDays, type LocalDate } from "../../domain/time.ts";

/** An offering as the slot search needs it, with its structure's zone. */
export interface OfferingRow {
  id: string;
  structureId: string;
  timeZone: string;
  durationMinutes: number;
  bufferMinutes: number;
  modes: Mode[];
  minNoticeMinutes: number;
  horizonDays: number;
  seats: number;
}

/** When a range opens: its modes, days, hours and validity. */
export const rangeTimesSelect = {
  modes: true,
  weekdays: true,
  startTime: true,
  endTime: true,
  validFrom: true,
  validUntil: true,
} as const satisfies Prisma.AvailabilityRuleSelect;

/**
 * The advisors whose ranges still open slots in these structures: an advisor who left
 * (deactivated, or no longer an advisor there) opens nothing, whatever rules remain.
 */
export const workingAdvisor = (structureIds: string[]) =>
  ({
    active: true,
    memberships: { some: { role: "advisor", structureId: { in: structureIds } } },
  }) satisfies Prisma.StaffUserWhereInput;

export const offeringSelect = {
  id: true,
  structureId: true,
  durationMinutes: true,
  bufferMinutes: true,
  modes: true,
  minNoticeMinutes: true,
  horizonDays: true,
  seats: true,
  structure: { select: { timeZone: true } },
} satisfies Prisma.OfferingSelect;

export function toOfferingRow({ structure, ...o }: Prisma.OfferingGetPayload<{ select: typeof offeringSelect }>): OfferingRow {
  return { ...o, timeZone: structure.timeZone };
}

/** Longest buffer or meeting we allow for: appointments ending this long before the range still count. */
const REACH_MS = 86_400_000;

interface ClosureRow {
  structureId: string;
  siteId: string | null;
  startDate: LocalDate;
  endDate: LocalDate;
}

/** The closures of these structures (or of their sites) that touch a range of local dates. */
export const closuresBetween = (sql: SqlSession, structureIds: string[], range: { from: LocalDate; to: LocalDate }) =>
  sql.query<ClosureRow>(
    `SELECT "structureId", "siteId", "startDate"::text AS "startDate", "endDate"::text AS "endDate"
       FROM "Closure"
      WHERE "structureId" = ANY($1::uuid[]) AND "startDate" <= $2::date AND "endDate" >= $3::date`,
    [structureIds, range.to, range.from],
  );

/** A rule with the offerings (of those asked for) it opens. */
type RuleRow = Rule & { offeringIds: string[] };

/**
 * One statement, one round trip (it runs in every slot search and every booking), each part as
 * JSON: the ranges opening these offerings between two dates, then the absences (with the busy
 * times read from their own calendars), closures and live appointments of their advisors.
 * Neither an advisor who left (deactivated, or no longer an advisor of these structures) nor a site taken out of service opens anything, whatever rules
 * remain: the directory's changes show at once. A stable order of rules gives a stable order of
 * slots (see freeSlots). Times are epoch milliseconds, appointments short arrays grouped by
 * advisor (an appointment being moved left out): thousands of them build and parse fastest so.
 * Appointments are read advisor by advisor (LATERAL), their times bounded twice on purpose: as
 * columns for the (advisor, start) index, as a range for the exclusion constraint's index —
 * whichever the planner picks, even while the table's statistics still say it is empty (a
 * new database filling up), it reads only the days asked for (it read every meeting of the
 * advisors before). A slot held for someone on a waiting list counts as an appointment.
 */
export const AVAILABILITY = statement(
  "availability",
  `
  WITH rules AS (
    SELECT r.id, r."advisorId", r."siteId", r.modes::text[] AS modes, r.weekdays, r."startTime", r."endTime",
           r."validFrom"::text AS "validFrom", r."validUntil"::text AS "validUntil", r."everyWeeks", r."onHolidays",
           array_agg(ro."offeringId") AS "offeringIds"
      FROM "AvailabilityRule" r
      JOIN "AvailabilityRuleOffering" ro ON ro."ruleId" = r.id AND ro."offeringId" = ANY($1::uuid[])
      JOIN "StaffUser" u ON u.id = r."advisorId" AND u.active
      LEFT JOIN "Site" s ON s.id = r."siteId"
     WHERE r."validFrom" <= $3::date AND (r."validUntil" IS NULL OR r."validUntil" >= $4::date)
       AND (r."siteId" IS NULL OR s.active)
       AND ($5::uuid IS NULL OR r."siteId" = $5::uuid)
       AND ($10::uuid IS NULL OR r."advisorId" = $10::uuid)
       AND EXISTS (SELECT 1 FROM "Membership" m
                    WHERE m."userId" = r."advisorId" AND m.role = 'advisor' AND m."structureId" = ANY($2::uuid[]))
     GROUP BY r.id),
  advisors AS (SELECT DISTINCT "advisorId" AS id FROM rules)
  SELECT
    (SELECT coalesce(json_agg(r ORDER BY r.id), '[]') FROM rules r) AS rules,
    (SELECT coalesce(json_agg(json_build_array(a."advisorId", date_part('epoch', a."startsAt") * 1000,
                                               date_part('epoch', a."endsAt") * 1000)), '[]')
       FROM (SELECT "advisorId", "startsAt", "endsAt" FROM "Absence"
              WHERE "advisorId" IN (SELECT id FROM advisors) AND "startsAt" < $6 AND "endsAt" > $7
             UNION ALL
             -- Busy in their own calendar (Outlook, Google…): away, as far as slots go.
             SELECT "advisorId", "startsAt", "endsAt" FROM "BusyCalendarEvent"
              WHERE "advisorId" IN (SELECT id FROM advisors) AND "startsAt" < $6 AND "endsAt" > $7) a) AS absences,
    (SELECT coalesce(json_agg(json_build_array(c."structureId", c."siteId", c."startDate", c."endDate")), '[]')
       FROM "Closure" c
      WHERE c."structureId" = ANY($2::uuid[]) AND c."startDate" <= $3::date AND c."endDate" >= $4::date) AS closures,
    (SELECT coalesce(json_object_agg(v.id, b.list), '{}') FROM advisors v CROSS JOIN LATERAL (
       SELECT json_agg(t.e) AS list FROM (
         SELECT json_build_array(date_part('epoch', a."startsAt") * 1000, date_part('epoch', a."endsAt") * 1000,
                                 o."bufferMinutes", a."sessionKey") AS e
           FROM "Appointment" a JOIN "Offering" o ON o.id = a."offeringId"
          WHERE a."advisorId" = v.id AND a.status = 'booked'
            AND a."startsAt" < $6 AND a."endsAt" > $8 AND a."startsAt" > $8::timestamptz - interval '1 day'
            AND tstzrange(a."startsAt", a."endsAt", '[)') && tstzrange($8, $6)
            AND a.id IS DISTINCT FROM $9::uuid
         UNION ALL
         -- A slot offered to someone on a waiting list is theirs while the hold lasts.
         SELECT json_build_array(date_part('epoch', w."startsAt") * 1000, date_part('epoch', w."endsAt") * 1000,
                                 o."bufferMinutes", NULL)
           FROM "WaitlistOffer" w JOIN "Offering" o ON o.id = w."offeringId"
          WHERE w."advisorId" = v.id AND w.status = 'open' AND w."holdUntil" > $11
            AND w."startsAt" < $6 AND w."endsAt" > $8) t) b
      WHERE b.list IS NOT NULL
    ) AS appointments`,
);

/**
 * Everything the availability module needs for these offerings between two local dates, in one
 * statement whatever the number of offerings, advisors or days: rules (with the offerings they
 * open), absences, closures and live appointments of the advisors concerned.
 */
export async function loadAvailability(
  sql: SqlSession,
  offerings: OfferingRow[],
  range: {
    from: LocalDate;
    to: LocalDate;
    now: Date;
    audience: Audience;
    mode?: Mode | undefined;
    siteId?: string | undefined;
    /** An appointment being moved: its own time does not count as taken. */
    ignoreAppointmentId?: string | undefined;
    /** Only this advisor's ranges and time (a booking checking the slot it was given). */
    advisorId?: string | undefined;
  },
): Promise<Map<string, AvailabilityInput>> {
  const result = new Map<string, AvailabilityInput>();
  if (offerings.length === 0) return result;
  // Instants that cover the local dates in any zone (offsets stay within ±14 h).
  const fromInstant = new Date(Date.parse(`${range.from}T00:00:00Z`) - 14 * 3_600_000);
  const toInstant = new Date(Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) + 14 * 3_600_000);
  const offeringIds = offerings.map((o) => o.id);
  const structureIds = [...new Set(offerings.map((o) => o.structureId))];

  const [row] = await sql.query<{
    rules: Json<RuleRow[]>;
    absences: Json<[string, number, number][]>;
    closures: Json<[string, string | null, LocalDate, LocalDate][]>;
    appointments: Json<Record<string, [number, number, number, string | null][]>>;
  }>(AVAILABILITY, [
    offeringIds,
    structureIds,
    range.to,
    range.from,
    range.siteId ?? null,
    toInstant,
    fromInstant,
    new Date(fromInstant.getTime() - REACH_MS),
    range.ignoreAppointmentId ?? null,
    range.advisorId ?? null,
    range.now,
  ]);
  const rules = parsed(row?.rules ?? []);
  const absences = parsed(row?.absences ?? []);
  const closures = parsed(row?.closures ?? []).map(([structureId, siteId, startDate, endDate]) => ({
    structureId,
    siteId,
    startDate,
    endDate,
  }));

  const holidays = holidaysBetween(range.from, range.to);
  const absencesOf = groupBy(
    absences.map(([advisorId, startMs, endMs]) => ({ advisorId, start: new Date(startMs), end: new Date(endMs) })),
    (a) => a.advisorId,
  );
  const appointmentsOf = new Map(
    Object.entries(parsed(row?.appointments ?? {})).map(([advisorId, list]) => [
      advisorId,
      list.map(([startMs, endMs, bufferMinutes, sessionKey]) => ({
        advisorId,
        start: new Date(startMs),
        end: new Date(endMs),
        bufferMinutes,
        sessionKey,
      })),
    ]),
  );

  for (const offering of offerings) {
    const offeringRules = rules.filter((r) => r.offeringIds.includes(offering.id)).map(({ offeringIds: _, ...r }) => r);
    // Only what concerns this offering's advisors: the module's work stays proportional to it.
    const advisors = [...new Set(offeringRules.map((r) => r.advisorId))];
    result.set(offering.id, {
      zone: offering.timeZone,
      offering,
      rules: offeringRules,
      absences: advisors.flatMap((id) => absencesOf.get(id) ?? []),
      closures: closures.filter((c) => c.structureId === offering.structureId),
      holidays,
      appointments: advisors.flatMap((id) => appointmentsOf.get(id) ?? []),
      from: range.from,
      to: range.to,
      now: range.now,
      audience: range.audience,
      mode: range.mode,
    });
  }
  return result;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
