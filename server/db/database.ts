import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient } from "./generated/client.ts";
export type DatabaseKind = "pglite" | "postgresql";

/**
 * Where the data lives: embedded PGlite (a folder, or memory when `dir` is absent) or PostgreSQL.
 * `loadDataDir` starts PGlite from a dump of another one's files (`dumpDataDir()`), which skips
 * its initdb: the tests copy one migrated database this way instead of migrating each.
 */
export type DatabaseTarget =
  | { kind: "pglite"; dir?: string; loadDataDir?: Blob }
  | { kind: "postgresql"; url: string; poolSize?: number };

// The transaction seam. Prisma is the default: verbs read and write through it, a staff verb
// through its user's scoped client (auth/scope.ts), and a Prisma transaction is a `Tx`. Plain
// SQL (`SqlSession`) is for what Prisma cannot say (locks, FOR UPDATE SKIP LOCKED, set-based
// updates) and for the hot paths (slot search, the online booking, the outbox), where Prisma's
// per-query work costs several times the database's own. A transaction passes one way only:
// a Prisma transaction lends itself to SQL with `sqlIn(tx)` (same connection, same
// transaction); a plain-SQL transaction (`db.transaction`, `onceInSql`) has no Prisma client,
// so whatever runs in it is SQL throughout. Functions both sides call take a `SqlSession`
// (`bookSlot`, `enqueue`, `lockLivePerson`).

/**
 * Plain SQL. Cast what comes back to plain types (`::int`, `::text`, `::text[]` for enum arrays,
 * dates as text): pg, PGlite and Prisma's raw queries then all give the same values.
 */
export interface SqlSession {
  /** Runs one or several statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string | Statement, params?: unknown[]): Promise<Row[]>;
}

/**
 * A statement of a hot path, prepared once per connection when it runs on a pg connection
 * (`db.sql`, `db.transaction`): planning a join of seven tables costs more than running it.
 * Through `sqlIn` and on PGlite it runs as plain text. Its text must be a constant.
 */
export interface Statement {
  name: string;
  text: string;
}
export const statement = (name: string, text: string): Statement => ({ name, text });
const textOf = (sql: string | Statement) => (typeof sql === "string" ? sql : sql.text);
/** What pg runs: a named query is parsed and planned once per connection. */
const pgQuery = (sql: string | Statement, values?: unknown[]) =>
  typeof sql === "string" ? { text: sql, values } : { name: sql.name, text: sql.text, values };

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Plain SQL outside a transaction: each statement on its own. */
  sql: SqlSession;
  /** Runs `fn` in a transaction on one connection, in plain SQL. */
  transaction<T>(fn: (sql: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Text searched with Prisma's `contains`, which hands `%` and `_` to LIKE as wildcards (« %% »
 * found everyone): escaped, they match themselves.
 */
export const literally = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** A json column of a plain SQL row: pg and PGlite parse it, a driver may give its text. */
export type Json<T> = T | string;
export const parsed = <T>(value: Json<T>): T => (typeof value === "string" ? JSON.parse(value) : value);

/** Plain SQL inside a Prisma interactive transaction, for the functions written in SQL. */
export function sqlIn(tx: Tx): SqlSession {
  return {
    exec: async (sql) => {
      await tx.$executeRawUnsafe(sql);
    },
    query: <Row>(sql: string | Statement, params: unknown[] = []) => tx.$queryRawUnsafe<Row[]>(textOf(sql), ...params),
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === "pglite" ? openPglite(target.dir, target.loadDataDir) : openPostgresql(target.url, target.poolSize);
}

/**
 * PostgreSQL's defaults size a server's shared memory for a machine of its own (128 MB of
 * shared buffers, each page of which PGlite's heap keeps once touched, and never gives back).
 * The embedded database serves one person trying the product: 16 MB holds its working set.
 */
const PGLITE_SETTINGS = ["shared_buffers=16MB"];

async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir ?? "memory://", {
    extensions: { btree_gist },
    loadDataDir,
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS.flatMap((setting) => ["-c", setting])],
  });
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    kind: "pglite",
    prisma,
    sql: {
      exec: async (sql) => {
        await client.exec(sql);
      },
      query: async <Row>(sql: string | Statement, params?: unknown[]) => (await client.query<Row>(textOf(sql), params)).rows,
    },
    transaction: (fn) =>
      client.transaction((tx) =>
        fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <Row>(sql: string | Statement, params?: unknown[]) => (await tx.query<Row>(textOf(sql), params)).rows,
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
    sql: {
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async <Row>(sql: string | Statement, params?: unknown[]) => (await pool.query(pgQuery(sql, params))).rows as Row[],
    },
    transaction: async (fn) => {
      const conn = await pool.connect();
      // A connection lost mid-transaction (a restart) fails the statement in flight; its
      // 'error' event must not crash the process, and the broken client leaves the pool.
      let lost: Error | undefined;
      const onError = (error: Error) => {
        lost = error;
      };
      conn.on("error", onError);
      try {
        await conn.query("BEGIN");
        const result = await fn({
          // Without parameters, pg uses the simple protocol, which accepts several statements.
          exec: async (sql) => {
            await conn.query(sql);
          },
          query: async <Row>(sql: string | Statement, params?: unknown[]) =>
            (await conn.query(pgQuery(sql, params))).rows as Row[],
        });
        await conn.query("COMMIT");
        return result;
      } catch (error) {
        await conn.query("ROLLBACK").catch((rollbackFailed: Error) => {
          lost ??= rollbackFailed;
        });
        throw error;
      } finally {
        conn.off("error", onError);
        conn.release(lost);
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
