import { readMembershipInvitation } from "../../auth/membership-invitations.ts";
import type { Deps } from "../../context.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";

export const DEAD = "Cette invitation n'est plus valable : elle a déjà servi, elle a été retirée ou elle a expiré.";

/** The invitation behind an e-mailed link while it may still be accepted; a 404 otherwise. */
export async function liveInvitation(db: Database, token: string, now: Date) {
  const invitation = await readMembershipInvitation(db, token, now);
  if (!invitation) throw new AppError("NOT_FOUND", DEAD);
  return invitation;
}

/** What an invitation to join a structure offers, seen by the invited person before accepting. */
export function checkMembershipInvitation({ db, clock, input }: Pick<Deps, "db" | "clock"> & { input: { token: string } }) {
  return liveInvitation(db, input.token, clock.now());
}
