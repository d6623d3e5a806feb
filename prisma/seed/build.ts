import type { Prisma } from "../../server/db/generated/client.ts";
import { buildStaff } from "./advisors.ts";
import { rulesFor } from "./availability.ts";
import { closuresFor } from "./closures.ts";
import { type CommuneIndex, loadCommunes } from "./communes.ts";
import { stableUuid } from "./ids.ts";
import { NETWORKS } from "./networks.ts";
import { offeringsFor, type ResolvedOffering } from "./offerings.ts";
import { randomFor } from "./random.ts";
import { FAQ, ROUTING_RULES } from "./routing.ts";
import { SERVICES } from "./services.ts";
import { type Sectorisation, STRUCTURES, type StructureDef } from "./structures/index.ts";
import { TERRITORIES, territoryCommunes } from "./territories.ts";

/** Every row of the demo directory, in insertion order (parents before children). */
export interface DemoData {
  communes: Prisma.CommuneCreateManyInput[];
  territories: Prisma.TerritoryCreateManyInput[];
  territoryCommunes: Prisma.TerritoryCommuneCreateManyInput[];
  networks: Prisma.NetworkCreateManyInput[];
  services: Prisma.ServiceCreateManyInput[];
  structures: Prisma.StructureCreateManyInput[];
  structureCommunes: Prisma.StructureCommuneCreateManyInput[];
  sites: Prisma.SiteCreateManyInput[];
  offerings: Prisma.OfferingCreateManyInput[];
  staffUsers: Prisma.StaffUserCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  territoryCoordinators: Prisma.TerritoryCoordinatorCreateManyInput[];
  availabilityRules: Prisma.AvailabilityRuleCreateManyInput[];
  availabilityRuleOfferings: Prisma.AvailabilityRuleOfferingCreateManyInput[];
  closures: Prisma.ClosureCreateManyInput[];
  routingRules: Prisma.RoutingRuleCreateManyInput[];
  faqEntries: Prisma.FaqEntryCreateManyInput[];
}

/** `createdAt` of the demo rows: fixed, so that two runs write identical rows. */
const CREATED_AT = new Date("2026-01-02T08:00:00.000Z");

/** A `@db.Date` value: midnight UTC of that calendar day. */
const day = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);

export const ids = {
  territory: (slug: string) => stableUuid("territory", slug),
  network: (slug: string) => stableUuid("network", slug),
  service: (slug: string) => stableUuid("service", slug),
  structure: (slug: string) => stableUuid("structure", slug),
  site: (structureSlug: string, key: string) => stableUuid("site", structureSlug, key),
  offering: (structureSlug: string, serviceSlug: string) => stableUuid("offering", structureSlug, serviceSlug),
};

/** Pure: the same rows on every call, whatever the date or the machine. */
export function buildDemoData(): DemoData {
  const communes = loadCommunes();
  const territoryCodes = territoryCommunes(communes);
  const offeringsBySlug = new Map(STRUCTURES.map((s) => [s.slug, offeringsFor(s.network, s.offerings)]));
  const structureBySlug = new Map(STRUCTURES.map((s) => [s.slug, s]));
  const staff = buildStaff(STRUCTURES);

  const availabilityRules: Prisma.AvailabilityRuleCreateManyInput[] = [];
  const availabilityRuleOfferings: Prisma.AvailabilityRuleOfferingCreateManyInput[] = [];
  for (const post of staff.posts) {
    const structure = structureBySlug.get(post.structureSlug) as StructureDef;
    for (const rule of rulesFor(post, structure, offeringsBySlug.get(structure.slug) ?? [])) {
      const id = stableUuid("rule", post.email, structure.slug, rule.key);
      availabilityRules.push({
        id,
        advisorId: post.userId,
        structureId: ids.structure(structure.slug),
        siteId: rule.siteKey === null ? null : ids.site(structure.slug, rule.siteKey),
        modes: rule.modes,
        weekdays: rule.weekdays,
        startTime: rule.startTime,
        endTime: rule.endTime,
        validFrom: day(rule.validFrom),
        validUntil: rule.validUntil === null ? null : day(rule.validUntil),
        everyWeeks: rule.everyWeeks,
        onHolidays: false,
        createdAt: CREATED_AT,
      });
      for (const service of rule.services)
        availabilityRuleOfferings.push({ ruleId: id, offeringId: ids.offering(structure.slug, service) });
    }
  }

  return {
    communes: communes.all.map((c) => ({ ...c })),
    territories: TERRITORIES.map((t) => ({ id: ids.territory(t.slug), slug: t.slug, name: t.name, createdAt: CREATED_AT })),
    territoryCommunes: TERRITORIES.flatMap((t) =>
      (territoryCodes.get(t.slug) ?? []).map((communeCode) => ({ territoryId: ids.territory(t.slug), communeCode })),
    ),
    networks: NETWORKS.map((n) => ({
      id: ids.network(n.slug),
      slug: n.slug,
      name: n.name,
      kind: n.kind,
      description: n.description,
    })),
    services: SERVICES.map((s, position) => ({
      id: ids.service(s.slug),
      slug: s.slug,
      name: s.name,
      description: s.description,
      position,
    })),
    structures: STRUCTURES.map(structureRow),
    structureCommunes: STRUCTURES.flatMap((s) =>
      sectorCodes(s.serves, communes, territoryCodes).map((communeCode) => ({ structureId: ids.structure(s.slug), communeCode })),
    ),
    sites: STRUCTURES.flatMap((s) => siteRows(s, communes)),
    offerings: STRUCTURES.flatMap((s) => (offeringsBySlug.get(s.slug) ?? []).map((o) => offeringRow(s.slug, o))),
    staffUsers: staff.users.map((u) => ({ ...u, createdAt: CREATED_AT })),
    memberships: staff.memberships.map((m) => ({
      id: stableUuid("membership", m.userId, m.structureSlug, m.role),
      userId: m.userId,
      structureId: ids.structure(m.structureSlug),
      role: m.role,
    })),
    territoryCoordinators: staff.coordinators.map((c) => ({ userId: c.userId, territoryId: ids.territory(c.territorySlug) })),
    availabilityRules,
    availabilityRuleOfferings,
    closures: closuresFor(STRUCTURES.map((s) => s.slug)).map((c) => {
      if (!structureBySlug.has(c.structureSlug)) throw new Error(`Fermeture d'une structure inconnue : ${c.structureSlug}`);
      return {
        id: stableUuid("closure", c.structureSlug, c.siteKey ?? "*", c.startDate),
        structureId: ids.structure(c.structureSlug),
        siteId: c.siteKey ? ids.site(c.structureSlug, c.siteKey) : null,
        startDate: day(c.startDate),
        endDate: day(c.endDate),
        reason: c.reason,
      };
    }),
    routingRules: ROUTING_RULES.map((r, index) => ({
      id: stableUuid("routing-rule", r.key),
      position: index * 10,
      ageBands: r.ageBands ?? [],
      situations: r.situations ?? [],
      needs: r.needs ?? [],
      disability: r.disability ?? null,
      networkId: ids.network(r.network),
      serviceId: r.service ? ids.service(r.service) : null,
      reason: r.reason,
      fallback: r.fallback ?? false,
      updatedAt: CREATED_AT,
    })),
    faqEntries: FAQ.map((f, index) => ({
      id: stableUuid("faq", f.slug),
      slug: f.slug,
      position: index * 10,
      question: f.question,
      answer: f.answer,
      need: f.need ?? null,
      serviceId: f.service ? ids.service(f.service) : null,
      updatedAt: CREATED_AT,
    })),
  };
}

function structureRow(s: StructureDef): Prisma.StructureCreateManyInput {
  return {
    id: ids.structure(s.slug),
    slug: s.slug,
    name: s.name,
    networkId: ids.network(s.network),
    sproRoles: s.roles,
    description: s.description,
    phone: fictionalPhone(s.slug),
    email: `contact@${s.slug}.demo.example`,
    website: `https://${s.slug}.demo.example`,
    createdAt: CREATED_AT,
  };
}

function siteRows(s: StructureDef, communes: CommuneIndex): Prisma.SiteCreateManyInput[] {
  return s.sites.map((site) => {
    const communeCode = communes.codeOf(site.commune);
    const commune = communes.byCode.get(communeCode);
    if (!commune?.postcodes.includes(site.postcode)) {
      throw new Error(
        `${s.slug}/${site.key} : le code postal ${site.postcode} n'est pas un code de ${site.commune} (${commune?.postcodes.join(", ")})`,
      );
    }
    return {
      id: ids.site(s.slug, site.key),
      structureId: ids.structure(s.slug),
      name: site.name,
      address: site.address,
      postcode: site.postcode,
      communeCode,
      accessInfo: site.access,
      // The town centre of its commune: real, within a kilometre or two of the address, which is
      // enough to tell a person how far a site is.
      latitude: commune.latitude,
      longitude: commune.longitude,
      // Main sites have their own line; antennas are reached through the structure's.
      phone: site.phone ?? (site.key === s.sites[0]?.key ? fictionalPhone(`${s.slug}/${site.key}`) : null),
    };
  });
}

function offeringRow(structureSlug: string, o: ResolvedOffering): Prisma.OfferingCreateManyInput {
  return {
    id: ids.offering(structureSlug, o.serviceSlug),
    structureId: ids.structure(structureSlug),
    serviceId: ids.service(o.serviceSlug),
    durationMinutes: o.durationMinutes,
    bufferMinutes: o.bufferMinutes,
    modes: [...o.modes],
    minNoticeMinutes: o.minNoticeMinutes,
    horizonDays: o.horizonDays,
    bookableBy: o.bookableBy,
    minAge: o.minAge,
    maxAge: o.maxAge,
    situations: [...o.situations],
    seats: o.seats,
    reminderPlan: [...o.reminderPlan],
    instructions: o.instructions,
  };
}

/** The INSEE codes a structure serves, sorted; throws on a name or area that does not exist. */
export function sectorCodes(
  serves: Sectorisation,
  communes: CommuneIndex,
  territoryCodes: ReadonlyMap<string, string[]>,
): string[] {
  const codes = new Set<string>();
  const add = (list: Iterable<string>) => {
    for (const code of list) codes.add(code);
  };
  if (serves.region) add(communes.byCode.keys());
  for (const department of serves.departments ?? []) add(communes.inDepartment(department));
  for (const slug of serves.territories ?? []) {
    const list = territoryCodes.get(slug);
    if (!list) throw new Error(`Territoire inconnu : ${slug}`);
    add(list);
  }
  for (const epci of serves.epcis ?? []) add(communes.inEpci(epci));
  for (const name of serves.communes ?? []) codes.add(communes.codeOf(name));
  for (const name of serves.except ?? []) codes.delete(communes.codeOf(name));
  if (codes.size === 0) throw new Error("Sectorisation vide");
  return [...codes].sort();
}

/**
 * A number from the range ARCEP reserves for fiction (03 53 01 00 00 – 03 53 01 99 99 in the
 * north-east), so that nobody real is called from the demo.
 */
function fictionalPhone(key: string): string {
  const random = randomFor(`phone:${key}`);
  const pair = () => String(random.int(0, 99)).padStart(2, "0");
  return `03 53 01 ${pair()} ${pair()}`;
}
