import { askReset } from "../../auth/password-links.ts";
import { countResetRequest, LIMITS } from "../../auth/throttle.ts";
import type { Deps } from "../../context.ts";
import { AppError } from "../../errors.ts";

/**
 * « Mot de passe oublié »: queues a reset link for the address, whether an account has it or
 * not, so that neither the answer nor its time tells. Throttled per client address.
 */
export async function requestPasswordReset({
  db,
  clock,
  config,
  input: { email, address },
}: Pick<Deps, "db" | "clock" | "config"> & { input: { email: string; address: string } }) {
  const now = clock.now();
  if ((await countResetRequest(db, address, now)) > LIMITS.resetRequests) {
    throw new AppError("RATE_LIMITED", "Trop de demandes depuis cette connexion. Réessayez dans 15 minutes.");
  }
  await askReset(db, config.sessionSecret, email, now);
}
