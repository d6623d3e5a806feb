import type { Clock } from "../../clock.ts";
import { type Database, type Json, parsed, statement } from "../../db/database.ts";
import { freeSlots, type Mode, offeredPlaces, oneSlotPerTime, type Slot } from "../../domain/availability.ts";
import { addDays, DEFAULT_ZONE, epochDay, type LocalDate, localDateOf, toZonedIso } from "../../domain/time.ts";
import { validationError } from "../../errors.ts";
import { loadAvailability, type OfferingRow } from "./load-availability.ts";
import { encodeSlotKey } from "./slot-key.ts";

export const MAX_RANGE_DAYS = 31;
/** How far "prochaine disponibilité" looks ahead. */
export const FIRST_SLOT_HORIZON_DAYS = 183;

export interface SearchSlotsInput {
  service: string;
  structure?: string | undefined;
  commune?: string | undefined;
  site?: string | undefined;
  from?: LocalDate | undefined;
  to?: LocalDate | undefined;
  mode?: Mode | undefined;
  /** Each structure's next free slot instead of every slot of the range. */
  first?: boolean | undefined;
  /** With `first`: the next free slot of each place (site and mode) instead. */
  perPlace?: boolean | undefined;
}

export interface SlotView {
  key: string;
  start: string;
  end: string;
  advisorId: string;
  structureId: string;
  siteId: string | null;
  mode: Mode;
  seatsLeft: number;
}

/** The public slot search: every free slot of a service in a structure, or across a commune. */
export async function searchSlots({
  db,
  clock,
  input,
}: {
  db: Database;
  clock: Clock;
  input: SearchSlotsInput;
}): Promise<SlotView[]> {
  if (!input.structure && !input.commune) {
    throw validationError({ structure: "Indiquez une structure (structure) ou une commune (commune)." });
  }
  const now = clock.now();
  const offerings = await findOfferings(db, input);
  if (input.first) return firstSlots(db, offerings, now, input);

  const from = input.from ?? localDateOf(now, DEFAULT_ZONE);
  const to = input.to ?? addDays(from, 6);
  if (to < from) throw validationError({ to: "La date de fin doit être postérieure ou égale à la date de début." });
  if (epochDay(to) - epochDay(from) + 1 > MAX_RANGE_DAYS) {
    throw validationError({ to: `La période demandée ne peut pas dépasser ${MAX_RANGE_DAYS} jours.` });
  }
  return slotsOf(db, offerings, { from, to, now, mode: input.mode, siteId: input.site });
}

// The public offerings a search reads, and whether the service, commune and structure named exist (each
// refused with its own message): one statement, as every slot search starts with it.
const OFFERINGS = statement(
  "search-offerings",
  `SELECT (SELECT id FROM "Service" WHERE slug = $1) IS NOT NULL AS "serviceKnown",
          ($2::text IS NULL OR EXISTS (SELECT 1 FROM "Commune" WHERE code = $2)) AS "communeKnown",
          ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM "Structure" WHERE id = $3 AND active)) AS "structureKnown",
          (SELECT coalesce(json_agg(json_build_object(
                    'id', o.id, 'structureId', o."structureId", 'timeZone', st."timeZone",
                    'durationMinutes', o."durationMinutes", 'bufferMinutes', o."bufferMinutes", 'modes', o.modes,
                    'minNoticeMinutes', o."minNoticeMinutes", 'horizonDays', o."horizonDays", 'seats', o.seats)
                  ORDER BY o.id), '[]')
             FROM "Offering" o
             JOIN "Structure" st ON st.id = o."structureId" AND st.active
             JOIN "Network" n ON n.id = st."networkId" AND n.kind = 'spro'
            WHERE o."serviceId" = (SELECT id FROM "Service" WHERE slug = $1) AND o.active
              AND o."bookableBy" = 'public'
              AND ($3::uuid IS NULL OR st.id = $3)
              AND ($2::text IS NULL OR EXISTS (
                    SELECT 1 FROM "StructureCommune" sc WHERE sc."structureId" = st.id AND sc."communeCode" = $2))
          ) AS offerings`,
);

async function findOfferings(db: Database, input: SearchSlotsInput): Promise<OfferingRow[]> {
  const [found] = await db.sql.query<{
    serviceKnown: boolean;
    communeKnown: boolean;
    structureKnown: boolean;
    offerings: Json<OfferingRow[]>;
  }>(OFFERINGS, [input.service, input.commune ?? null, input.structure ?? null]);
  if (!found?.serviceKnown) throw validationError({ service: `Aucun service ne s'appelle « ${input.service} ».` });
  if (!found.communeKnown) throw validationError({ commune: `Aucune commune de la région n'a le code INSEE ${input.commune}.` });
  if (!found.structureKnown) throw validationError({ structure: "Aucune structure ouverte ne porte cet identifiant." });
  return parsed(found.offerings);
}

export type Range = { from: LocalDate; to: LocalDate; now: Date; mode?: Mode | undefined; siteId?: string | undefined };

/** Per offering, the slots offered to the public, in time order. */
export interface Offered {
  slots: Slot[];
  /** Every place (site, mode) the offering's rules open in the range. */
  places: { siteId: string | null; mode: Mode }[];
}

export async function offeredSlots(db: Database, offerings: OfferingRow[], range: Range): Promise<Map<OfferingRow, Offered>> {
  const inputs = await loadAvailability(db.sql, offerings, { ...range, audience: "public" });
  const offered = new Map<OfferingRow, Offered>();
  for (const offering of offerings) {
    const input = inputs.get(offering.id);
    if (input)
      offered.set(offering, { slots: oneSlotPerTime(freeSlots(input), input.appointments), places: offeredPlaces(input) });
  }
  return offered;
}

async function slotsOf(db: Database, offerings: OfferingRow[], range: Range): Promise<SlotView[]> {
  const views: { at: number; view: SlotView }[] = [];
  const iso = isoCache();
  for (const [offering, { slots }] of await offeredSlots(db, offerings, range)) {
    for (const slot of slots) views.push({ at: slot.start.getTime(), view: toView(slot, offering, iso) });
  }
  return views.sort((a, b) => a.at - b.at).map((v) => v.view);
}

/** Thousands of slots share a few hundred times: format each instant once per request. */
function isoCache() {
  const byZone = new Map<string, Map<number, string>>();
  return (instant: Date, zone: string) => {
    const cache = byZone.get(zone) ?? new Map<number, string>();
    byZone.set(zone, cache);
    const ms = instant.getTime();
    const cached = cache.get(ms);
    if (cached !== undefined) return cached;
    const iso = toZonedIso(instant, zone);
    cache.set(ms, iso);
    return iso;
  };
}

/**
 * Each structure's first free slot within six months — or, with `perPlace`, the first of each
 * place (site and mode) it offers. Looks in growing windows (2 weeks, then 4, 8, 12), so the
 * usual case — a slot in the coming days — costs one small search.
 */
async function firstSlots(db: Database, offerings: OfferingRow[], now: Date, input: SearchSlotsInput): Promise<SlotView[]> {
  const today = localDateOf(now, DEFAULT_ZONE);
  const placeOf = (structureId: string, place: { siteId: string | null; mode: Mode }) =>
    input.perPlace ? `${structureId}|${place.siteId}|${place.mode}` : structureId;
  const found = new Map<string, SlotView>();
  let pending = offerings;
  let from = today;
  for (const days of [14, 28, 56, 85]) {
    if (pending.length === 0) break;
    const to = addDays(from, days - 1);
    const stillPending: OfferingRow[] = [];
    for (const [offering, { slots, places }] of await offeredSlots(db, pending, {
      from,
      to,
      now,
      mode: input.mode,
      siteId: input.site,
    })) {
      for (const slot of slots) {
        const place = placeOf(offering.structureId, slot);
        if (!found.has(place)) found.set(place, toView(slot, offering));
      }
      if (places.some((p) => !found.has(placeOf(offering.structureId, p)))) stillPending.push(offering);
    }
    pending = stillPending;
    from = addDays(to, 1);
    if (epochDay(from) - epochDay(today) >= FIRST_SLOT_HORIZON_DAYS) break;
  }
  return [...found.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

export function toView(slot: Slot, offering: OfferingRow, iso: (instant: Date, zone: string) => string = toZonedIso): SlotView {
  return {
    key: encodeSlotKey({
      offeringId: offering.id,
      advisorId: slot.advisorId,
      siteId: slot.siteId,
      mode: slot.mode,
      start: slot.start,
    }),
    start: iso(slot.start, offering.timeZone),
    end: iso(slot.end, offering.timeZone),
    advisorId: slot.advisorId,
    structureId: offering.structureId,
    siteId: slot.siteId,
    mode: slot.mode,
    seatsLeft: slot.seatsLeft,
  };
}
