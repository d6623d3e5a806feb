// How the demo is written: thousands of rows per statement, in plain SQL. On PGlite the first
// start waits for it, and sending rows through Prisma (a parameter per value, or its handling
// of large array parameters) cost more than the database's own work.
import type { Database, SqlSession } from "../../server/db/database.ts";

/** Rows per INSERT: a few megabytes of JSON at most. */
const ROWS_PER_INSERT = 5000;

/**
 * Inserts `rows` into `table` as Prisma's createMany would, in their order (a row may refer to
 * one before it): a property left undefined takes the column's default, `null` is NULL; with
 * `skipDuplicates`, rows whose key or unique value is already there are skipped. The rows
 * travel as one JSON document per statement, which PostgreSQL reads into the table's own row
 * type (dates as ISO text, arrays, enums). Returns the number of rows added.
 */
export async function insertRows(
  sql: SqlSession,
  table: string,
  rows: readonly object[],
  options: { skipDuplicates?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const given = new Set<string>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) if (value !== undefined) given.add(key);
  }
  const columns = [...given].map((name) => `"${name}"`).join(", ");
  const text = `WITH added AS (
      INSERT INTO "${table}" (${columns})
      SELECT ${columns} FROM json_populate_recordset(${await defaultsRow(sql, table)}, $1::json)
      ${options.skipDuplicates ? "ON CONFLICT DO NOTHING" : ""} RETURNING 1)
    SELECT count(*)::int AS n FROM added`;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const [row] = await sql.query<{ n: number }>(text, [JSON.stringify(rows.slice(i, i + ROWS_PER_INSERT))]);
    inserted += row?.n ?? 0;
  }
  return inserted;
}

/**
 * A row of `table` holding each column's default (NULL without one): json_populate_recordset
 * takes from it what a JSON row leaves out. Evaluated once per statement, which suits the
 * demo's tables: none takes its default from a sequence.
 */
async function defaultsRow(sql: SqlSession, table: string): Promise<string> {
  const [row] = await sql.query<{ defaults: string }>(
    `SELECT string_agg(coalesce(pg_get_expr(d.adbin, d.adrelid), 'NULL') || '::' || format_type(a.atttypid, a.atttypmod),
                       ', ' ORDER BY a.attnum) AS defaults
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [`"${table}"`],
  );
  return `ROW(${row?.defaults})::"${table}"`;
}

/**
 * Runs the demo's bulk inserts in one transaction. On PGlite, which only the demo and the
 * tests use, foreign keys are not checked row by row (a trigger call per row and key, most of
 * the inserts' time) but once, for all the rows, before the transaction commits: a row whose
 * parent is missing still fails it, naming the constraint.
 */
export async function bulkTransaction<T>(db: Database, fn: (sql: SqlSession) => Promise<T>): Promise<T> {
  if (db.kind !== "pglite") return db.transaction(fn);
  return db.transaction(async (sql) => {
    await sql.exec("SET LOCAL session_replication_role = replica");
    const result = await fn(sql);
    await sql.exec("SET LOCAL session_replication_role = origin");
    const broken = await brokenForeignKeys(sql);
    if (broken.length > 0) throw new Error(`Données de démonstration incohérentes : ${broken.join(", ")} sans parent.`);
    return result;
  });
}

/**
 * The foreign keys some row breaks (a non-null key whose parent row does not exist), by
 * constraint name: what PostgreSQL checks at each insert, checked for whole tables at once.
 */
export async function brokenForeignKeys(sql: SqlSession): Promise<string[]> {
  const keys = await sql.query<{ name: string; child: string; parent: string; columns: string[]; references: string[] }>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            array(SELECT quote_ident(attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n ORDER BY k.i)::text[] AS columns,
            array(SELECT quote_ident(attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                    JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n ORDER BY k.i)::text[] AS references
       FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
      WHERE c.contype = 'f' AND ns.nspname = current_schema()
      ORDER BY c.conname`,
  );
  if (keys.length === 0) return [];
  const checks = keys.map(({ name, child, parent, columns, references }) => {
    const present = columns.map((column) => `c.${column} IS NOT NULL`).join(" AND ");
    const matches = columns.map((column, i) => `p.${references[i]} = c.${column}`).join(" AND ");
    return `SELECT ${quoteLiteral(name)} AS name WHERE EXISTS (
      SELECT 1 FROM ${child} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE ${matches}))`;
  });
  return (await sql.query<{ name: string }>(checks.join(" UNION ALL "))).map((row) => row.name);
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;
