import { readPasswordLink } from "../../auth/password-links.ts";
import type { Deps } from "../../context.ts";
import type { Database } from "../../db/database.ts";
import { AppError } from "../../errors.ts";

export const DEAD_LINK = "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.";

/** The invitation or reset link behind a token while it may still be used; a 404 otherwise. */
export async function liveLink(db: Database, token: string, now: Date) {
  const link = await readPasswordLink(db, token, now);
  if (!link) throw new AppError("NOT_FOUND", DEAD_LINK);
  return link;
}

/** What a password link is for, and whose, without using it. */
export function checkPasswordLink({ db, clock, input }: Pick<Deps, "db" | "clock"> & { input: { token: string } }) {
  return liveLink(db, input.token, clock.now());
}
