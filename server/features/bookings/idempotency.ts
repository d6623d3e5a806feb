import { hashSecret } from "../../auth/hash-secret.ts";
import { type Database, type SqlSession, sqlIn, statement, type Tx } from "../../db/database.ts";
import { isUniqueViolation, retried } from "../../db/errors.ts";
import { SealError, seal, unseal } from "../../db/sealed.ts";
import { AppError } from "../../errors.ts";

/** A request to run once: its Idempotency-Key, its body, and the secret its stored answer is sealed with. */
export interface Request {
  key: string;
  body: unknown;
  secret: string;
}

/**
 * Runs a write once per Idempotency-Key. The key is claimed first in the write's own
 * transaction: a concurrent retry waits on it, then replays the stored answer; a retry after
 * success replays it too; the same key with another body is refused. The answer holds the
 * private link: it is kept sealed (db/sealed.ts), beside the id of the appointment it booked
 * (what an erasure deletes it by). The write runs in a Prisma interactive transaction, run again
 * if PostgreSQL gives it up for another (`retried`).
 */
export function once<T>(db: Database, request: Request, write: (tx: Tx) => Promise<T>): Promise<T> {
  return replaying(db, request, (requestHash) =>
    db.prisma.$transaction((tx) => claimed(sqlIn(tx), request, requestHash, () => write(tx)), {
      maxWait: 15_000,
      timeout: 30_000,
    }),
  );
}

/** `once`, the write in plain SQL: the online booking, the platform's hottest write. */
export function onceInSql<T>(db: Database, request: Request, write: (sql: SqlSession) => Promise<T>): Promise<T> {
  return replaying(db, request, (requestHash) => db.transaction((sql) => claimed(sql, request, requestHash, () => write(sql))));
}

const CLAIM = statement(
  "idempotency-claim",
  `INSERT INTO "IdempotencyKey" (key, "requestHash", status, response) VALUES ($1, $2, 0, '{}')`,
);
const SETTLE = statement("idempotency-settle", `UPDATE "IdempotencyKey" SET status = 201, response = $2::jsonb WHERE key = $1`);

async function claimed<T>(sql: SqlSession, request: Request, requestHash: string, write: () => Promise<T>): Promise<T> {
  await sql.query(CLAIM, [request.key, requestHash]);
  const response = await write();
  const appointmentId = (response as { appointment?: { id?: unknown } } | null)?.appointment?.id;
  await sql.query(SETTLE, [request.key, JSON.stringify({ appointmentId, ...seal(request.secret, response) })]);
  return response;
}

/** The claim lost to an earlier request with the same key: its answer, if the body is the same. */
async function replaying<T>(db: Database, request: Request, transaction: (requestHash: string) => Promise<T>): Promise<T> {
  const requestHash = hashSecret(JSON.stringify(request.body));
  try {
    return await retried(() => transaction(requestHash));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const [previous] = await db.sql.query<{ requestHash: string; response: unknown }>(
      `SELECT "requestHash", response FROM "IdempotencyKey" WHERE key = $1`,
      [request.key],
    );
    if (!previous) throw error;
    if (previous.requestHash !== requestHash) {
      throw new AppError(
        "VALIDATION",
        "Cette clé d'idempotence (en-tête Idempotency-Key) a déjà servi pour une autre demande : utilisez une nouvelle clé.",
        { fields: { "Idempotency-Key": "déjà utilisée pour une autre demande" } },
      );
    }
    try {
      return unseal<T>(request.secret, previous.response);
    } catch (sealError) {
      if (!(sealError instanceof SealError)) throw sealError;
      // Sealed under another SESSION_SECRET: the booking stands, its answer cannot be given again.
      throw new AppError(
        "CONFLICT",
        "Cette demande a déjà été enregistrée, mais sa réponse ne peut plus être relue : le lien de votre rendez-vous est dans l'e-mail de confirmation.",
      );
    }
  }
}
