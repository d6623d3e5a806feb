import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Database } from "./database.ts";

export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../prisma/migrations");

/** Any constant will do, as long as every instance uses the same one. */
const LOCK_KEY = 4_210_913_2026;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The table Prisma Migrate keeps, so that `prisma migrate status` elsewhere understands ours.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the migrations not yet applied, in order, each in its own transaction under an
 * advisory lock: instances starting together apply each file once, and a failed file
 * leaves nothing behind. Refuses to go on if an applied file was edited since.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (sql) => {
      await sql.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
      await sql.exec(CREATE_TABLE);
      const [row] = await sql.query<{ checksum: string; finished_at: Date | null }>(
        `SELECT checksum, finished_at FROM "_prisma_migrations"
          WHERE migration_name = $1 AND rolled_back_at IS NULL ORDER BY started_at DESC LIMIT 1`,
        [migration.name],
      );
      if (row?.finished_at) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `La migration ${migration.name} a été modifiée après avoir été appliquée (somme de contrôle différente). ` +
              "Une migration appliquée ne se modifie jamais : annulez la modification et créez une nouvelle migration.",
          );
        }
        return false;
      }
      if (row) {
        throw new MigrationError(
          `La migration ${migration.name} a échoué lors d'une exécution précédente : à résoudre à la main.`,
        );
      }
      try {
        await sql.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`La migration ${migration.name} a échoué : ${(error as Error).message}`);
      }
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
