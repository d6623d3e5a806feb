import { createHash, randomBytes } from "node:crypto";

/** The hash under which a private link's token is stored (the token itself never is). */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A private link's token: 128 random bits; only its hash is stored. */
export function newManageToken(): { token: string; hash: string } {
  const token = randomBytes(16).toString("base64url");
  return { token, hash: hashToken(token) };
}
