import { randomBytes } from "node:crypto";
import { passwordLinkEmail } from "../../emails/password-link.ts";
import { recordAudit } from "../db/audit.ts";
import { type Database, sqlIn, type Tx } from "../db/database.ts";
import { enqueue } from "../mail/outbox.ts";
import { hashSecret } from "./hash-secret.ts";
import { closeAllSessions } from "./sessions.ts";
import { clearFailures } from "./throttle.ts";

// A password link is how a staff member sets a password without anyone else knowing it: an
// invitation when their account is opened, a reset when they forgot it. Only the token's hash
// is stored; the link works once, before it expires.

export type PasswordLinkKind = "invitation" | "reset";

export const LINK_LIFETIME_MS: Record<PasswordLinkKind, number> = {
  invitation: 7 * 24 * 3_600_000,
  reset: 30 * 60_000,
};
/** Reset links sent to one account in one lifetime: enough for a lost e-mail, not a mail bomb. */
export const RESETS_PER_WINDOW = 3;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Creates a link and queues its e-mail, in the caller's transaction. The token sits in the
 * fragment of the URL: browsers never send it to a server, nor in a Referer.
 */
export async function issuePasswordLink(
  tx: Tx,
  user: { id: string; email: string; firstName: string },
  kind: PasswordLinkKind,
  context: { now: Date; publicUrl: string; secret: string; invitedBy?: string },
): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(context.now.getTime() + LINK_LIFETIME_MS[kind]);
  await tx.passwordLink.create({ data: { id: hashSecret(token), userId: user.id, kind, createdAt: context.now, expiresAt } });
  const email = passwordLinkEmail({
    kind,
    firstName: user.firstName,
    url: `${context.publicUrl}/connexion/mot-de-passe#${token}`,
    expiresAt,
    invitedBy: context.invitedBy,
  });
  await enqueue(sqlIn(tx), context.secret, [
    { type: `staff.${kind}`, recipient: user.email, dueAt: context.now, payload: email },
  ]);
}

/** The outbox type of a password reset asked for an address (carried out by `resetAsked`). */
export const RESET_ASKED = "staff.reset_asked";

/**
 * A password reset asked for an address: queued, the same one statement whether an account has
 * the address or not, so that neither the answer nor its time says which. The outbox worker
 * then carries it out (`resetAsked`).
 */
export async function askReset(db: Database, secret: string, email: string, now: Date): Promise<void> {
  await enqueue(db.sql, secret, [{ type: RESET_ASKED, recipient: email, dueAt: now }]);
}

/**
 * Carries out a reset asked for an address, in the outbox worker's transaction (which forgets
 * the request in the same one): a link is e-mailed if an active account has it, and may have another.
 */
export async function resetAsked(tx: Tx, email: string, context: { now: Date; publicUrl: string; secret: string }) {
  const user = await tx.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, firstName: true, active: true },
  });
  if (user?.active && (await mayResetAgain(tx, user.id, context.now))) await issuePasswordLink(tx, user, "reset", context);
}

/** Whether an account may be sent another reset link now. */
async function mayResetAgain(tx: Tx, userId: string, now: Date): Promise<boolean> {
  const recent = await tx.passwordLink.count({
    where: { userId, kind: "reset", createdAt: { gt: new Date(now.getTime() - LINK_LIFETIME_MS.reset) } },
  });
  return recent < RESETS_PER_WINDOW;
}

/** The account a live link is for, or undefined when it is unknown, used or expired. */
export async function readPasswordLink(db: Database, token: string, now: Date) {
  if (!TOKEN.test(token)) return undefined;
  const link = await db.prisma.passwordLink.findUnique({
    where: { id: hashSecret(token) },
    select: { kind: true, usedAt: true, expiresAt: true, user: { select: { email: true, firstName: true, active: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || !link.user.active) return undefined;
  return { kind: link.kind, email: link.user.email, firstName: link.user.firstName };
}

/**
 * Spends a link: sets the password, withdraws the account's other links and ends its sessions.
 * The link is claimed by one conditional UPDATE, so two uses at once cannot both win.
 * Returns the user's id, or undefined when the link is not live.
 */
export async function usePasswordLink(db: Database, token: string, passwordHash: string, now: Date) {
  if (!TOKEN.test(token)) return undefined;
  return db.prisma.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ userId: string }[]>`
      UPDATE "PasswordLink" l SET "usedAt" = ${now}
        FROM "StaffUser" u
       WHERE l.id = ${hashSecret(token)} AND l."usedAt" IS NULL AND l."expiresAt" > ${now}
         AND u.id = l."userId" AND u.active
      RETURNING l."userId"::text AS "userId"`;
    if (!claimed) return undefined;
    const user = await tx.staffUser.findUniqueOrThrow({ where: { id: claimed.userId }, select: { id: true, email: true } });
    await setPassword(tx, user, passwordHash, now);
    return claimed.userId;
  });
}

/**
 * A password chosen from a link (a reset, an invitation), in the caller's transaction: the
 * account's other links withdrawn, the guesses that slowed it down forgotten (they are pointless
 * now), its sessions ended.
 */
export async function setPassword(tx: Tx, user: { id: string; email: string }, passwordHash: string, now: Date) {
  await tx.staffUser.update({ where: { id: user.id }, data: { passwordHash } });
  await tx.passwordLink.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
  await clearFailures({ prisma: tx }, undefined, user.email);
  await closeAllSessions(tx, user.id, now);
  await recordAudit(tx, { actorId: user.id, action: "user.password_set", entity: "StaffUser", entityId: user.id }, now);
}
