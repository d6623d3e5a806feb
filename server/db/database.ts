import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient } from "./generated/client.ts";
export type DatabaseKind = "pglite" | "postgresql";

/** Where the data lives: embedded PGlite (a folder, or memory when `dir` is absent) or PostgreSQL. */
export type DatabaseTarget = { kind: "pglite"; dir?: string } | { kind: "postgresql"; url: string; poolSize?: number };

/** Plain SQL on one connection, for what Prisma cannot do (migrations, advisory locks). */
export interface SqlSession {
  /** Runs one or several statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Runs `fn` in a transaction on one connection. */
  transaction<T>(fn: (sql: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target.dir) : openPostgresql(target.url, target.poolSize);
}

async function openPglite(dir: string | undefined): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir ?? "memory://", { extensions: { btree_gist } });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    kind: "pglite",
    prisma,
    transaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <Row>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows,
        }),
      ),
    close: async () => {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

async function openPostgresql(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server (restart, failover) must not crash the process.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgresql",
    prisma,
    transaction: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        const result = await fn({
          // Without parameters, pg uses the simple protocol, which accepts several statements.
          exec: async (sql) => {
            await conn.query(sql);
          },
          query: async <Row>(sql: string, params?: unknown[]) => (await conn.query(sql, params)).rows as Row[],
        });
        await conn.query("COMMIT");
        return result;
      } catch (error) {
        await conn.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** A Prisma client inside an interactive transaction; verbs that write take one. */
export type Tx = import("./generated/client.ts").Prisma.TransactionClient;
