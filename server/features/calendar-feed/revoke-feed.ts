import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { revokeLiveFeed } from "./feeds.ts";

/** Revokes the user's private calendar address. */
export async function revokeFeed(deps: StaffDeps) {
  const { clock, scope } = deps;
  const now = clock.now();
  await audited(deps, { action: "calendar_feed.revoke", entity: "StaffUser" }, async (tx) => {
    await revokeLiveFeed(tx, scope.user.id, now);
    return { id: scope.user.id };
  });
}
