import type { Database } from "../db/database.ts";
import { deadToken, dueForTouch, looksLikeToken, RATE_WINDOW_MS, secondsLeft } from "../domain/api-tokens.ts";
import { hashSecret } from "./hash-secret.ts";
import { canIssueToken, type Roles } from "./policy.ts";
import type { ScopeToken } from "./scope.ts";
import type { StaffIdentity } from "./sessions.ts";
import { counted } from "./throttle.ts";

/** Who calls with a live token: its creator, acting in the token's structure only. */
export interface TokenCaller {
  token: ScopeToken;
  user: StaffIdentity["user"];
  /** A structure admin of the token's structure and nothing else: never the creator's other roles. */
  roles: Roles;
}

const UNKNOWN = "Jeton d'API inconnu : vérifiez l'en-tête Authorization (Bearer rdv_…).";

/**
 * The caller behind a presented token, or why it is refused (a 401's French message). A token
 * is known by its hash; it works while it is neither revoked nor expired and its creator, still
 * active, is still an admin member of its structure (being the Région is not enough: policy.ts). Its last use is written at most once a minute.
 */
export async function readApiToken(db: Database, presented: string, now: Date): Promise<TokenCaller | { refused: string }> {
  if (!looksLikeToken(presented)) return { refused: UNKNOWN };
  const row = await db.prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(presented) },
    select: {
      id: true,
      name: true,
      structureId: true,
      permissions: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: {
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          regionalAdmin: true,
          active: true,
          memberships: { select: { structureId: true, role: true } },
        },
      },
    },
  });
  if (!row) return { refused: UNKNOWN };
  const creator = row.createdBy;
  const creatorRoles: Roles = { regionalAdmin: creator.regionalAdmin, memberships: creator.memberships, territories: [] };
  const refused = deadToken(
    {
      revokedAt: row.revokedAt,
      expiresAt: row.expiresAt,
      creatorActive: creator.active,
      creatorManages: canIssueToken(creatorRoles, row.structureId),
    },
    now,
  );
  if (refused) return { refused };
  if (dueForTouch(row.lastUsedAt, now)) await db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    token: { id: row.id, name: row.name, structureId: row.structureId, permissions: row.permissions },
    user: {
      id: creator.id,
      email: creator.email,
      firstName: creator.firstName,
      lastName: creator.lastName,
      regionalAdmin: false,
    },
    roles: { regionalAdmin: false, territories: [], memberships: [{ structureId: row.structureId, role: "structure_admin" }] },
  };
}

/**
 * Counts a token's request in its minute, across instances (the counter is a row, as sign-in
 * failures are). Undefined while under `perMinute`; past it, the seconds until the minute ends.
 */
export async function tokenRateExceeded(
  db: Database,
  tokenId: string,
  now: Date,
  perMinute: number,
): Promise<number | undefined> {
  const { count, windowStart } = await counted(db, `api-token:${tokenId}`, now, RATE_WINDOW_MS);
  return count > perMinute ? secondsLeft(windowStart, now) : undefined;
}
