import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { MIGRATIONS_DIR, MigrationError, migrate, readMigrations } from "../../server/db/migrate.ts";
import { createPostgresqlUrl, createTestDatabase, TEST_DATABASE_URL } from "../helpers/db.ts";

const opened: Database[] = [];
const fresh = async () => {
  const db = await createTestDatabase({ migrated: false });
  opened.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

describe("migration runner", () => {
  it("applies every migration once, records them as Prisma Migrate does, and is idempotent", async () => {
    const db = await fresh();
    const names = readMigrations().map((m) => m.name);
    expect(await migrate(db)).toEqual(names);
    expect(await migrate(db)).toEqual([]);
    const rows = await db.prisma.$queryRawUnsafe<
      { migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number }[]
    >(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at && r.applied_steps_count === 1)).toBe(true);
  });

  it("refuses to start when an applied migration was edited", async () => {
    const db = await fresh();
    await migrate(db);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: "0".repeat(64) } : m));
    await expect(migrate(db, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(db, edited)).rejects.toThrow(/a été modifiée après avoir été appliquée/);
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const db = await fresh();
    await migrate(db);
    const broken = {
      name: "29990101000000_broken",
      sql: `CREATE TABLE "Half" (id int); SELECT * FROM "NoSuchTable";`,
      checksum: "f".repeat(64),
    };
    await expect(migrate(db, [...readMigrations(), broken])).rejects.toThrow(/29990101000000_broken a échoué/);
    const half = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'Half'`,
    );
    expect(half[0]?.n).toBe(0);
    const recorded = await db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`,
      broken.name,
    );
    expect(recorded).toHaveLength(0);
  });

  it("reads the migration files of the repository, in order", () => {
    const dir = mkdtempSync(join(tmpdir(), "rdv-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "README.txt"), "not a migration");
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    expect(migrations[0]?.sql).toBe(readFileSync(join(MIGRATIONS_DIR, migrations[0]?.name ?? "", "migration.sql"), "utf8"));
  });

  it.skipIf(!TEST_DATABASE_URL)("two instances starting together apply each migration once (PostgreSQL)", async () => {
    const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
    const [a, b] = await Promise.all([openDatabase({ kind: "postgresql", url }), openDatabase({ kind: "postgresql", url })]);
    try {
      const [appliedA, appliedB] = await Promise.all([migrate(a as Database), migrate(b as Database)]);
      const names = readMigrations().map((m) => m.name);
      expect([...appliedA, ...appliedB].sort()).toEqual(names);
      const rows = await (a as Database).prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "_prisma_migrations"`,
      );
      expect(rows[0]?.n).toBe(names.length);
    } finally {
      await Promise.all([a?.close(), b?.close()]);
      await drop();
    }
  });
});
