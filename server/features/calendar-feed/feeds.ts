import type { Tx } from "../../db/database.ts";

// A private calendar address is kept as its token's hash (routes.ts): one live per account.

/** Revokes the user's live feed, if any, in the caller's transaction. */
export function revokeLiveFeed(tx: Tx, userId: string, now: Date) {
  return tx.calendarFeed.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
