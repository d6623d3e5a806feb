import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";

/** Which database the suite runs on: PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/**
 * A fresh, migrated database for one test file. On PostgreSQL it is a uniquely named
 * database created next to TEST_DATABASE_URL's and dropped by `close()`.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<Database> {
  const db = TEST_DATABASE_URL ? await createPostgresqlDatabase(TEST_DATABASE_URL) : await openDatabase({ kind: "pglite" });
  if (options.migrated !== false) await migrate(db);
  return db;
}

async function createPostgresqlDatabase(adminUrl: string): Promise<Database> {
  const name = `rdv_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgresql", url: url.toString(), poolSize: 20 });
  return {
    ...db,
    close: async () => {
      await db.close();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The URL of a new empty PostgreSQL database and how to drop it (for tests of several connections). */
export async function createPostgresqlUrl(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rdv_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
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
