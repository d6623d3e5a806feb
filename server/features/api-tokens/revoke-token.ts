import type { StaffDeps } from "../../context.ts";
import { audited } from "../../db/audit.ts";
import { scoped } from "../admin/access.ts";

/** Revokes a token of a structure the user runs: its next request is a 401. Revoking it again changes nothing. */
export async function revokeToken(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, scope, input } = deps;
  const token = scoped(
    await db.prisma.apiToken.findUnique({ where: { id: input.id }, select: { structureId: true, revokedAt: true } }),
    (structureId) => scope.manages(structureId),
    "Jeton",
  );
  if (token.revokedAt) return;
  await audited(deps, { action: "api_token.revoke", entity: "ApiToken", details: { structureId: token.structureId } }, (tx) =>
    tx.apiToken.update({ where: { id: input.id }, data: { revokedAt: clock.now() }, select: { id: true } }),
  );
}
