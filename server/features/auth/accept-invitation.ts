import { acceptMembershipInvitation } from "../../auth/membership-invitations.ts";
import { openSession } from "../../auth/sessions.ts";
import type { Deps } from "../../context.ts";
import { AppError, validationError } from "../../errors.ts";
import { DEAD, liveInvitation } from "./check-membership-invitation.ts";
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
  const invitation = await liveInvitation(db, token, now);
  let passwordHash: string | undefined;
  if (invitation.needsPassword) {
    if (!newPassword) throw validationError({ newPassword: "Choisissez votre mot de passe." });
    passwordHash = await newPasswordHash(newPassword, [invitation.email, invitation.firstName]);
  }
  const accepted = await acceptMembershipInvitation(db, token, now, passwordHash);
  if (!accepted) throw new AppError("NOT_FOUND", DEAD);
  if (!accepted.passwordSet) return { signedIn: false };
  return { signedIn: true, session: await openSession(db, accepted.userId, now) };
}
