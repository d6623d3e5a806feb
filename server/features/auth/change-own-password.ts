import { verifyPassword } from "../../auth/password.ts";
import type { StaffIdentity } from "../../auth/sessions.ts";
import { closeAllSessions, openSession } from "../../auth/sessions.ts";
import { countPasswordChangeFailure, passwordChangeThrottled } from "../../auth/throttle.ts";
import type { Deps } from "../../context.ts";
import { recordAudit } from "../../db/audit.ts";
import { AppError, validationError } from "../../errors.ts";
import { newPasswordHash } from "./new-password.ts";

/**
 * Changes the signed-in account's password, given its current one. Every other session ends;
 * this one goes on under a new id, whose token it returns.
 */
export async function changeOwnPassword({
  db,
  clock,
  input: { user, currentPassword, newPassword },
}: Pick<Deps, "db" | "clock"> & {
  input: { user: StaffIdentity["user"]; currentPassword: string; newPassword: string };
}): Promise<string> {
  if (await passwordChangeThrottled(db, user.id, clock.now())) {
    throw new AppError("RATE_LIMITED", "Trop de mots de passe actuels incorrects. Réessayez dans 15 minutes.");
  }
  const stored = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, currentPassword))) {
    // Someone at an open session does not get to guess the password that would let them in again.
    await countPasswordChangeFailure(db, user.id, clock.now());
    throw validationError({ currentPassword: "Le mot de passe actuel est incorrect." });
  }
  const now = clock.now();
  const passwordHash = await newPasswordHash(newPassword, [user.email, user.firstName, user.lastName]);
  await db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.loginThrottle.deleteMany({ where: { key: `password:${user.id}` } });
    await closeAllSessions(tx, user.id, now);
    await recordAudit(tx, { actorId: user.id, action: "user.password_change", entity: "StaffUser", entityId: user.id }, now);
  });
  return openSession(db, user.id, now);
}
