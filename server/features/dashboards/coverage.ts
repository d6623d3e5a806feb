import type { Roles } from "../../auth/policy.ts";
import type { StaffDeps } from "../../context.ts";
import type { Database } from "../../db/database.ts";
import { DEFAULT_ZONE, epochDay, firstOfMonthBefore, type LocalDate, localDateOf } from "../../domain/time.ts";
import { AppError, validationError } from "../../errors.ts";

/** How a table of figures is broken down. */
export const BREAKDOWNS = ["territory", "network", "structure", "service", "month"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export interface CoverageQuery {
  from: LocalDate;
  to: LocalDate;
  territory?: string | undefined;
  network?: string | undefined;
  structure?: string | undefined;
  service?: string | undefined;
}

/** A dashboard's filters as asked: without a period, the last three months (defaultPeriod). */
export type CoverageFilters = Omit<CoverageQuery, "from" | "to"> & { from?: LocalDate | undefined; to?: LocalDate | undefined };

export interface Named {
  id: string;
  slug: string;
  name: string;
}

export interface CoveredStructure {
  id: string;
  name: string;
  networkId: string;
  /** The territories its sites stand in, among those the user follows. */
  territoryIds: string[];
  /** The services it offers (or offered). */
  serviceIds: string[];
}

/** What a user's figures cover: the structures (after the filters), the service, the period. */
export interface Coverage {
  from: LocalDate;
  to: LocalDate;
  structures: Map<string, CoveredStructure>;
  service: Named | undefined;
  territories: Map<string, Named>;
  networks: Map<string, Named>;
  services: Map<string, Named>;
  /** Every structure's name (a referral may come from a partner outside the coverage). */
  structureNames: Map<string, string>;
  /** Structures of partner networks (CCAS, centres sociaux…): they refer, they have no calendar. */
  partnerIds: Set<string>;
  /** The territories (among those shown) where a meeting or a range of a place counts. */
  territoriesOf: (place: { structureId: string; siteId: string | null }) => string[];
  /** Whether a meeting or a range of a place counts in these figures. */
  includes: (place: { structureId: string; siteId: string | null }) => boolean;
}

/** Longest period asked at once: two years. */
const MAX_DAYS = 731;

/**
 * A meeting counts in the territory of its site; a phone or video one, in the territory of its
 * structure's head site (the first active site by name), so that each counts once. A
 * coordinator follows the structures with a site in their territories, and of those only what
 * happens in their territories; the Région, every SPRO structure.
 */
async function structuresOf(db: Database, roles: Roles) {
  const [structures, placed, territories, networks, services] = await Promise.all([
    db.prisma.structure.findMany({
      where: { network: { kind: "spro" } },
      select: {
        id: true,
        name: true,
        networkId: true,
        sites: { select: { id: true }, orderBy: [{ active: "desc" }, { name: "asc" }], take: 1 },
        offerings: { select: { serviceId: true } },
      },
    }),
    db.prisma.$queryRaw<{ structureId: string; siteId: string; territoryId: string }[]>`
      SELECT s."structureId", s.id AS "siteId", tc."territoryId"
        FROM "Site" s JOIN "TerritoryCommune" tc ON tc."communeCode" = s."communeCode"`,
    db.prisma.territory.findMany({
      where: roles.regionalAdmin ? {} : { id: { in: [...roles.territories] } },
      select: { id: true, slug: true, name: true },
    }),
    db.prisma.network.findMany({ where: { kind: "spro" }, select: { id: true, slug: true, name: true } }),
    db.prisma.service.findMany({ select: { id: true, slug: true, name: true }, orderBy: { position: "asc" } }),
  ]);
  const followed = new Set(territories.map((t) => t.id));
  const territoriesOf = new Map<string, string[]>();
  const siteTerritories = new Map<string, string[]>();
  for (const { structureId, siteId, territoryId } of placed) {
    if (!followed.has(territoryId)) continue;
    const ofStructure = territoriesOf.get(structureId) ?? [];
    if (!ofStructure.includes(territoryId)) territoriesOf.set(structureId, [...ofStructure, territoryId]);
    siteTerritories.set(siteId, [...(siteTerritories.get(siteId) ?? []), territoryId]);
  }
  const headSite = new Map(structures.map((s) => [s.id, s.sites[0]?.id]));
  const visible = structures
    .map(({ sites: _, offerings, ...s }) => ({
      ...s,
      serviceIds: offerings.map((o) => o.serviceId),
      territoryIds: territoriesOf.get(s.id) ?? [],
    }))
    .filter((s) => roles.regionalAdmin || s.territoryIds.length > 0);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  return {
    structures: visible,
    placeTerritories: (place: { structureId: string; siteId: string | null }) =>
      siteTerritories.get(place.siteId ?? headSite.get(place.structureId) ?? "") ?? [],
    territories: byId(territories),
    networks: byId(networks),
    services: byId(services),
    all: await db.prisma.structure.findMany({ select: { id: true, name: true, network: { select: { kind: true } } } }),
  };
}

/** What the filters may offer this user, and the period shown when none is asked for. */
export async function coverageChoices(db: Database, roles: Roles, period: { from: LocalDate; to: LocalDate }) {
  const { structures, territories, networks, services } = await structuresOf(db, roles);
  const byName = <T extends { name: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return {
    territories: byName(territories.values()),
    networks: byName([...networks.values()].filter((n) => structures.some((s) => s.networkId === n.id))),
    structures: byName(structures),
    services: [...services.values()],
    period,
  };
}

/**
 * The coverage of a request: unknown names are a 422 naming the filter; a territory or structure
 * the user does not follow is a 404, as if it did not exist.
 */
export async function resolveCoverage(db: Database, roles: Roles, query: CoverageQuery): Promise<Coverage> {
  if (query.from > query.to) throw validationError({ to: "La fin de la période précède son début." });
  if (epochDay(query.to) - epochDay(query.from) >= MAX_DAYS)
    throw validationError({ to: "La période ne peut dépasser deux ans." });
  const { structures, territories, networks, services, all, placeTerritories } = await structuresOf(db, roles);
  const bySlug = <T extends Named>(map: Map<string, T>, slug: string | undefined) =>
    slug === undefined ? undefined : [...map.values()].find((x) => x.slug === slug);

  const fields: Record<string, string> = {};
  const service = bySlug(services, query.service);
  if (query.service && !service) fields.service = `Aucun service ne s'appelle « ${query.service} ».`;
  const network = bySlug(networks, query.network);
  if (query.network && !network) fields.network = `Aucun réseau ne s'appelle « ${query.network} ».`;
  if (Object.keys(fields).length) throw validationError(fields);

  const territory = bySlug(territories, query.territory);
  if (query.territory && !territory) throw new AppError("NOT_FOUND", "Territoire introuvable.");
  if (query.structure && !structures.some((s) => s.id === query.structure))
    throw new AppError("NOT_FOUND", "Structure introuvable.");

  const kept = structures.filter(
    (s) =>
      (!territory || s.territoryIds.includes(territory.id)) &&
      (!network || s.networkId === network.id) &&
      (!query.structure || s.id === query.structure) &&
      // With a service chosen, the structures that never offered it are no rows of zeros.
      (!service || s.serviceIds.includes(service.id)),
  );
  const keptIds = new Set(kept.map((s) => s.id));
  // A territory filter narrows the rows « par territoire » to that one.
  const shown = territory ? new Map([[territory.id, territory]]) : territories;
  const territoriesOf = (place: { structureId: string; siteId: string | null }) =>
    placeTerritories(place).filter((id) => shown.has(id));
  return {
    from: query.from,
    to: query.to,
    structures: new Map(kept.map((s) => [s.id, s])),
    service,
    territories: shown,
    networks,
    services,
    structureNames: new Map(all.map((s) => [s.id, s.name])),
    partnerIds: new Set(all.flatMap((s) => (s.network.kind === "partner" ? [s.id] : []))),
    territoriesOf,
    // The Région sees all of a structure; a coordinator, or a territory chosen, what happens there.
    includes: (place) =>
      keptIds.has(place.structureId) && ((roles.regionalAdmin && !territory) || territoriesOf(place).length > 0),
  };
}

/** The period shown when none is asked for: the current month and the two before it. */
export function defaultPeriod(now: Date, to?: LocalDate) {
  const end = to ?? localDateOf(now, DEFAULT_ZONE);
  return { from: firstOfMonthBefore(end, 2), to: end };
}

/** The coverage of a dashboard's request by this user, its period completed by default. */
export async function coverageOf({ db, clock, scope }: StaffDeps, query: CoverageFilters): Promise<Coverage> {
  const period = defaultPeriod(clock.now(), query.to);
  return resolveCoverage(db, scope.roles, { ...query, from: query.from ?? period.from, to: period.to });
}
