import type { StaffDeps } from "../../context.ts";
import type { Database, Tx } from "../../db/database.ts";
import type { Mode } from "../../domain/availability.ts";
import type { LocalDate } from "../../domain/time.ts";
import { notFound, validationError } from "../../errors.ts";

/** What a user decides for the meetings a change leaves outside the availability (affected.ts). */
export type OnBooked = "keep" | "cancel" | undefined;

/** A weekly range (plage), as the editor sends it. */
export interface RuleFields {
  siteId: string | null;
  modes: Mode[];
  weekdays: number[];
  startTime: string;
  endTime: string;
  validFrom: LocalDate;
  validUntil?: LocalDate | null | undefined;
  everyWeeks?: number | undefined;
  onHolidays?: boolean | undefined;
  offeringIds: string[];
}

/** The advisor and structure the user may edit, or a 404 (also for an advisor not of the structure). */
export async function editable({ scope }: Pick<StaffDeps, "scope">, advisorId: string, structureId: string) {
  const structure = scope.editsAvailability(advisorId, structureId)
    ? await scope.prisma.structure.findFirst({
        where: { id: structureId, memberships: { some: { userId: advisorId, role: "advisor" } } },
        select: { id: true, timeZone: true },
      })
    : null;
  if (!structure) throw notFound("Conseiller");
  return structure;
}

/** Sites and offerings named by a range must be the structure's; a remote range has no site and no « sur place ». */
export async function checkRule(prisma: Tx, structureId: string, rule: Partial<RuleFields>) {
  if (rule.startTime && rule.endTime && rule.endTime <= rule.startTime)
    throw validationError({ endTime: "La fin doit suivre le début." });
  if (rule.validFrom && rule.validUntil && rule.validUntil < rule.validFrom) {
    throw validationError({ validUntil: "La fin de validité ne peut précéder son début." });
  }
  if (rule.siteId === null && rule.modes?.includes("onsite")) {
    throw validationError({ modes: "Une plage à distance (sans lieu) n'accueille pas sur place." });
  }
  if (rule.siteId && !(await prisma.site.count({ where: { id: rule.siteId, structureId, active: true } }))) {
    throw validationError({ siteId: "Ce lieu n'est pas un lieu ouvert de la structure." });
  }
  if (
    rule.offeringIds &&
    (await prisma.offering.count({ where: { id: { in: rule.offeringIds }, structureId } })) !== rule.offeringIds.length
  ) {
    throw validationError({ offeringIds: "Un de ces services n'est pas offert par la structure." });
  }
}

/**
 * The range a change or a removal names, looked up before the user's rights (unscoped: a range
 * is no one's personal data), as the routes always did: an unknown id is a 404 for anyone.
 */
export async function ruleToChange(db: Database, id: string) {
  const current = await db.prisma.availabilityRule.findUnique({ where: { id }, include: { offerings: true } });
  if (!current) throw notFound("Plage");
  return current;
}

export type RuleToChange = Awaited<ReturnType<typeof ruleToChange>>;

export const toDate = (date: string) => new Date(`${date}T00:00:00Z`);
/** A `@db.Date` column as its local date, "YYYY-MM-DD"; null stays null. */
export function day(date: Date): string;
export function day(date: Date | null): string | null;
export function day(date: Date | null): string | null {
  return date?.toISOString().slice(0, 10) ?? null;
}
