import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";

/** Which database the suite runs on: PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** Where the run's templates are, when its globalSetup made them (tests/helpers/templates.ts). */
export const TEMPLATE_ENV = "RDV_TEST_TEMPLATE";
export const DEMO_TEMPLATE_ENV = "RDV_TEST_DEMO_TEMPLATE";
/** PGlite only: a dump of an empty database, which spares each test of migrations PGlite's initdb. */
export const EMPTY_TEMPLATE_ENV = "RDV_TEST_EMPTY_TEMPLATE";

/**
 * A fresh database for one test file: migrated (by default), holding the demo directory too
 * (`demo`), or empty (`migrated: false`, for the tests of migrations themselves). On PostgreSQL
 * it is a uniquely named database created next to TEST_DATABASE_URL's and dropped by `close()`.
 *
 * A copy of the run's template when the globalSetup made one (tests/helpers/templates.ts),
 * else migrated (and seeded) here: the same database either way, only slower.
 */
export async function createTestDatabase(options: { migrated?: boolean; demo?: boolean } = {}): Promise<Database> {
  const migrated = options.migrated !== false || options.demo === true;
  const template = process.env[!migrated ? EMPTY_TEMPLATE_ENV : options.demo ? DEMO_TEMPLATE_ENV : TEMPLATE_ENV];
  const db = TEST_DATABASE_URL
    ? await createPostgresqlDatabase(TEST_DATABASE_URL, template)
    : await openDatabase({ kind: "pglite", loadDataDir: template ? new Blob([readFileSync(template)]) : undefined });
  if (migrated && !template) {
    await migrate(db);
    if (options.demo) {
      // Imported only here: most test files never seed the demo.
      const { seedDemo } = await import("../../prisma/seed/index.ts");
      await seedDemo(db);
    }
  }
  return db;
}

async function createPostgresqlDatabase(adminUrl: string, template: string | undefined): Promise<Database> {
  const { url, drop } = await createPostgresqlUrl(adminUrl, template);
  const db = await openDatabase({ kind: "postgresql", url, poolSize: 20 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await drop();
    },
  };
}

/**
 * A new PostgreSQL database next to `adminUrl`'s, empty or a copy of `template`, its URL and
 * how to drop it (for tests of several connections).
 */
export async function createPostgresqlUrl(
  adminUrl: string,
  template?: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `rdv_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
