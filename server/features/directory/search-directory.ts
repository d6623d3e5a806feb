import type { Clock } from "../../clock.ts";
import { type Database, literally } from "../../db/database.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { sortFrench } from "../../domain/french.ts";
import { openingHours } from "../../domain/opening-hours.ts";
import { byProximity } from "../../domain/proximity.ts";
import { DEFAULT_ZONE, localDateOf } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";
import { rangeTimesSelect, workingAdvisor } from "../slots/load-availability.ts";
import { publicSiteSelect } from "../structures/list-structures.ts";
import { homeOf, placeOf, sitePlaceSelect } from "../structures/places.ts";
import { nextSlotsOf } from "./next-availability.ts";

export const PAGE_SIZE = 20;

export interface SearchDirectoryInput {
  /** INSEE code: the structures that serve this commune. */
  commune?: string | undefined;
  /** Network slug (a SPRO network). */
  network?: string | undefined;
  /** Service slug: the structures that offer it. */
  service?: string | undefined;
  /** Territory slug: the structures with a site in it, or serving one of its communes. */
  territory?: string | undefined;
  /** Free text, looked for in the structure's name. */
  q?: string | undefined;
  page?: number | undefined;
}

/**
 * « Où s'adresser ? »: the structures of the SPRO (never the partners, who have no calendar)
 * that match every filter given, the nearest to the commune first (by French alphabetical order
 * without one), a page at a time. An unknown
 * commune, network, service or territory is a 422 naming it: a mistyped link says so instead
 * of showing an empty directory.
 */
export async function searchDirectory({ db, clock, input }: { db: Database; clock: Clock; input: SearchDirectoryInput }) {
  const p = db.prisma;
  const [commune, network, service, territory] = await Promise.all([
    input.commune ? p.commune.findUnique({ where: { code: input.commune }, select: { code: true, name: true } }) : null,
    input.network ? p.network.findFirst({ where: { slug: input.network, kind: "spro" }, select: { id: true } }) : null,
    input.service ? p.service.findUnique({ where: { slug: input.service }, select: { id: true } }) : null,
    input.territory
      ? p.territory.findUnique({ where: { slug: input.territory }, select: { communes: { select: { communeCode: true } } } })
      : null,
  ]);
  const unknown: Record<string, string> = {};
  if (input.commune && !commune) unknown.commune = `Aucune commune de la région n'a le code INSEE ${input.commune}.`;
  if (input.network && !network) unknown.network = `Aucun réseau du SPRO ne s'appelle « ${input.network} ».`;
  if (input.service && !service) unknown.service = `Aucun service ne s'appelle « ${input.service} ».`;
  if (input.territory && !territory) unknown.territory = `Aucun territoire ne s'appelle « ${input.territory} ».`;
  if (Object.keys(unknown).length > 0) throw validationError(unknown);

  const territoryCodes = territory?.communes.map((c) => c.communeCode);
  const text = input.q?.trim();
  const where: Prisma.StructureWhereInput = {
    active: true,
    network: { kind: "spro" },
    ...(network && { networkId: network.id }),
    ...(commune && { communes: { some: { communeCode: commune.code } } }),
    ...(service && { offerings: { some: { serviceId: service.id, active: true } } }),
    ...(text && { name: { contains: literally(text), mode: "insensitive" } }),
    ...(territoryCodes && {
      OR: [
        { sites: { some: { active: true, communeCode: { in: territoryCodes } } } },
        { communes: { some: { communeCode: { in: territoryCodes } } } },
      ],
    }),
  };
  // The French order is not the database's: sort the names here (the nearest first for a
  // commune: domain/proximity.ts), then load one page in full.
  const found = await p.structure.findMany({
    where,
    select: { id: true, name: true, sites: { where: { active: true }, select: sitePlaceSelect } },
  });
  const home = commune ? await homeOf(db, commune.code) : null;
  const matching = home
    ? byProximity(
        home,
        found,
        (s) => s.sites.map(placeOf),
        (s) => s.name,
      ).map((r) => r.item)
    : sortFrench(found, (s) => s.name);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = input.page ?? 1;
  const ids = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((s) => s.id);
  const structures = await loadEntries(db, clock, ids, commune?.code);
  return { structures, total: matching.length, page, pages, pageSize: PAGE_SIZE };
}

/** One structure of the SPRO by its stable slug, for the page a partner site links to; 404 otherwise. */
export async function directoryStructure({
  db,
  clock,
  slug,
  commune,
}: {
  db: Database;
  clock: Clock;
  slug: string;
  commune?: string | undefined;
}) {
  const found = await db.prisma.structure.findFirst({
    where: { slug, active: true, network: { kind: "spro" } },
    select: { id: true },
  });
  if (!found)
    throw new AppError("NOT_FOUND", `Aucune structure du service public de l'orientation ne porte l'identifiant « ${slug} ».`);
  // The booking links go straight to the structure's slots only for a commune it serves.
  const served = commune
    ? await db.prisma.structureCommune.findUnique({
        where: { structureId_communeCode: { structureId: found.id, communeCode: commune } },
        select: { communeCode: true },
      })
    : null;
  const [structure] = await loadEntries(db, clock, [found.id], served?.communeCode);
  if (!structure) throw new AppError("NOT_FOUND", "Structure introuvable.");
  return structure;
}

/**
 * Everything the directory says of these structures, in the order of `ids`: places with their
 * opening hours, services with their next free slot and booking link.
 */
async function loadEntries(db: Database, clock: Clock, ids: string[], commune: string | undefined) {
  if (ids.length === 0) return [];
  const now = clock.now();
  const today = new Date(`${localDateOf(now, DEFAULT_ZONE)}T00:00:00Z`);
  const [rows, ranges, nextSlots] = await Promise.all([
    db.prisma.structure.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        slug: true,
        name: true,
        description: true,
        sproRoles: true,
        phone: true,
        email: true,
        website: true,
        network: { select: { slug: true, name: true } },
        sites: {
          where: { active: true },
          select: publicSiteSelect,
        },
        offerings: {
          where: { active: true },
          select: { id: true, bookableBy: true, service: { select: { slug: true, name: true, position: true } } },
        },
      },
    }),
    // The ranges in force today of the advisors who still work there (as the slot search reads them).
    db.prisma.availabilityRule.findMany({
      where: {
        structureId: { in: ids },
        validFrom: { lte: today },
        OR: [{ validUntil: null }, { validUntil: { gte: today } }],
        advisor: workingAdvisor(ids),
      },
      select: { structureId: true, siteId: true, ...rangeTimesSelect },
    }),
    nextSlotsOf(db, now, ids),
  ]);
  // A single date added to the calendar is not part of the week's hours.
  const weekly = ranges.filter((r) => r.validUntil === null || r.validUntil.getTime() !== r.validFrom.getTime());
  const byId = new Map(rows.map((row) => [row.id, row]));

  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { offerings, sites, ...structure } = row;
    const services = offerings
      .sort((a, b) => a.service.position - b.service.position || a.service.name.localeCompare(b.service.name, "fr"))
      .map(({ id: offeringId, bookableBy, service }) => {
        const next = nextSlots.get(offeringId);
        return {
          slug: service.slug,
          name: service.name,
          bookableOnline: bookableBy === "public",
          nextSlot: next?.start ?? null,
          bookingPath: bookableBy === "public" ? bookingPath(service.slug, commune, structure.id) : null,
          nextAt: next?.at,
        };
      });
    const first = services.reduce<(typeof services)[number] | undefined>(
      (best, s) => (s.nextAt !== undefined && (best?.nextAt === undefined || s.nextAt < best.nextAt) ? s : best),
      undefined,
    );
    const remote = weekly.filter((r) => r.structureId === id && r.siteId === null);
    return [
      {
        ...structure,
        path: `/structures/${structure.slug}`,
        sites: sortFrench(sites, (site) => site.name).map((site) => ({
          ...site,
          openingHours: openingHours(weekly.filter((r) => r.siteId === site.id && r.modes.includes("onsite"))),
        })),
        remoteHours: openingHours(remote),
        services: services.map(({ nextAt: _, ...service }) => service),
        nextAvailability: first?.nextSlot ? { start: first.nextSlot, service: { slug: first.slug, name: first.name } } : null,
      },
    ];
  });
}

/**
 * The booking page's address (web/src/pages/booking/booking-href.ts, parameters in its order).
 * With the person's commune it opens on this structure's slots; without, on the choice of the
 * commune, since the structures a person may book depend on where they live.
 */
export function bookingPath(service: string, commune: string | undefined, structureId: string): string {
  const params = new URLSearchParams({ service });
  if (commune) {
    params.set("commune", commune);
    params.set("structure", structureId);
  }
  return `/rendez-vous?${params}`;
}

export type DirectoryEntry = Awaited<ReturnType<typeof directoryStructure>>;
