import type { z } from "zod";
import type { StaffDeps } from "../../context.ts";
import { audited, changedFields } from "../../db/audit.ts";
import { unique } from "../../db/errors.ts";
import { checkTerritories, sendInvitation, setTerritories } from "./accounts.ts";
import type { UserInvite } from "./schemas.ts";

/** Opens a coordination or regional account (the Région's); its holder is e-mailed an invitation. */
export async function openAccount(deps: StaffDeps & { input: z.infer<typeof UserInvite> }) {
  const { db, scope, input } = deps;
  scope.requireRegion();
  const { territoryIds, ...account } = input;
  await checkTerritories(db, territoryIds);
  const details = { fields: changedFields({ ...account, territoryIds }) };
  const user = await unique(
    () =>
      audited(deps, { action: "user.create", entity: "StaffUser", details }, async (tx) => {
        const user = await tx.staffUser.create({ data: account, select: { id: true, email: true, firstName: true } });
        if (territoryIds) await setTerritories(tx, user.id, territoryIds);
        await sendInvitation(tx, user, deps);
        return user;
      }),
    "email",
    "Un compte existe déjà pour cette adresse.",
  );
  return { id: user.id };
}
