import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// What the database must keep for a while but nobody should read in it: the e-mails waiting in
// the outbox (rendered when caused, they hold names, addresses and private links) and a
// booking's answer kept for its retries (it holds the private link). Sealed with AES-256-GCM
// under a key derived from SESSION_SECRET: a copy of the database alone gives neither a link nor
// a name. Changing the secret leaves what was sealed before unreadable (messages still to send
// then fail, and say why).

/** How a sealed value is stored in a JSON column. */
export interface Sealed {
  sealed: string;
}

const VERSION = "v1";
const keys = new Map<string, Buffer>();
function keyOf(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", "rdv-orientation/sealed/v1", 32));
    keys.set(secret, key);
  }
  return key;
}

export function seal(secret: string, value: unknown): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { sealed: `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}` };
}

export const isSealed = (stored: unknown): stored is Sealed =>
  typeof stored === "object" && stored !== null && typeof (stored as Sealed).sealed === "string";

export class SealError extends Error {
  override name = "SealError";
}

/**
 * A sealed value opened; a value stored before sealing began is given as it is. Throws a
 * SealError when it was sealed under another secret, or altered.
 */
export function unseal<T>(secret: string, stored: unknown): T {
  if (!isSealed(stored)) return stored as T;
  const [version, data] = stored.sealed.split(".");
  if (version !== VERSION || !data) throw new SealError("scellé inconnu");
  const bytes = Buffer.from(data, "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(secret), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8")) as T;
  } catch {
    throw new SealError("scellé sous une autre clé (SESSION_SECRET a changé ?) ou altéré");
  }
}
