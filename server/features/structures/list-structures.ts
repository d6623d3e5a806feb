import { type Database, type Json, parsed, statement } from "../../db/database.ts";
import type { Prisma, SproRole } from "../../db/generated/client.ts";
import { sortFrench } from "../../domain/french.ts";
import { byDistance, byProximity, type Place } from "../../domain/proximity.ts";
import { validationError } from "../../errors.ts";

/** A place of a structure as the public sees it (PublicSite in routes.ts). */
export const publicSiteSelect = {
  id: true,
  name: true,
  address: true,
  postcode: true,
  accessInfo: true,
  phone: true,
  commune: { select: { code: true, name: true } },
} as const satisfies Prisma.SiteSelect;

export interface ListStructuresInput {
  /** INSEE code: only the structures that serve this commune. */
  commune?: string | undefined;
  /** Service slug: only the structures that offer it. */
  service?: string | undefined;
  /** One structure. */
  id?: string | undefined;
}

// The public directory's most read answer, in one statement: the checks of the commune and
// service named, the commune's place, then each structure with its network, open sites (and their
// places) and offered services, and whether it serves the commune. Those that do not are read too:
// when none serves it, the nearest of them are the person's way out.
const STRUCTURES = statement(
  "public-structures",
  `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM "Commune" WHERE code = $1)) AS "communeKnown",
          ($2::text IS NULL OR EXISTS (SELECT 1 FROM "Service" WHERE slug = $2)) AS "serviceKnown",
          (SELECT json_build_object('communeCode', code, 'epciCode', "epciCode", 'arrondissementCode', "arrondissementCode",
                                    'departmentCode', "departmentCode", 'latitude', latitude, 'longitude', longitude)
             FROM "Commune" WHERE code = $1) AS home,
          (SELECT coalesce(json_agg(json_build_object(
                    'id', st.id, 'slug', st.slug, 'name', st.name, 'timeZone', st."timeZone",
                    'sproRoles', st."sproRoles", 'description', st.description, 'phone', st.phone,
                    'email', st.email, 'website', st.website,
                    'network', json_build_object('slug', n.slug, 'name', n.name),
                    'servesCommune', $1::text IS NULL OR EXISTS (
                        SELECT 1 FROM "StructureCommune" sc WHERE sc."structureId" = st.id AND sc."communeCode" = $1),
                    'sites', (SELECT coalesce(json_agg(json_build_object(
                                       'id', si.id, 'name', si.name, 'address', si.address, 'postcode', si.postcode,
                                       'accessInfo', si."accessInfo", 'phone', si.phone,
                                       'commune', json_build_object('code', c.code, 'name', c.name),
                                       'place', json_build_object(
                                         'communeCode', c.code, 'epciCode', c."epciCode",
                                         'arrondissementCode', c."arrondissementCode", 'departmentCode', c."departmentCode",
                                         'latitude', CASE WHEN si.latitude IS NULL THEN c.latitude ELSE si.latitude END,
                                         'longitude', CASE WHEN si.latitude IS NULL THEN c.longitude ELSE si.longitude END))
                                       ORDER BY si.name), '[]')
                                FROM "Site" si JOIN "Commune" c ON c.code = si."communeCode"
                               WHERE si."structureId" = st.id AND si.active),
                    'services', (SELECT coalesce(json_agg(sv.slug), '[]')
                                   FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                                  WHERE o."structureId" = st.id AND o.active),
                    'instructions', (SELECT o.instructions
                                       FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                                      WHERE o."structureId" = st.id AND o.active AND sv.slug = $2),
                    'waitlist', EXISTS (SELECT 1
                                          FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                                         WHERE o."structureId" = st.id AND o.active AND sv.slug = $2
                                           AND o."bookableBy" = 'public' AND o.seats = 1))
                  ORDER BY st.name), '[]')
             FROM "Structure" st JOIN "Network" n ON n.id = st."networkId" AND n.kind = 'spro'
            WHERE st.active
              AND ($3::uuid IS NULL OR st.id = $3)
              AND ($2::text IS NULL OR EXISTS (
                    SELECT 1 FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                     WHERE o."structureId" = st.id AND o.active AND sv.slug = $2))
          ) AS structures`,
);

/** Structures offered as a way out when none serves the commune: enough to choose, few enough to read. */
export const NEARBY_STRUCTURES = 3;

type PublicSite = Prisma.SiteGetPayload<{ select: typeof publicSiteSelect }>;
interface StructureRow {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  sproRoles: SproRole[];
  description: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  network: { slug: string; name: string };
  /** True without a commune. */
  servesCommune: boolean;
  sites: (PublicSite & { place: Place })[];
  services: string[];
  /** What to bring to a meeting of the service asked for; null when none was. */
  instructions: string | null;
  waitlist: boolean;
}

/**
 * The structures that serve the commune (all without one), with their closeness to it, the closest
 * first (domain/proximity.ts); and, when none of them offers the service asked for, the nearest
 * structures that offer it elsewhere (`nearby`, not serving the commune).
 */
export async function listStructures({ db, input }: { db: Database; input: ListStructuresInput }) {
  const [found] = await db.sql.query<{
    communeKnown: boolean;
    serviceKnown: boolean;
    home: Json<Place> | null;
    structures: Json<StructureRow[]>;
  }>(STRUCTURES, [input.commune ?? null, input.service ?? null, input.id ?? null]);
  if (!found?.communeKnown) throw validationError({ commune: `Aucune commune de la région n'a le code INSEE ${input.commune}.` });
  if (!found.serviceKnown) throw validationError({ service: `Aucun service ne s'appelle « ${input.service} ».` });
  const home = found.home === null ? null : parsed(found.home);
  const rows = parsed(found.structures);
  const ranked = home
    ? byProximity(
        home,
        rows,
        (s) => s.sites.map((site) => site.place),
        (s) => s.name,
      )
    : sortFrench(rows, (s) => s.name).map((item) => ({ item, closeness: null }));
  const view = ({ item, closeness }: (typeof ranked)[number]) => ({
    ...item,
    closeness,
    sites: sortFrench(
      item.sites.map(({ place: _, ...site }) => site),
      (site) => site.name,
    ),
    services: item.services.sort(),
  });
  const structures = ranked.filter((r) => r.item.servesCommune).map(view);
  const nearby =
    structures.length === 0 && input.service && home
      ? byDistance(ranked.filter((r) => !r.item.servesCommune))
          .slice(0, NEARBY_STRUCTURES)
          .map(view)
      : [];
  return { structures, nearby };
}
