import { getDistance } from "geolib";
import { sortFrench } from "./french.ts";

/** Where a commune or a site is: its administrative levels and, when known, its position (WGS 84). */
export interface Place {
  communeCode: string;
  epciCode: string | null;
  arrondissementCode: string | null;
  departmentCode: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * How close a place is to a person's commune, the closest first. The administrative level comes
 * before the kilometres: a structure of one's own intercommunality is where one's transport,
 * social services and habits lead, even when one across a border is a little nearer as the crow flies.
 */
export const NEARNESS = ["commune", "epci", "arrondissement", "department", "region"] as const;
export type Nearness = (typeof NEARNESS)[number];

export interface Closeness {
  nearness: Nearness;
  /** Straight-line kilometres, rounded to one decimal; null when either position is unknown. */
  distanceKm: number | null;
}

const same = (a: string | null, b: string | null) => a !== null && a === b;

export function closeness(home: Place, place: Place): Closeness {
  const nearness: Nearness =
    home.communeCode === place.communeCode
      ? "commune"
      : same(home.epciCode, place.epciCode)
        ? "epci"
        : same(home.arrondissementCode, place.arrondissementCode)
          ? "arrondissement"
          : home.departmentCode === place.departmentCode
            ? "department"
            : "region";
  return { nearness, distanceKm: distanceKm(home, place) };
}

function distanceKm(a: Place, b: Place): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const metres = getDistance({ latitude: a.latitude, longitude: a.longitude }, { latitude: b.latitude, longitude: b.longitude });
  return Math.round(metres / 100) / 10;
}

/** The closer first: by level, then by distance (an unknown distance after every known one). */
export function compareCloseness(a: Closeness | null, b: Closeness | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  const level = NEARNESS.indexOf(a.nearness) - NEARNESS.indexOf(b.nearness);
  if (level !== 0) return level;
  return (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) || 0;
}

/** The closest of these places (a structure's sites), or null when there is none. */
export function nearestOf(home: Place, places: readonly Place[]): Closeness | null {
  let best: Closeness | null = null;
  for (const place of places) {
    const found = closeness(home, place);
    if (best === null || compareCloseness(found, best) < 0) best = found;
  }
  return best;
}

/**
 * Items (structures) by how close their nearest place is to the person's commune, then by French
 * name; those without a place come last. Each comes back with its closeness.
 */
export function byProximity<T>(
  home: Place,
  items: readonly T[],
  placesOf: (item: T) => readonly Place[],
  name: (item: T) => string,
): { item: T; closeness: Closeness | null }[] {
  const ranked = sortFrench(
    items.map((item) => ({ item, closeness: nearestOf(home, placesOf(item)) })),
    (entry) => name(entry.item),
  );
  // Array.prototype.sort is stable: equally close items keep their French order.
  return ranked.sort((a, b) => compareCloseness(a.closeness, b.closeness));
}

/**
 * Structures that do not serve the person's commune, to call: the nearest first, as the crow
 * flies (an unknown distance last). The administrative level that orders those serving the
 * commune counts for nothing here: none takes the person as a resident, and 25 km in the next
 * département beats 58 km in one's own.
 */
export function byDistance<T extends { closeness: Closeness | null }>(entries: readonly T[]): T[] {
  const km = (entry: T) => entry.closeness?.distanceKm ?? Number.POSITIVE_INFINITY;
  return [...entries].sort((a, b) => km(a) - km(b) || 0);
}
