import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Devices an account has signed in from (OWASP's « device cookie »): after a successful sign-in
// the browser keeps a proof — a random id and its HMAC with the account's address, under a key
// from SESSION_SECRET. A sign-in carrying the proof for its address skips the account's back-off
// (throttle.ts), so that someone failing on purpose from elsewhere cannot keep the owner out;
// its failures count against the proof itself instead. Nothing is stored on the server.

/** Proofs one browser keeps (accounts signed in from it, the latest first). */
const KEPT = 5;

const keyOf = (secret: string) => createHmac("sha256", secret).update("rdv-orientation device proof").digest();
const macOf = (secret: string, email: string, id: string) =>
  createHmac("sha256", keyOf(secret)).update(`${email}\n${id}`).digest("base64url");

/** The id of the proof in `cookie` made for `email`, if there is one and it is genuine. */
export function knownDevice(secret: string, cookie: string | undefined, email: string): string | undefined {
  for (const proof of (cookie ?? "").split("~").slice(0, KEPT)) {
    const [id, mac] = proof.split(".");
    if (!id || !mac) continue;
    const expected = Buffer.from(macOf(secret, email, id));
    const given = Buffer.from(mac);
    if (given.length === expected.length && timingSafeEqual(given, expected)) return id;
  }
  return undefined;
}

/** The cookie's proofs after a sign-in to `email`: its proof first (kept, or a new one), then the others. */
export function withDevice(secret: string, cookie: string | undefined, email: string): string {
  const id = knownDevice(secret, cookie, email) ?? randomBytes(12).toString("base64url");
  const proof = `${id}.${macOf(secret, email, id)}`;
  const others = (cookie ?? "").split("~").filter((p) => /^[\w-]+\.[\w-]+$/.test(p) && p !== proof);
  return [proof, ...others].slice(0, KEPT).join("~");
}
