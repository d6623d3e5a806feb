import { readPasswordLink } from "../../auth/password-links.ts";
import type { Deps } from "../../context.ts";
import { live } from "./live-token.ts";

export const DEAD_LINK = "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.";

/** What an invitation or reset link is for, and whose, without using it. */
export function checkPasswordLink({ db, clock, input }: Pick<Deps, "db" | "clock"> & { input: { token: string } }) {
  return live(readPasswordLink(db, input.token, clock.now()), DEAD_LINK);
}
