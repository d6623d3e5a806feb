import type { Prisma } from "../../db/generated/client.ts";
import type { Mode } from "../../domain/availability.ts";
import { addDays, type LocalDate, localDateOf, localInstant, toZonedIso } from "../../domain/time.ts";
import { validationError } from "../../errors.ts";

/** What an entry's view reads. */
export const entrySelect = {
  id: true,
  createdAt: true,
  halfDays: true,
  modes: true,
  until: true,
  endedAt: true,
  offering: {
    select: {
      service: { select: { slug: true, name: true } },
      structure: { select: { id: true, name: true, timeZone: true } },
    },
  },
  _count: { select: { offers: true } },
} satisfies Prisma.WaitlistEntrySelect;

type EntryRow = Prisma.WaitlistEntryGetPayload<{ select: typeof entrySelect }>;

/** A place on the list as the person sees it, in the structure's zone. */
export function entryView(row: EntryRow) {
  const { structure, service } = row.offering;
  return {
    id: row.id,
    since: toZonedIso(row.createdAt, structure.timeZone),
    halfDays: row.halfDays,
    modes: row.modes,
    until: row.until && localDateOf(new Date(row.until.getTime() - 1), structure.timeZone),
    offersSent: row._count.offers,
    waiting: row.endedAt === null,
    service,
    structure: { id: structure.id, name: structure.name },
  };
}

/** The end of a chosen last day (the next midnight), in the structure's zone. */
export function endOfDay(date: LocalDate, zone: string): Date {
  // Midnight exists in every zone the platform serves: no clock changes at 00:00 in Europe.
  const next = addDays(date, 1);
  return localInstant(next, 0, zone) ?? new Date(`${next}T00:00:00Z`);
}

/**
 * The wishes as stored, checked against the offering: its modes only, a last day not past.
 * `until` ends with the chosen day, in the structure's zone.
 */
export function storedWishes(
  wishes: { halfDays?: string[] | undefined; modes?: Mode[] | undefined; until?: LocalDate | undefined },
  offering: { modes: Mode[]; timeZone: string },
  now: Date,
): { halfDays: string[]; modes: Mode[]; until: Date | null } {
  const modes = wishes.modes ?? [];
  const other = modes.find((m) => !offering.modes.includes(m));
  if (other) throw validationError({ modes: `ce service ne se tient pas ${MODE_WORDS[other]}.` });
  const until = wishes.until ? endOfDay(wishes.until, offering.timeZone) : null;
  if (until && until <= now) throw validationError({ until: "choisissez aujourd'hui ou un jour à venir." });
  // Every mode the offering has is no restriction at all.
  return { halfDays: wishes.halfDays ?? [], modes: modes.length === offering.modes.length ? [] : modes, until };
}

const MODE_WORDS: Record<Mode, string> = { onsite: "sur place", phone: "par téléphone", video: "en visio" };
