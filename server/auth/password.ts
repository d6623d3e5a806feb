import { type Algorithm, hash, verify } from "@node-rs/argon2";

// OWASP Password Storage Cheat Sheet, Argon2id: m = 19 MiB, t = 2, p = 1.
// (Algorithm is a const enum, which isolated modules cannot read: Argon2id is 2.)
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

// Verified against when the account does not exist, so that both answers take as long.
const DUMMY = hash("pas-de-compte-pas-de-compte", OPTIONS);

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  try {
    return await verify(stored ?? (await DUMMY), password);
  } catch {
    return false;
  }
}
