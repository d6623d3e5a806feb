import { randomBytes } from "node:crypto";
import { hashSecret } from "../../auth/hash-secret.ts";
import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { revokeLiveFeed } from "./feeds.ts";

/** Gives the user a new private calendar address (the old one stops working); its URL is shown this once. */
export async function createFeed(deps: StaffDeps) {
  const { clock, config, scope } = deps;
  const token = randomBytes(32).toString("base64url");
  const now = clock.now();
  await audited(deps, { action: "calendar_feed.create", entity: "StaffUser" }, async (tx) => {
    await revokeLiveFeed(tx, scope.user.id, now);
    await tx.calendarFeed.create({ data: { id: hashSecret(token), userId: scope.user.id, createdAt: now } });
    return { id: scope.user.id };
  });
  return { url: `${config.publicUrl}/api/feeds/${token}.ics` };
}
