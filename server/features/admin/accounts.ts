import { issuePasswordLink } from "../../auth/password-links.ts";
import type { AccountRoles } from "../../auth/policy.ts";
import type { Scope } from "../../auth/scope.ts";
import type { StaffDeps } from "../../context.ts";
import type { Database, Tx } from "../../db/database.ts";
import { notFound, validationError } from "../../errors.ts";

// What the verbs on staff accounts share: how an account is read and shown, its territories,
// and the invitation that lets it choose its password.

export const accountSelect = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  active: true,
  passwordHash: true,
  regionalAdmin: true,
  memberships: { select: { id: true, role: true, structure: { select: { id: true, name: true } } } },
  coordinates: { select: { territory: { select: { id: true, name: true } } } },
} as const;

type Loaded = NonNullable<Awaited<ReturnType<typeof loadAccount>>>;
const loadAccount = (db: Database, id: string) => db.prisma.staffUser.findUnique({ where: { id }, select: accountSelect });
export const rolesOfAccount = (a: Loaded): AccountRoles => ({
  regionalAdmin: a.regionalAdmin,
  structureIds: a.memberships.map((m) => m.structure.id),
  territories: a.coordinates.map((c) => c.territory.id),
});
export const present =
  (scope: Scope) =>
  ({ passwordHash, coordinates, ...a }: Loaded) => ({
    ...a,
    invited: !passwordHash,
    territories: coordinates.map((c) => c.territory),
    manageable: scope.managesAccount(rolesOfAccount({ passwordHash, coordinates, ...a })),
  });

/** An account the user sees, or a 404 (also when it does not exist). */
export async function seenAccount(db: Database, scope: Scope, id: string): Promise<Loaded> {
  const account = await loadAccount(db, id);
  if (!account || !scope.seesAccount(rolesOfAccount(account))) throw notFound("Compte");
  return account;
}

export async function checkTerritories(db: Database, ids: readonly string[] | undefined) {
  if (ids?.length && (await db.prisma.territory.count({ where: { id: { in: [...ids] } } })) !== ids.length) {
    throw validationError({ territoryIds: "territoire inconnu." });
  }
}

export async function setTerritories(tx: Tx, userId: string, territoryIds: readonly string[]) {
  await tx.territoryCoordinator.deleteMany({ where: { userId } });
  await tx.territoryCoordinator.createMany({ data: territoryIds.map((territoryId) => ({ userId, territoryId })) });
}

/** E-mails the account a link to choose its password, naming who invites it. */
export function sendInvitation(tx: Tx, account: { id: string; email: string; firstName: string }, deps: StaffDeps) {
  const { clock, config, scope } = deps;
  return issuePasswordLink(tx, account, "invitation", {
    now: clock.now(),
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
    invitedBy: `${scope.user.firstName} ${scope.user.lastName}`,
  });
}
