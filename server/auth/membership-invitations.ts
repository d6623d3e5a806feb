import { randomBytes } from "node:crypto";
import { membershipInvitationEmail } from "../../emails/membership-invitation.ts";
import { recordAudit } from "../db/audit.ts";
import { type Database, sqlIn, type Tx } from "../db/database.ts";
import { isUniqueViolation } from "../db/errors.ts";
import type { MembershipRole } from "../db/generated/client.ts";
import { AppError } from "../errors.ts";
import { enqueue } from "../mail/outbox.ts";
import { hashSecret } from "./hash-secret.ts";
import { setPassword } from "./password-links.ts";

// Nobody joins a structure without accepting. A structure admin invites an address; whoever
// holds it opens the e-mailed link and accepts: their account (or a new one, named as the
// inviter wrote) then gains the role. The admin's answer is the same whether the address has an
// account or not, so that an invitation tells nothing of who works where. Only the token's hash
// is kept; the link works once, for a week.

export const INVITATION_LIFETIME_MS = 7 * 24 * 3_600_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface Invitee {
  email: string;
  firstName: string;
  lastName: string;
  role: MembershipRole;
}

/**
 * Invites an address to a role in a structure, in the caller's transaction: a new token, and
 * its e-mail queued. Inviting the same address to the same role again replaces the pending
 * invitation (the earlier link stops working). Returns the invitation's id.
 */
export async function issueMembershipInvitation(
  tx: Tx,
  structure: { id: string; name: string },
  invitee: Invitee,
  context: { now: Date; publicUrl: string; secret: string; invitedBy: { id: string; name: string } },
): Promise<{ id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(context.now.getTime() + INVITATION_LIFETIME_MS);
  const data = {
    tokenHash: hashSecret(token),
    firstName: invitee.firstName,
    lastName: invitee.lastName,
    invitedById: context.invitedBy.id,
    createdAt: context.now,
    expiresAt,
  };
  const key = { structureId: structure.id, email: invitee.email, role: invitee.role };
  const pending = await tx.membershipInvitation.findUnique({
    where: { structureId_email_role: key },
    select: { id: true },
  });
  const invitation = pending
    ? await tx.membershipInvitation.update({ where: { id: pending.id }, data, select: { id: true } })
    : await tx.membershipInvitation.create({ data: { ...key, ...data }, select: { id: true } });
  // Whoever already has an account there is greeted by their own name, not the one the inviter typed
  // (the e-mail goes to them alone: the inviter learns nothing from it).
  const account = await tx.staffUser.findUnique({ where: { email: invitee.email }, select: { firstName: true } });
  const email = membershipInvitationEmail({
    firstName: account?.firstName ?? invitee.firstName,
    structure: structure.name,
    role: invitee.role,
    invitedBy: context.invitedBy.name,
    url: `${context.publicUrl}/connexion/rejoindre#${token}`,
    expiresAt,
  });
  await enqueue(sqlIn(tx), context.secret, [
    { type: "staff.membership_invitation", recipient: invitee.email, dueAt: context.now, payload: email },
  ]);
  return { id: invitation.id, expiresAt };
}

/** A live invitation, as its page shows it; undefined when it is unknown, used, withdrawn or expired. */
export async function readMembershipInvitation(db: Database, token: string, now: Date) {
  if (!TOKEN.test(token)) return undefined;
  const invitation = await db.prisma.membershipInvitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      email: true,
      firstName: true,
      role: true,
      expiresAt: true,
      structure: { select: { name: true } },
      invitedBy: { select: { firstName: true, lastName: true } },
    },
  });
  if (!invitation || invitation.expiresAt <= now) return undefined;
  const account = await db.prisma.staffUser.findUnique({
    where: { email: invitation.email },
    select: { active: true, passwordHash: true, firstName: true },
  });
  if (account && !account.active) return undefined;
  const { invitedBy, structure, expiresAt, ...rest } = invitation;
  return {
    ...rest,
    firstName: account?.firstName ?? rest.firstName,
    structure: structure.name,
    invitedBy: invitedBy ? `${invitedBy.firstName} ${invitedBy.lastName}` : null,
    expiresAt: expiresAt.toISOString(),
    /** Whoever holds the link learns whether their own address has a password to sign in with. */
    needsPassword: !account?.passwordHash,
  };
}

/** The invitation cannot be used (its account was deactivated): rolled back, it stays for its admin to see. */
class NotLive extends Error {}

/**
 * Accepts an invitation: the account of its address (opened now if there is none, under the name
 * the inviter gave) gains the role; a password chosen here is set (`setPassword`). Claimed by
 * deleting it, so that two acceptances at once cannot both win. Returns the user's id and
 * whether a password was set (they are then signed in), or undefined when the link is not live.
 */
export async function acceptMembershipInvitation(
  db: Database,
  token: string,
  now: Date,
  passwordHash: string | undefined,
): Promise<{ userId: string; passwordSet: boolean } | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const accept = () => db.prisma.$transaction((tx) => accepted(tx, token, now, passwordHash));
  try {
    // Two invitations of one new address accepted at once: one opens the account, the other,
    // run again, finds it.
    return await accept().catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      return accept();
    });
  } catch (error) {
    if (error instanceof NotLive) return undefined;
    throw error;
  }
}

async function accepted(tx: Tx, token: string, now: Date, passwordHash: string | undefined) {
  const [claimed] = await tx.$queryRaw<Invitee[] & { structureId: string }[]>`
    DELETE FROM "MembershipInvitation" WHERE "tokenHash" = ${hashSecret(token)} AND "expiresAt" > ${now}
    RETURNING "structureId"::text AS "structureId", email, "firstName", "lastName", role::text AS role`;
  if (!claimed) return undefined;
  const found = await tx.staffUser.findUnique({
    where: { email: claimed.email },
    select: { id: true, email: true, active: true, passwordHash: true },
  });
  if (found && !found.active) throw new NotLive();
  if (!found?.passwordHash && !passwordHash) {
    throw new AppError("VALIDATION", "Choisissez votre mot de passe pour ouvrir votre compte.", {
      fields: { newPassword: "Choisissez votre mot de passe." },
    });
  }
  const user =
    found ??
    (await tx.staffUser.create({
      data: { email: claimed.email, firstName: claimed.firstName, lastName: claimed.lastName },
      select: { id: true, email: true, active: true, passwordHash: true },
    }));
  if (!found) await recordAudit(tx, { actorId: user.id, action: "user.create", entity: "StaffUser", entityId: user.id }, now);
  const passwordSet = !user.passwordHash && passwordHash !== undefined;
  if (passwordSet) await setPassword(tx, user, passwordHash, now);
  const membership = await tx.membership.upsert({
    where: { userId_structureId_role: { userId: user.id, structureId: claimed.structureId, role: claimed.role } },
    create: { userId: user.id, structureId: claimed.structureId, role: claimed.role },
    update: {},
    select: { id: true },
  });
  await recordAudit(
    tx,
    {
      actorId: user.id,
      action: "membership.accept",
      entity: "Membership",
      entityId: membership.id,
      details: { role: claimed.role, structureId: claimed.structureId },
    },
    now,
  );
  return { userId: user.id, passwordSet };
}
