import type { Database } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import type { Place } from "../../domain/proximity.ts";

// Where a person's commune and a structure's sites are, for the closeness rule (domain/proximity.ts).

const communePlaceSelect = {
  code: true,
  epciCode: true,
  arrondissementCode: true,
  departmentCode: true,
  latitude: true,
  longitude: true,
} as const satisfies Prisma.CommuneSelect;

/** The person's commune as a place, or null when no commune of the region has this code. */
export async function homeOf(db: Database, code: string): Promise<Place | null> {
  const commune = await db.prisma.commune.findUnique({ where: { code }, select: communePlaceSelect });
  return commune && { communeCode: commune.code, ...commune };
}

/** What a site's place is read from. */
export const sitePlaceSelect = {
  latitude: true,
  longitude: true,
  commune: { select: communePlaceSelect },
} as const satisfies Prisma.SiteSelect;

type PlacedSite = Prisma.SiteGetPayload<{ select: typeof sitePlaceSelect }>;

/** A site without coordinates of its own is placed at its commune's. */
export function placeOf(site: PlacedSite): Place {
  const { code, latitude, longitude, ...levels } = site.commune;
  const own = site.latitude !== null && site.longitude !== null;
  return {
    communeCode: code,
    ...levels,
    latitude: own ? site.latitude : latitude,
    longitude: own ? site.longitude : longitude,
  };
}
