import { randomBytes } from "node:crypto";
import type { Database, Tx } from "../db/database.ts";
import type { Sealed } from "../db/sealed.ts";
import { hashSecret } from "./hash-secret.ts";

export const IDLE_TIMEOUT_MS = 2 * 3_600_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface StaffIdentity {
  sessionId: string;
  user: { id: string; email: string; firstName: string; lastName: string; regionalAdmin: boolean };
}

/**
 * A new session (a new id at every sign-in: no fixation). Returns the cookie's token. `idToken`:
 * the provider's ID token, sealed, when signed in through ProConnect.
 */
export async function openSession(db: Database, userId: string, now: Date, idToken?: Sealed): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.prisma.staffSession.create({
    data: {
      id: hashSecret(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
      ...(idToken && { idToken: { ...idToken } }),
    },
  });
  return token;
}

/** The staff user behind a session token, if the session is live and the account active. */
export async function readSession(db: Database, token: string, now: Date): Promise<StaffIdentity | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const session = await db.prisma.staffSession.findUnique({
    where: { id: hashSecret(token) },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, firstName: true, lastName: true, regionalAdmin: true, active: true } },
    },
  });
  if (!session || session.revokedAt || !session.user.active) return undefined;
  if (now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.prisma.staffSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { active: _, ...user } = session.user;
  return { sessionId: session.id, user };
}

export async function closeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.prisma.staffSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Signs a user out everywhere (deactivation, "se déconnecter partout"). */
export async function closeAllSessions(db: Database | Tx, userId: string, now: Date): Promise<void> {
  const client = "prisma" in db ? db.prisma : db;
  await client.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
