import type { Database } from "../db/database.ts";

const WINDOW_MS = 15 * 60_000;
/** Failures allowed in a window: for one address against one account, and for one address. */
export const LIMITS = { pair: 5, address: 50, resetRequests: 20 } as const;

// No limit per account alone: anyone could then lock a colleague out by failing on purpose.
// An address that fails too often on one account, or on many, waits for the window to pass.
const keysOf = (address: string, email: string) => [`pair:${address}:${email}`, `address:${address}`] as const;

export async function isThrottled(db: Database, address: string, email: string, now: Date): Promise<boolean> {
  const [pair, whole] = keysOf(address, email);
  const rows = await db.prisma.loginThrottle.findMany({ where: { key: { in: [pair, whole] } } });
  const live = (key: string) =>
    rows.find((r) => r.key === key && now.getTime() - r.windowStart.getTime() < WINDOW_MS)?.failures ?? 0;
  return live(pair) >= LIMITS.pair || live(whole) >= LIMITS.address;
}

export async function recordFailure(db: Database, address: string, email: string, now: Date): Promise<void> {
  for (const key of keysOf(address, email)) await count(db, key, now);
}

/** Password-reset requests from one address in the window, this one included. */
export const countResetRequest = (db: Database, address: string, now: Date) => count(db, `reset:${address}`, now);

/** Adds one to a key's window and returns its count. One statement: concurrent calls add up. */
async function count(db: Database, key: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const [row] = await db.prisma.$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING failures`;
  return row?.failures ?? 1;
}

export async function clearFailures(db: Database, address: string, email: string): Promise<void> {
  await db.prisma.loginThrottle.deleteMany({ where: { key: keysOf(address, email)[0] } });
}
