import type { Database } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
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

export async function listStructures({ db, input }: { db: Database; input: ListStructuresInput }) {
  const [commune, service] = await Promise.all([
    input.commune ? db.prisma.commune.findUnique({ where: { code: input.commune }, select: { code: true } }) : null,
    input.service ? db.prisma.service.findUnique({ where: { slug: input.service }, select: { id: true } }) : null,
  ]);
  if (input.commune && !commune)
    throw validationError({ commune: `Aucune commune de la région n'a le code INSEE ${input.commune}.` });
  if (input.service && !service) throw validationError({ service: `Aucun service ne s'appelle « ${input.service} ».` });

  const structures = await db.prisma.structure.findMany({
    where: {
      active: true,
      network: { kind: "spro" },
      ...(input.id && { id: input.id }),
      ...(commune && { communes: { some: { communeCode: commune.code } } }),
      ...(service && { offerings: { some: { serviceId: service.id, active: true } } }),
    },
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      timeZone: true,
      sproRoles: true,
      description: true,
      phone: true,
      email: true,
      website: true,
      network: { select: { slug: true, name: true } },
      sites: {
        where: { active: true },
        orderBy: { name: "asc" },
        select: publicSiteSelect,
      },
      offerings: {
        where: { active: true },
        select: { service: { select: { slug: true } } },
      },
    },
  });
  return sortFrench(structures, (s) => s.name).map(({ offerings, sites, ...structure }) => ({
    ...structure,
    sites: sortFrench(sites, (site) => site.name),
    services: offerings.map((o) => o.service.slug).sort(),
  }));
}
