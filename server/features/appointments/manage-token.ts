import { randomBytes } from "node:crypto";
import { hashSecret } from "../../auth/hash-secret.ts";

/** A private link's token: 128 random bits; only its hash (`hashSecret`) is stored. */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(16).toString("base64url");
  return { token, hash: hashSecret(token) };
}
