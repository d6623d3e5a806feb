import { acceptMembershipInvitation, readMembershipInvitation } from "../../auth/membership-invitations.ts";
import { openSession } from "../../auth/sessions.ts";
import type { Deps } from "../../context.ts";
import { validationError } from "../../errors.ts";
import { DEAD } from "./check-membership-invitation.ts";
import { live } from "./live-token.ts";
import { newPasswordHash } from "./new-password.ts";

/**
 * Accepts an invitation to join a structure: the address's account (opened if there is none)
 * gets the role. A password is chosen when the address has none yet; then the person is signed
 * in, and `session` is the new session's token.
 */
export async function acceptInvitation({
  db,
  clock,
  input: { token, newPassword },
}: Pick<Deps, "db" | "clock"> & { input: { token: string; newPassword?: string | undefined } }): Promise<{
  signedIn: boolean;
  session?: string;
}> {
  const now = clock.now();
  const invitation = await live(readMembershipInvitation(db, token, now), DEAD);
  let passwordHash: string | undefined;
  if (invitation.needsPassword) {
    if (!newPassword) throw validationError({ newPassword: "Choisissez votre mot de passe." });
    passwordHash = await newPasswordHash(newPassword, [invitation.email, invitation.firstName]);
  }
  const accepted = await live(acceptMembershipInvitation(db, token, now, passwordHash), DEAD);
  if (!accepted.passwordSet) return { signedIn: false };
  return { signedIn: true, session: await openSession(db, accepted.userId, now) };
}
