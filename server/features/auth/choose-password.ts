import { readPasswordLink, usePasswordLink } from "../../auth/password-links.ts";
import { openSession } from "../../auth/sessions.ts";
import type { Deps } from "../../context.ts";
import { DEAD_LINK } from "./check-password-link.ts";
import { live } from "./live-token.ts";
import { newPasswordHash } from "./new-password.ts";

/**
 * Sets the password chosen with an invitation or reset link, which serves once; the account's
 * other sessions end. Returns the token of the session it opens.
 */
export async function choosePassword({
  db,
  clock,
  input: { token, newPassword },
}: Pick<Deps, "db" | "clock"> & { input: { token: string; newPassword: string } }): Promise<string> {
  const now = clock.now();
  const link = await live(readPasswordLink(db, token, now), DEAD_LINK);
  const passwordHash = await newPasswordHash(newPassword, [link.email, link.firstName]);
  // Still claimed atomically: the link may have been used since it was read.
  const userId = await live(usePasswordLink(db, token, passwordHash, now), DEAD_LINK);
  return openSession(db, userId, now);
}
