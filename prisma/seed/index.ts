import type { PrismaClient } from "../../server/db/database.ts";
import type { Prisma } from "../../server/db/generated/client.ts";
import { buildDemoData, type DemoData } from "./build.ts";

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
 * Rows per INSERT. Prisma binds every value as a parameter and PostgreSQL accepts at most
 * 65 535 of them; with at most 16 columns, 2 000 rows stay well below while keeping the
 * number of round trips (what costs most on PGlite) small.
 */
const CHUNK = 2000;

type Insert<Row> = (rows: Row[]) => Promise<number>;

/**
 * Loads the Hauts-de-France demo directory: communes, territories, networks, structures, sites,
 * services, offerings, advisors and their weekly hours. Idempotent: every id is derived from a
 * stable name and rows that already exist are skipped (never updated, so what an admin changed
 * in the demo stays changed). Safe to run concurrently from several instances. One transaction:
 * a start interrupted mid-seed leaves nothing, so the next start seeds again.
 */
export async function seedDemo(prisma: PrismaClient, options: { log?: (msg: string) => void } = {}): Promise<SeedCounts> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const data = buildDemoData();

  const inserted = await prisma.$transaction((tx) => insertAll(tx, data), { maxWait: 30_000, timeout: 300_000 });
  const counts = await countRows(prisma);
  log(`Annuaire de démonstration : ${inserted} ligne(s) ajoutée(s) en ${Math.round(performance.now() - started)} ms`);
  return counts;
}

async function insertAll(prisma: Prisma.TransactionClient, data: DemoData): Promise<number> {
  // In insertion order: parents before children.
  const steps: { [K in keyof DemoData]: Insert<DemoData[K][number]> } = {
    communes: chunked((rows) => prisma.commune.createMany({ data: rows, skipDuplicates: true })),
    territories: chunked((rows) => prisma.territory.createMany({ data: rows, skipDuplicates: true })),
    territoryCommunes: (rows) => insertTerritoryCommunes(prisma, rows),
    networks: chunked((rows) => prisma.network.createMany({ data: rows, skipDuplicates: true })),
    services: chunked((rows) => prisma.service.createMany({ data: rows, skipDuplicates: true })),
    structures: chunked((rows) => prisma.structure.createMany({ data: rows, skipDuplicates: true })),
    structureCommunes: (rows) => insertStructureCommunes(prisma, rows),
    sites: chunked((rows) => prisma.site.createMany({ data: rows, skipDuplicates: true })),
    offerings: chunked((rows) => prisma.offering.createMany({ data: rows, skipDuplicates: true })),
    staffUsers: chunked((rows) => prisma.staffUser.createMany({ data: rows, skipDuplicates: true })),
    memberships: chunked((rows) => prisma.membership.createMany({ data: rows, skipDuplicates: true })),
    territoryCoordinators: chunked((rows) => prisma.territoryCoordinator.createMany({ data: rows, skipDuplicates: true })),
    availabilityRules: chunked((rows) => prisma.availabilityRule.createMany({ data: rows, skipDuplicates: true })),
    availabilityRuleOfferings: chunked((rows) =>
      prisma.availabilityRuleOffering.createMany({ data: rows, skipDuplicates: true }),
    ),
    closures: chunked((rows) => prisma.closure.createMany({ data: rows, skipDuplicates: true })),
    routingRules: chunked((rows) => prisma.routingRule.createMany({ data: rows, skipDuplicates: true })),
    faqEntries: chunked((rows) => prisma.faqEntry.createMany({ data: rows, skipDuplicates: true })),
  };
  let inserted = 0;
  for (const table of Object.keys(steps) as (keyof DemoData)[]) {
    inserted += await (steps[table] as Insert<unknown>)(data[table]);
  }
  return inserted + (await seedSettings(prisma));
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
async function seedSettings(prisma: Prisma.TransactionClient): Promise<number> {
  if ((await prisma.auditEvent.count({ where: { entity: "PlatformSettings" } })) > 0) return 0;
  const demo = { dpoContact: DEMO_DPO_CONTACT, ...DEMO_LEGAL_NOTICE };
  const current = await prisma.platformSettings.findUnique({ where: { id: 1 } });
  if (!current) return 0;
  const empty = Object.fromEntries(Object.entries(demo).filter(([field]) => current[field as keyof typeof demo] === ""));
  if (Object.keys(empty).length === 0) return 0;
  await prisma.platformSettings.update({ where: { id: 1 }, data: empty });
  return 1;
}

function chunked<Row>(createMany: (rows: Row[]) => Promise<{ count: number }>): Insert<Row> {
  return async (rows) => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += CHUNK) inserted += (await createMany(rows.slice(i, i + CHUNK))).count;
    return inserted;
  };
}

/*
 * The sectorisation tables hold most of the rows (40 000: a regional structure serves 3 800
 * communes). Sent as two arrays in one statement, they load in half the time createMany takes
 * to bind 80 000 parameters, and in a sixth of it when they are already there.
 */

function insertStructureCommunes(prisma: Prisma.TransactionClient, rows: DemoData["structureCommunes"]): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "StructureCommune" ("structureId", "communeCode")
    SELECT * FROM unnest(${rows.map((r) => r.structureId)}::uuid[], ${rows.map((r) => r.communeCode)}::varchar[])
    ON CONFLICT DO NOTHING`;
}

function insertTerritoryCommunes(prisma: Prisma.TransactionClient, rows: DemoData["territoryCommunes"]): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO "TerritoryCommune" ("territoryId", "communeCode")
    SELECT * FROM unnest(${rows.map((r) => r.territoryId)}::uuid[], ${rows.map((r) => r.communeCode)}::varchar[])
    ON CONFLICT DO NOTHING`;
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
