import { type Database, type Json, parsed, statement } from "../../db/database.ts";
import type { Prisma, SproRole } from "../../db/generated/client.ts";
import { sortFrench } from "../../domain/french.ts";
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
// service named, then each structure with its network, open sites and offered services.
const STRUCTURES = statement(
  "public-structures",
  `SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM "Commune" WHERE code = $1)) AS "communeKnown",
          ($2::text IS NULL OR EXISTS (SELECT 1 FROM "Service" WHERE slug = $2)) AS "serviceKnown",
          (SELECT coalesce(json_agg(json_build_object(
                    'id', st.id, 'slug', st.slug, 'name', st.name, 'timeZone', st."timeZone",
                    'sproRoles', st."sproRoles", 'description', st.description, 'phone', st.phone,
                    'email', st.email, 'website', st.website,
                    'network', json_build_object('slug', n.slug, 'name', n.name),
                    'sites', (SELECT coalesce(json_agg(json_build_object(
                                       'id', si.id, 'name', si.name, 'address', si.address, 'postcode', si.postcode,
                                       'accessInfo', si."accessInfo", 'phone', si.phone,
                                       'commune', json_build_object('code', c.code, 'name', c.name))
                                       ORDER BY si.name), '[]')
                                FROM "Site" si JOIN "Commune" c ON c.code = si."communeCode"
                               WHERE si."structureId" = st.id AND si.active),
                    'services', (SELECT coalesce(json_agg(sv.slug), '[]')
                                   FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                                  WHERE o."structureId" = st.id AND o.active),
                    'instructions', (SELECT o.instructions
                                       FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                                      WHERE o."structureId" = st.id AND o.active AND sv.slug = $2))
                  ORDER BY st.name), '[]')
             FROM "Structure" st JOIN "Network" n ON n.id = st."networkId" AND n.kind = 'spro'
            WHERE st.active
              AND ($3::uuid IS NULL OR st.id = $3)
              AND ($1::text IS NULL OR EXISTS (
                    SELECT 1 FROM "StructureCommune" sc WHERE sc."structureId" = st.id AND sc."communeCode" = $1))
              AND ($2::text IS NULL OR EXISTS (
                    SELECT 1 FROM "Offering" o JOIN "Service" sv ON sv.id = o."serviceId"
                     WHERE o."structureId" = st.id AND o.active AND sv.slug = $2))
          ) AS structures`,
);

type PublicSite = Prisma.SiteGetPayload<{ select: typeof publicSiteSelect }>;
interface PublicStructure {
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
  sites: PublicSite[];
  services: string[];
  /** What to bring to a meeting of the service asked for; null when none was. */
  instructions: string | null;
}

export async function listStructures({ db, input }: { db: Database; input: ListStructuresInput }): Promise<PublicStructure[]> {
  const [found] = await db.sql.query<{
    communeKnown: boolean;
    serviceKnown: boolean;
    structures: Json<PublicStructure[]>;
  }>(STRUCTURES, [input.commune ?? null, input.service ?? null, input.id ?? null]);
  if (!found?.communeKnown) throw validationError({ commune: `Aucune commune de la région n'a le code INSEE ${input.commune}.` });
  if (!found.serviceKnown) throw validationError({ service: `Aucun service ne s'appelle « ${input.service} ».` });
  const structures = parsed(found.structures);
  return sortFrench(structures, (s) => s.name).map((structure) => ({
    ...structure,
    sites: sortFrench(structure.sites, (site) => site.name),
    services: structure.services.sort(),
  }));
}
