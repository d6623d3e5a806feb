import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { AppError } from "../../errors.ts";
import { rolesOfAccount, seenAccount, sendInvitation } from "./accounts.ts";

/** Sends again the invitation of an account the user runs that has not chosen its password yet. */
export async function reinviteAccount(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, scope, input } = deps;
  const { id } = input;
  const account = await seenAccount(db, scope, id);
  // An account that also works elsewhere is not this structure's to open.
  if (!scope.managesAccount(rolesOfAccount(account))) {
    throw new AppError(
      "FORBIDDEN",
      "Ce compte a aussi des rôles hors de vos structures : seule la Région peut lui renvoyer une invitation.",
    );
  }
  if (!account.active) throw new AppError("CONFLICT", "Ce compte est désactivé.");
  if (account.passwordHash) {
    throw new AppError("CONFLICT", "Ce compte a déjà un mot de passe : la personne peut utiliser « Mot de passe oublié ».");
  }
  await audited(deps, { action: "user.invite", entity: "StaffUser" }, async (tx) => {
    // The new link replaces the old ones.
    await tx.passwordLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: clock.now() } });
    await sendInvitation(tx, account, deps);
    return account;
  });
}
