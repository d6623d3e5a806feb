import type { Database, Tx } from "../db/database.ts";

// How many wrong passwords are let through, and from where. Three windows of 15 minutes: one
// address against one account, one address against any, one account's password change. And
// one account from anywhere (several addresses, a botnet): past 10 failures in a row, each
// further one makes it wait twice as long, up to 15 minutes — never for good, and a password
// reset ends it. A browser the account signed in from before (devices.ts) skips that back-off,
// so that failures on purpose from elsewhere cannot keep the owner out: its own failures are
// limited like one address's against one account.

const WINDOW_MS = 15 * 60_000;
/** Failures allowed in a window: for one address against one account, and for one address. */
export const LIMITS = { pair: 5, address: 50, resetRequests: 20, passwordChange: 5 } as const;
/** An account's back-off: free failures in a row, the longest wait, and when a quiet account is forgotten. */
export const ACCOUNT = { free: 10, longestMs: 15 * 60_000, forgetMs: 24 * 3_600_000 } as const;

const keysOf = (address: string, email: string) => [`pair:${address}:${email}`, `address:${address}`] as const;
const accountKey = (email: string) => `account:${email}`;
const deviceKey = (device: string) => `device:${device}`;

/** The wait after `failures` failures in a row on one account (0 while they are free). */
export function accountDelayMs(failures: number): number {
  if (failures <= ACCOUNT.free) return 0;
  return Math.min(ACCOUNT.longestMs, 1000 * 2 ** (failures - ACCOUNT.free - 1));
}

/**
 * Whether a sign-in must wait, and how long (milliseconds): the address failed too often on
 * this account or on many, or the account itself is waiting out its back-off — or, from a known
 * device (`device`, its proof's id), the device failed too often.
 */
export async function throttled(db: Database, address: string, email: string, now: Date, device?: string): Promise<number> {
  const [pair, whole] = keysOf(address, email);
  const own = device ? deviceKey(device) : accountKey(email);
  const rows = await db.prisma.loginThrottle.findMany({ where: { key: { in: [pair, whole, own] } } });
  const row = (key: string) => rows.find((r) => r.key === key);
  const windowLeft = (key: string, limit: number) => {
    const r = row(key);
    if (!r || r.failures < limit) return 0;
    return Math.max(0, r.windowStart.getTime() + WINDOW_MS - now.getTime());
  };
  const account = row(own);
  // For an account, windowStart is its last failure.
  const backOff = device
    ? windowLeft(own, LIMITS.pair)
    : account
      ? Math.max(0, account.windowStart.getTime() + accountDelayMs(account.failures) - now.getTime())
      : 0;
  return Math.max(windowLeft(pair, LIMITS.pair), windowLeft(whole, LIMITS.address), backOff);
}

export async function recordFailure(db: Database, address: string, email: string, now: Date, device?: string): Promise<void> {
  for (const key of keysOf(address, email)) await count(db, key, now);
  if (device) {
    await count(db, deviceKey(device), now);
    return;
  }
  const forgotten = new Date(now.getTime() - ACCOUNT.forgetMs);
  await db.prisma.$executeRaw`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${accountKey(email)}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < ${forgotten} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = ${now}`;
}

/** A successful sign-in (or a new password) ends the pair's window, the account's back-off and the device's. */
export async function clearFailures(
  db: Database | { prisma: Tx },
  address: string | undefined,
  email: string,
  device?: string,
): Promise<void> {
  const keys = [accountKey(email), ...(address ? [keysOf(address, email)[0]] : []), ...(device ? [deviceKey(device)] : [])];
  await db.prisma.loginThrottle.deleteMany({ where: { key: { in: keys } } });
}

/** Password-reset requests from one address in the window, this one included. */
export const countResetRequest = (db: Database, address: string, now: Date) => count(db, `reset:${address}`, now);

/** Wrong current passwords given to change one's password, in the window, this one included. */
export const countPasswordChangeFailure = (db: Database, userId: string, now: Date) => count(db, `password:${userId}`, now);

/** Whether an account has given too many wrong current passwords in the window. */
export async function passwordChangeThrottled(db: Database, userId: string, now: Date): Promise<boolean> {
  const row = await db.prisma.loginThrottle.findUnique({ where: { key: `password:${userId}` } });
  return Boolean(row && row.failures >= LIMITS.passwordChange && now.getTime() - row.windowStart.getTime() < WINDOW_MS);
}

/**
 * Requests counted under `key` in a window of `windowMs` (a day at most: the housekeeping
 * forgets a counter a day after its window began), this one included.
 */
export const countRequest = (db: Database, key: string, now: Date, windowMs: number) => count(db, key, now, windowMs);

/** Adds one to a key's window and returns its count. One statement: concurrent calls add up. */
async function count(db: Database, key: string, now: Date, windowMs = WINDOW_MS): Promise<number> {
  return (await counted(db, key, now, windowMs)).count;
}

/**
 * Requests counted under `key` in a fixed window of `windowMs` (a day at most), this one
 * included, and when that window began: what a Retry-After is counted from. A window ends at
 * its start plus `windowMs` exactly, when a Retry-After counted from it says to come back.
 */
export async function counted(
  db: Database,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ count: number; windowStart: Date }> {
  const windowStart = new Date(now.getTime() - windowMs);
  const [row] = await db.prisma.$queryRaw<{ failures: number; windowStart: Date }[]>`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStart} THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowStart} THEN ${now} ELSE "LoginThrottle"."windowStart" END
    RETURNING failures, "windowStart"`;
  return { count: row?.failures ?? 1, windowStart: row?.windowStart ?? now };
}

/** Counters past any window (a day without a failure): the daily housekeeping forgets them. */
export async function purgeThrottles(db: Database, now: Date): Promise<number> {
  const { count: removed } = await db.prisma.loginThrottle.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - ACCOUNT.forgetMs) } },
  });
  return removed;
}
