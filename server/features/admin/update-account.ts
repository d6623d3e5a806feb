import type { z } from "zod";
import { closeAllSessions } from "../../auth/sessions.ts";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { AppError } from "../../errors.ts";
import { checkTerritories, rolesOfAccount, seenAccount, setTerritories } from "./accounts.ts";
import type { UserPatch } from "./schemas.ts";

/**
 * Changes an account the user runs: its names, its deactivation (its sessions end), its
 * regional roles (the Région's). Nobody takes their own rights away.
 */
export async function updateAccount(deps: StaffDeps & { input: { id: string } & z.infer<typeof UserPatch> }) {
  const { db, clock, scope, input } = deps;
  const { id, territoryIds, ...patch } = input;
  const account = await seenAccount(db, scope, id);
  if (!scope.managesAccount(rolesOfAccount(account))) {
    throw new AppError("FORBIDDEN", "Ce compte a aussi des rôles hors de vos structures : seule la Région peut le modifier.");
  }
  if (patch.regionalAdmin !== undefined || territoryIds) scope.requireRegion();
  if (id === scope.user.id && (patch.active === false || patch.regionalAdmin === false)) {
    throw new AppError("CONFLICT", "Vous ne pouvez pas retirer vos propres droits : demandez à un autre administrateur.");
  }
  await checkTerritories(db, territoryIds);
  const action = patch.active === false ? "user.deactivate" : patch.active === true ? "user.reactivate" : "user.update";
  await audited(
    deps,
    {
      action,
      entity: "StaffUser",
      details: {
        fields: changedFields(
          { ...patch, territoryIds },
          { ...account, territoryIds: account.coordinates.map((c) => c.territory.id) },
        ),
      },
    },
    async (tx) => {
      if (territoryIds) await setTerritories(tx, id, territoryIds);
      if (patch.active === false) {
        // Deactivated: signed out at once, and their pending links die with the account.
        await closeAllSessions(tx, id, clock.now());
        await tx.passwordLink.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: clock.now() } });
      }
      return tx.staffUser.update({ where: { id }, data: patch, select: { id: true } });
    },
  );
}
