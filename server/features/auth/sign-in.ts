import { knownDevice } from "../../auth/devices.ts";
import { verifyPassword } from "../../auth/password.ts";
import { closeSession, openSession } from "../../auth/sessions.ts";
import { clearFailures, recordFailure, throttled } from "../../auth/throttle.ts";
import type { Deps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { profileOf } from "./profile.ts";

const WRONG = "Adresse électronique ou mot de passe incorrect.";

export interface SignInInput {
  email: string;
  password: string;
  /** The client's address, for throttling. */
  address: string;
  /** The device cookie's proofs (auth/devices.ts): a browser the owner signed in from before. */
  deviceProofs: string | undefined;
  /** The session this browser already has, if any: it ends. */
  sessionId: string | undefined;
}

/**
 * Signs a member of staff in with their address and password. Throttled by address and by
 * account; a browser the owner signed in from before skips the account's back-off (devices.ts).
 * Answers `wait` (milliseconds) while throttled; else the new session's token and the profile.
 */
export async function signIn({
  db,
  clock,
  config,
  input: { email, password, address, deviceProofs, sessionId },
}: Pick<Deps, "db" | "clock" | "config"> & { input: SignInInput }): Promise<
  { wait: number } | { session: string; user: Awaited<ReturnType<typeof profileOf>> }
> {
  const now = clock.now();
  const device = knownDevice(config.sessionSecret, deviceProofs, email);
  const wait = await throttled(db, address, email, now, device);
  if (wait > 0) return { wait };
  const user = await db.prisma.staffUser.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, active: true },
  });
  // The password is checked even without an account (against a dummy hash): same answer, same time.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user?.active || !user.passwordHash || !valid) {
    await recordFailure(db, address, email, now, device);
    throw new AppError("UNAUTHENTICATED", WRONG);
  }
  await clearFailures(db, address, email, device);
  if (sessionId) await closeSession(db, sessionId, now);
  const session = await openSession(db, user.id, now);
  return { session, user: await profileOf(db, user.id) };
}
