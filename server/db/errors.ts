import { AppError } from "../errors.ts";

// Through a driver adapter, Prisma reports database failures as a DriverAdapterError
// without a Prisma "P" code: the PostgreSQL SQLSTATE (or the socket's errno) is on `cause`.
// A raw query ($queryRaw, $executeRaw) wraps it in a P2010 error, under `meta.driverAdapterError`.

// @prisma/adapter-pg maps the SQLSTATEs it knows to a `kind` and keeps the code as `originalCode`.
type Link = { code?: unknown; originalCode?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

/** The error and its causes, outermost first. */
function chainOf(error: unknown): Link[] {
  const chain: Link[] = [];
  for (let e = error as Link | undefined, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    chain.push(e);
    e = (e.cause ?? (typeof e.meta === "object" ? e.meta?.driverAdapterError : undefined)) as Link | undefined;
  }
  return chain;
}

const codesOf = (error: unknown) =>
  chainOf(error).flatMap((e) => [e.code, e.originalCode].filter((code): code is string => typeof code === "string"));

/** The SQLSTATE of a constraint violation, e.g. "23P01" (exclusion) or "23505" (unique). */
export function sqlState(error: unknown): string | undefined {
  return codesOf(error).find((code) => /^[0-9][0-9A-Z]{4}$/.test(code));
}

/** Runs a write; a unique constraint it breaks becomes a 409 naming the field. */
export async function unique<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", message, { fields: { [field]: message } });
    throw error;
  }
}

export const isExclusionViolation = (error: unknown) => sqlState(error) === "23P01";
/** Prisma maps some adapters' 23505 to its own P2002; PGlite's arrives raw. */
export const isUniqueViolation = (error: unknown) => sqlState(error) === "23505" || codesOf(error).includes("P2002");

/**
 * A record to update or delete was not found (Prisma's P2025) — among them, one outside the
 * user's scope (auth/scope.ts): a route checks first, this is the second wall, answered 404.
 */
export const isRecordNotFound = (error: unknown) => codesOf(error).includes("P2025");

/**
 * PostgreSQL gave the transaction up so that another could go on: a deadlock (40P01) or a
 * serialization failure (40001). Nothing of it was written; it may run again.
 */
export const isRetryable = (error: unknown) => ["40P01", "40001"].includes(sqlState(error) ?? "");

/**
 * Runs a transaction again when PostgreSQL gave it up for another. Two bookings of the same
 * time can each insert their meeting before either checks the exclusion constraint, then wait
 * for each other: PostgreSQL aborts one after `deadlock_timeout`. Run again, it finds the time
 * taken (409 with alternatives) or, if the other one failed, books it.
 */
export async function retried<T>(transaction: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

// SQLSTATEs, socket errnos, and Prisma's codes for an unreachable server (P1001) or a closed
// connection (P1017).
const UNAVAILABLE = /^(08...|57P0[123]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|P1001|P1017)$/;
/** What @prisma/adapter-pg makes of a socket error or of 53300: a `kind`, and no code left. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** The database cannot be reached or is shutting down: a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const chain = chainOf(error);
  if (chain.some((e) => (typeof e.code === "string" && UNAVAILABLE.test(e.code)) || UNAVAILABLE_KINDS.has(e.kind as string))) {
    return true;
  }
  const message = error instanceof Error ? error.message : "";
  // "…is not queryable": pg's answer on a connection that a restart cut between two statements.
  return /Connection terminated|timeout exceeded when trying to connect|Can't reach database|Server has closed the connection|after calling end on the pool|is not queryable|PGlite is closed/i.test(
    message,
  );
}
