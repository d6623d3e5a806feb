import { readMembershipInvitation } from "../../auth/membership-invitations.ts";
import type { Deps } from "../../context.ts";
import { live } from "./live-token.ts";

export const DEAD = "Cette invitation n'est plus valable : elle a déjà servi, elle a été retirée ou elle a expiré.";

/** What an invitation to join a structure offers, seen by the invited person before accepting. */
export function checkMembershipInvitation({ db, clock, input }: Pick<Deps, "db" | "clock"> & { input: { token: string } }) {
  return live(readMembershipInvitation(db, input.token, clock.now()), DEAD);
}
