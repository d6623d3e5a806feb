import type { Database, PrismaClient, SqlSession } from "../../server/db/database.ts";
import { buildDemoData, type DemoData } from "./build.ts";
import { bulkTransaction, insertRows } from "./bulk.ts";

export { buildDemoData } from "./build.ts";

/** Rows present after the seed (demo rows plus any the platform added since). */
export interface SeedCounts {
  communes: number;
  territories: number;
  networks: number;
  structures: number;
  sites: number;
  services: number;
  offerings: number;
  /** Staff users holding at least one advisor membership. */
  advisors: number;
  rules: number;
}

/**
 * Loads the Hauts-de-France demo directory: communes, territories, networks, structures, sites,
 * services, offerings, advisors and their weekly hours. Idempotent: every id is derived from a
 * stable name and rows that already exist are skipped (never updated, so what an admin changed
 * in the demo stays changed). Safe to run concurrently from several instances. One transaction:
 * a start interrupted mid-seed leaves nothing, so the next start seeds again.
 */
export async function seedDemo(db: Database, options: { log?: (msg: string) => void } = {}): Promise<SeedCounts> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const data = buildDemoData();

  const inserted = await bulkTransaction(db, (sql) => insertAll(sql, data));
  const counts = await countRows(db.prisma);
  log(`Annuaire de démonstration : ${inserted} ligne(s) ajoutée(s) en ${Math.round(performance.now() - started)} ms`);
  return counts;
}

/** Each list's table, in insertion order: parents before children. */
export const TABLES: { [K in keyof DemoData]: string } = {
  communes: "Commune",
  territories: "Territory",
  territoryCommunes: "TerritoryCommune",
  networks: "Network",
  services: "Service",
  structures: "Structure",
  structureCommunes: "StructureCommune",
  sites: "Site",
  offerings: "Offering",
  staffUsers: "StaffUser",
  memberships: "Membership",
  territoryCoordinators: "TerritoryCoordinator",
  availabilityRules: "AvailabilityRule",
  availabilityRuleOfferings: "AvailabilityRuleOffering",
  closures: "Closure",
  routingRules: "RoutingRule",
  faqEntries: "FaqEntry",
};

async function insertAll(sql: SqlSession, data: DemoData): Promise<number> {
  let inserted = 0;
  for (const list of Object.keys(TABLES) as (keyof DemoData)[]) {
    inserted += await insertRows(sql, TABLES[list], data[list], { skipDuplicates: true });
  }
  return inserted + (await seedSettings(sql));
}

/** The demo's data protection officer, so that the privacy notice shows a contact. */
export const DEMO_DPO_CONTACT = "dpo@hautsdefrance.example";

/** The demo's legal notice and accessibility contact, so that their pages show what they will say. */
export const DEMO_LEGAL_NOTICE = {
  publisher:
    "Région Hauts-de-France (démonstration), 151 avenue du Président Hoover, 59555 Lille Cedex — téléphone : 03 74 27 00 00",
  publicationDirector: "Le président ou la présidente du conseil régional des Hauts-de-France",
  host: "Hébergeur de démonstration SAS, 2 rue de l'Exemple, 59100 Roubaix — téléphone : 03 20 00 00 00",
  accessibilityContact: "accessibilite@hautsdefrance.example",
};

/**
 * Sets the demo's officer contact, legal notice and accessibility contact on the settings row the
 * migrations insert, only while each is empty and the Région never changed a setting (its
 * changes are audited): like every demo row, never over what an admin chose, an empty value
 * included. Counts as a row added.
 */
async function seedSettings(sql: SqlSession): Promise<number> {
  const demo = Object.entries({ dpoContact: DEMO_DPO_CONTACT, ...DEMO_LEGAL_NOTICE });
  // Each demo value only where the setting is empty, and none once the Région changed a setting.
  const updated = await sql.query(
    `UPDATE "PlatformSettings"
        SET ${demo.map(([field], i) => `"${field}" = CASE WHEN "${field}" = '' THEN $${i + 1} ELSE "${field}" END`).join(", ")}
      WHERE id = 1 AND (${demo.map(([field]) => `"${field}" = ''`).join(" OR ")})
        AND NOT EXISTS (SELECT 1 FROM "AuditEvent" WHERE entity = 'PlatformSettings')
      RETURNING id`,
    demo.map(([, value]) => value),
  );
  return updated.length;
}

export async function countRows(prisma: PrismaClient): Promise<SeedCounts> {
  // One after the other: PGlite has a single connection anyway.
  return {
    communes: await prisma.commune.count(),
    territories: await prisma.territory.count(),
    networks: await prisma.network.count(),
    structures: await prisma.structure.count(),
    sites: await prisma.site.count(),
    services: await prisma.service.count(),
    offerings: await prisma.offering.count(),
    advisors: await prisma.staffUser.count({ where: { memberships: { some: { role: "advisor" } } } }),
    rules: await prisma.availabilityRule.count(),
  };
}
