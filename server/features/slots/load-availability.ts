import type { Tx } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import type { Audience, AvailabilityInput, Mode } from "../../domain/availability.ts";
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

const dateOf = (d: Date): LocalDate => d.toISOString().slice(0, 10);
/** Longest buffer or meeting we allow for: appointments ending this long before the range still count. */
const REACH_MS = 86_400_000;

/** The closures of these structures (or of their sites) that touch a range of local dates. */
export const closuresBetween = (db: Tx, structureIds: string[], range: { from: LocalDate; to: LocalDate }) =>
  db.closure.findMany({
    where: {
      structureId: { in: structureIds },
      startDate: { lte: new Date(`${range.to}T00:00:00Z`) },
      endDate: { gte: new Date(`${range.from}T00:00:00Z`) },
    },
    select: { structureId: true, siteId: true, startDate: true, endDate: true },
  });

/**
 * Everything the availability module needs for these offerings between two local dates, in six
 * indexed queries whatever the number of offerings, advisors or days: rules (with the offerings
 * they open), absences, closures and live appointments of the advisors concerned.
 */
export async function loadAvailability(
  db: Tx,
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
  },
): Promise<Map<string, AvailabilityInput>> {
  const result = new Map<string, AvailabilityInput>();
  if (offerings.length === 0) return result;
  // Instants that cover the local dates in any zone (offsets stay within ±14 h).
  const fromInstant = new Date(Date.parse(`${range.from}T00:00:00Z`) - 14 * 3_600_000);
  const toInstant = new Date(Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) + 14 * 3_600_000);
  const offeringIds = offerings.map((o) => o.id);
  const structureIds = [...new Set(offerings.map((o) => o.structureId))];

  const rules = await db.availabilityRule.findMany({
    where: {
      offerings: { some: { offeringId: { in: offeringIds } } },
      // Neither an advisor who left nor a site taken out of service opens anything, whatever
      // rules remain: the directory's changes show at once.
      advisor: workingAdvisor(structureIds),
      validFrom: { lte: new Date(`${range.to}T00:00:00Z`) },
      AND: [
        { OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${range.from}T00:00:00Z`) } }] },
        { OR: [{ siteId: null }, { site: { active: true } }] },
      ],
      ...(range.siteId && { siteId: range.siteId }),
    },
    // A stable order of rules gives a stable order of slots (see freeSlots).
    orderBy: { id: "asc" },
    select: {
      id: true,
      advisorId: true,
      siteId: true,
      ...rangeTimesSelect,
      everyWeeks: true,
      onHolidays: true,
      offerings: { where: { offeringId: { in: offeringIds } }, select: { offeringId: true } },
    },
  });
  const advisorIds = [...new Set(rules.map((r) => r.advisorId))];

  const [absences, closures, appointments] = await Promise.all([
    db.absence.findMany({
      where: { advisorId: { in: advisorIds }, startsAt: { lt: toInstant }, endsAt: { gt: fromInstant } },
      select: { advisorId: true, startsAt: true, endsAt: true },
    }),
    closuresBetween(db, structureIds, range),
    // Raw SQL: the hottest read of the slot search (thousands of rows), kept to the columns it
    // needs, times as epoch milliseconds (numbers parse several times faster than timestamps).
    db.$queryRaw<
      { id: string; advisorId: string; startMs: number; endMs: number; sessionKey: string | null; bufferMinutes: number }[]
    >`
      SELECT a.id, a."advisorId", a."sessionKey", o."bufferMinutes",
             (extract(epoch FROM a."startsAt") * 1000)::float8 AS "startMs",
             (extract(epoch FROM a."endsAt") * 1000)::float8 AS "endMs"
        FROM "Appointment" a JOIN "Offering" o ON o.id = a."offeringId"
       WHERE a.status = 'booked' AND a."advisorId" = ANY(${advisorIds}::uuid[])
         AND a."startsAt" < ${toInstant} AND a."endsAt" > ${new Date(fromInstant.getTime() - REACH_MS)}`,
  ]);

  const holidays = holidaysBetween(range.from, range.to);
  const absencesOf = groupBy(
    absences.map((a) => ({ advisorId: a.advisorId, start: a.startsAt, end: a.endsAt })),
    (a) => a.advisorId,
  );
  const appointmentsOf = groupBy(
    appointments
      .filter((a) => a.id !== range.ignoreAppointmentId)
      .map((a) => ({
        advisorId: a.advisorId,
        start: new Date(a.startMs),
        end: new Date(a.endMs),
        bufferMinutes: a.bufferMinutes,
        sessionKey: a.sessionKey,
      })),
    (a) => a.advisorId,
  );

  for (const offering of offerings) {
    const offeringRules = rules
      .filter((r) => r.offerings.some((o) => o.offeringId === offering.id))
      .map(({ offerings: _, ...r }) => ({
        ...r,
        validFrom: dateOf(r.validFrom),
        validUntil: r.validUntil && dateOf(r.validUntil),
      }));
    // Only what concerns this offering's advisors: the module's work stays proportional to it.
    const advisors = [...new Set(offeringRules.map((r) => r.advisorId))];
    result.set(offering.id, {
      zone: offering.timeZone,
      offering,
      rules: offeringRules,
      absences: advisors.flatMap((id) => absencesOf.get(id) ?? []),
      closures: closures
        .filter((c) => c.structureId === offering.structureId)
        .map((c) => ({ siteId: c.siteId, startDate: dateOf(c.startDate), endDate: dateOf(c.endDate) })),
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
