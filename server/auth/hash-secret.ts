import { createHash } from "node:crypto";

/**
 * What is stored in place of a secret handed out once — a session's cookie, a private link, an
 * invitation's token or printed code, a password link, a calendar feed's address — and what an
 * Idempotency-Key's request is recognised by: its SHA-256, in hex. The secrets are 128 bits of
 * randomness or more, so a fast hash is enough; the stored hashes depend on it never changing.
 */
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");
