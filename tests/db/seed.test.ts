import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildDemoData,
  DEMO_DPO_CONTACT,
  DEMO_LEGAL_NOTICE,
  type SeedCounts,
  seedDemo,
  TABLES,
} from "../../prisma/seed/index.ts";
import type { Database } from "../../server/db/database.ts";
import { createTestDatabase } from "../helpers/db.ts";

// The reference is read straight from etalab, not through the seed's own loader.
const require = createRequire(import.meta.url);
const etalab = (
  require("@etalab/decoupage-administratif/data/communes.json") as {
    code: string;
    type: string;
    region?: string;
    codesPostaux?: string[];
  }[]
).filter((c) => c.region === "32" && c.type === "commune-actuelle");
const postcodesOf = new Map(etalab.map((c) => [c.code, c.codesPostaux ?? []]));

/** The SPRO networks DESIGN.md names, then the partners it names. */
const DESIGN_NETWORKS = {
  spro: [
    "apec",
    "cap-emploi",
    "cibc",
    "cio",
    "eif",
    "transitions-pro",
    "missions-locales",
    "opacif",
    "france-travail",
    "information-jeunesse",
    "universites",
    "pic-vae",
  ],
  partner: ["ccas", "centres-sociaux", "psad", "referents-rsa"],
};

let db: Database;
let first: SeedCounts;
let second: SeedCounts;

beforeAll(async () => {
  db = await createTestDatabase();
  first = await seedDemo(db);
  second = await seedDemo(db);
});

afterAll(async () => {
  await db?.close();
});

describe("demo directory seed", () => {
  it("is idempotent: a second run adds nothing", () => {
    expect(second).toEqual(first);
  });

  it("gives the demo a data protection officer's contact and a legal notice, never over the Région's choice", async () => {
    expect(await db.prisma.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      dpoContact: DEMO_DPO_CONTACT,
      ...DEMO_LEGAL_NOTICE,
    });
    // The Région emptied it (an audited change): seeding again leaves it empty.
    await db.prisma.platformSettings.update({ where: { id: 1 }, data: { dpoContact: "" } });
    const actor = await db.prisma.staffUser.findFirstOrThrow({ select: { id: true } });
    await db.prisma.auditEvent.create({
      data: { actorId: actor.id, action: "settings.update", entity: "PlatformSettings", entityId: "1", at: new Date() },
    });
    await seedDemo(db);
    expect((await db.prisma.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).dpoContact).toBe("");
  });

  it("stores every row as built: dates, arrays, enums and empty values read back unchanged", async () => {
    const data = buildDemoData();
    for (const [list, table] of Object.entries(TABLES) as [keyof typeof data, string][]) {
      const model = `${table[0]?.toLowerCase()}${table.slice(1)}`;
      // Read back through Prisma, as the app reads them (a model missing reads as no row).
      const delegates = db.prisma as unknown as Record<string, { findMany(): Promise<Record<string, unknown>[]> } | undefined>;
      const stored = (await delegates[model]?.findMany()) ?? [];
      // Each built row, and the stored rows seen through the same columns.
      const seen = new Map<string, Set<string>>();
      const missing = data[list].filter((row) => {
        const columns = Object.keys(row).filter((k) => (row as Record<string, unknown>)[k] !== undefined);
        const signature = columns.join(",");
        if (!seen.has(signature)) seen.set(signature, new Set(stored.map((s) => JSON.stringify(columns.map((c) => s[c])))));
        return !seen.get(signature)?.has(JSON.stringify(columns.map((c) => (row as Record<string, unknown>)[c])));
      });
      expect({ table, missing: missing.slice(0, 3) }).toEqual({ table, missing: [] });
    }
  });

  it("builds the same rows on every call", () => {
    expect(buildDemoData()).toEqual(buildDemoData());
  });

  it("meets the minimums of the demo", () => {
    expect(first.communes).toBe(etalab.length);
    expect(first.territories).toBeGreaterThanOrEqual(6);
    expect(first.structures).toBeGreaterThanOrEqual(30);
    expect(first.sites).toBeGreaterThanOrEqual(40);
    expect(first.advisors).toBeGreaterThanOrEqual(120);
    expect(first.services).toBeGreaterThanOrEqual(10);
    expect(first.rules).toBeGreaterThan(first.advisors);
  });

  it("has every network of DESIGN.md, with its kind, and structures in each", async () => {
    const networks = await db.prisma.network.findMany({ include: { _count: { select: { structures: true } } } });
    const kinds = Object.fromEntries(networks.map((n) => [n.slug, n.kind]));
    for (const slug of DESIGN_NETWORKS.spro) expect(kinds[slug], slug).toBe("spro");
    for (const slug of DESIGN_NETWORKS.partner) expect(kinds[slug], slug).toBe("partner");
    for (const network of networks) expect(network._count.structures, network.slug).toBeGreaterThan(0);
  });

  it("refers only to real communes of the region", async () => {
    const referenced = await db.prisma.$queryRaw<{ code: string }[]>`
      SELECT "communeCode" AS code FROM "TerritoryCommune"
      UNION SELECT "communeCode" FROM "StructureCommune"
      UNION SELECT "communeCode" FROM "Site"`;
    const unknown = referenced.map((r) => r.code).filter((code) => !postcodesOf.has(code));
    expect(unknown).toEqual([]);
    const stored = await db.prisma.commune.findMany({ select: { code: true, postcodes: true } });
    for (const commune of stored)
      expect(commune.postcodes.toSorted(), commune.code).toEqual([...(postcodesOf.get(commune.code) ?? [])].sort());
  });

  it("splits the region into territories, each commune in exactly one", async () => {
    const rows = await db.prisma.territoryCommune.groupBy({ by: ["communeCode"], _count: { territoryId: true } });
    expect(rows).toHaveLength(etalab.length);
    expect(rows.filter((r) => r._count.territoryId !== 1)).toEqual([]);
  });

  it("gives every structure a sectorisation and a site, and every site a postcode of its commune", async () => {
    const structures = await db.prisma.structure.findMany({ include: { _count: { select: { communes: true, sites: true } } } });
    for (const s of structures) {
      expect(s._count.communes, s.slug).toBeGreaterThan(0);
      expect(s._count.sites, s.slug).toBeGreaterThan(0);
      expect(s.email, s.slug).toMatch(/@[a-z0-9.-]+\.demo\.example$/);
    }
    const sites = await db.prisma.site.findMany();
    for (const site of sites) {
      expect(postcodesOf.get(site.communeCode), `${site.name} (${site.communeCode})`).toContain(site.postcode);
      expect(site.accessInfo.length, site.name).toBeGreaterThan(20);
    }
  });

  it("gives staff demo e-mails, no password, and some advisors two structures", async () => {
    const staff = await db.prisma.staffUser.findMany();
    for (const user of staff) {
      expect(user.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+@[a-z0-9.-]+\.demo\.example$/);
      expect(user.passwordHash).toBeNull();
    }
    const twoStructures = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT "userId" FROM "Membership" WHERE role = 'advisor' GROUP BY "userId" HAVING count(*) > 1
      ) AS t`;
    expect(twoStructures[0]?.n).toBeGreaterThan(0);
    expect(await db.prisma.membership.count({ where: { role: "reception" } })).toBeGreaterThan(0);
    expect(await db.prisma.membership.count({ where: { role: "structure_admin" } })).toBeGreaterThan(0);
  });

  it("links every rule to offerings, a site and an advisor of its own structure", async () => {
    const rules = await db.prisma.availabilityRule.findMany({
      include: {
        offerings: { include: { offering: { select: { structureId: true } } } },
        site: { select: { structureId: true } },
        advisor: { select: { memberships: { where: { role: "advisor" }, select: { structureId: true } } } },
      },
    });
    for (const rule of rules) {
      expect(rule.offerings.length, rule.id).toBeGreaterThan(0);
      for (const link of rule.offerings) expect(link.offering.structureId, rule.id).toBe(rule.structureId);
      if (rule.site) expect(rule.site.structureId, rule.id).toBe(rule.structureId);
      else expect(rule.modes, rule.id).not.toContain("onsite");
      expect(
        rule.advisor.memberships.map((m) => m.structureId),
        rule.id,
      ).toContain(rule.structureId);
      expect(rule.startTime, rule.id).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(rule.startTime < rule.endTime, rule.id).toBe(true);
    }
  });

  it("opens every offering in at least one rule", async () => {
    expect(await db.prisma.offering.count({ where: { rules: { none: {} } } })).toBe(0);
  });

  it("has the variety of rules the slot engine must handle", async () => {
    expect(await db.prisma.availabilityRule.count({ where: { everyWeeks: 2 } })).toBeGreaterThan(0);
    expect(await db.prisma.availabilityRule.count({ where: { siteId: null, modes: { equals: ["phone"] } } })).toBeGreaterThan(0);
    expect(await db.prisma.availabilityRule.count({ where: { validUntil: { not: null } } })).toBeGreaterThan(0);
    expect(await db.prisma.closure.count()).toBeGreaterThan(0);
  });

  it("runs collective VAE information sessions for 12 people over 120 minutes", async () => {
    const sessions = await db.prisma.offering.findMany({ where: { service: { slug: "reunion-information-vae" } } });
    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) {
      expect(session.seats).toBe(12);
      expect(session.durationMinutes).toBe(120);
    }
  });

  it("sets the usual durations of the main services", async () => {
    const durations = await db.prisma.offering.findMany({
      select: { durationMinutes: true, service: { select: { slug: true } } },
    });
    const bySlug = (slug: string) => new Set(durations.filter((o) => o.service.slug === slug).map((o) => o.durationMinutes));
    expect(bySlug("cep-premier-entretien")).toEqual(new Set([60]));
    expect(bySlug("information-conseil-vae")).toEqual(new Set([45]));
    expect(bySlug("entretien-orientation-cio")).toEqual(new Set([45]));
    expect(bySlug("accueil-jeunes-16-25")).toEqual(new Set([45]));
    const youth = await db.prisma.offering.findFirstOrThrow({ where: { service: { slug: "accueil-jeunes-16-25" } } });
    expect([youth.minAge, youth.maxAge]).toEqual([16, 25]);
    expect(youth.situations).toContain("neet");
  });
});
