// Migrating costs every test file about a second (several on a busy machine), and the demo
// directory several more: the vitest globalSetup of the projects that use a database makes
// each once per run, as a template that createTestDatabase copies.
// - On PGlite, a dump of a migrated database's files (`dumpDataDir`), loaded into each new
//   in-memory database (which also skips PGlite's own initdb, the larger part of the cost).
// - On PostgreSQL, a database that `CREATE DATABASE … TEMPLATE` copies.
// On PGlite an empty database's dump too, for the tests of migrations (on PostgreSQL an empty
// database costs nothing to create).
// Where they are travels to the test workers in environment variables (workers are started
// after the globalSetup, with its environment); without them, createTestDatabase migrates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { seedDemo } from "../../prisma/seed/index.ts";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { migrate } from "../../server/db/migrate.ts";
import { createPostgresqlUrl, DEMO_TEMPLATE_ENV, EMPTY_TEMPLATE_ENV, TEMPLATE_ENV, TEST_DATABASE_URL } from "./db.ts";

type Fill = (db: Database) => Promise<unknown>;

/** A template: where it is (a dump file or a database name) and how to remove it. */
interface Template {
  ref: string;
  drop(): Promise<void>;
}

// Several projects list the globalSetup, and each loads it anew, in the same process: the
// templates are kept on globalThis so that each is made once per run.
const shared = globalThis as { rdvTemplates?: Map<string, Promise<Template>> };
shared.rdvTemplates ??= new Map();
const made = shared.rdvTemplates;

/**
 * Makes the migrated template (and with `demo` the one holding the demo directory) unless this
 * run already has them, and says where they are in the environment the workers inherit.
 */
export async function provideTemplates(options: { demo: boolean }): Promise<void> {
  if (!TEST_DATABASE_URL) process.env[EMPTY_TEMPLATE_ENV] = (await once("empty", (from) => from(undefined, async () => {}))).ref;
  process.env[TEMPLATE_ENV] = (await once("migrated", (from) => from(undefined, migrate))).ref;
  if (options.demo) {
    process.env[DEMO_TEMPLATE_ENV] = (
      await once("demo", async (from) => from((await once("migrated")).ref, (db) => seedDemo(db)))
    ).ref;
  }
}

/** Removes this run's templates (after every project's tests: vitest tears down at the very end). */
export async function dropTemplates(): Promise<void> {
  const templates = [...made.values()].reverse();
  made.clear();
  for (const template of templates) await (await template).drop().catch(() => {});
}

type From = (template: string | undefined, fill: Fill) => Promise<Template>;

function once(name: string, make?: (from: From) => Promise<Template>): Promise<Template> {
  let template = made.get(name);
  if (!template) {
    if (!make) throw new Error(`no template ${name}`);
    template = make(TEST_DATABASE_URL ? postgresqlFrom(TEST_DATABASE_URL) : pgliteFrom(name));
    made.set(name, template);
  }
  return template;
}

/** On PGlite: a database built in a folder (Database does not hand out its PGlite), then dumped. */
const pgliteFrom =
  (name: string): From =>
  async (template, fill) => {
    const folder = mkdtempSync(join(tmpdir(), `rdv-template-${name}-`));
    const dir = join(folder, "data");
    const db = await openDatabase({
      kind: "pglite",
      dir,
      loadDataDir: template ? new Blob([readFileSync(template)]) : undefined,
    });
    await fill(db);
    await db.close();
    const client = await PGlite.create(dir, { extensions: { btree_gist } });
    // Uncompressed: faster to load, and it only lives in the temporary folder for this run.
    const dump = await client.dumpDataDir("none");
    await client.close();
    rmSync(dir, { recursive: true, force: true });
    const file = join(folder, `${name}.tar`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return { ref: file, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  };

/** On PostgreSQL: a database filled then closed (PostgreSQL copies a template no one is connected to). */
const postgresqlFrom =
  (adminUrl: string): From =>
  async (template, fill) => {
    const created = await createPostgresqlUrl(adminUrl, template);
    const db = await openDatabase({ kind: "postgresql", url: created.url, poolSize: 2 });
    try {
      await fill(db);
    } finally {
      await db.close();
    }
    return { ref: created.name, drop: created.drop };
  };
