import { createHash } from "node:crypto";
import type { Database, Tx } from "../../db/database.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { AppError } from "../../errors.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Runs a write once per Idempotency-Key. The key is claimed first in the write's own
 * transaction: a concurrent retry waits on it, then replays the stored answer; a retry after
 * success replays it too; the same key with another body is refused.
 */
export async function once<T>(db: Database, key: string, body: unknown, write: (tx: Tx) => Promise<T>): Promise<T> {
  const requestHash = sha256(JSON.stringify(body));
  try {
    return await db.prisma.$transaction(
      async (tx) => {
        await tx.idempotencyKey.create({ data: { key, requestHash, status: 0, response: {} } });
        const response = await write(tx);
        await tx.idempotencyKey.update({ where: { key }, data: { status: 201, response: response as object } });
        return response;
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const previous = await db.prisma.idempotencyKey.findUnique({ where: { key } });
    if (!previous) throw error;
    if (previous.requestHash !== requestHash) {
      throw new AppError(
        "VALIDATION",
        "Cette clé d'idempotence (en-tête Idempotency-Key) a déjà servi pour une autre demande : utilisez une nouvelle clé.",
        { fields: { "Idempotency-Key": "déjà utilisée pour une autre demande" } },
      );
    }
    return previous.response as T;
  }
}
