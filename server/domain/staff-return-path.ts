// After signing in, the person goes back to the staff page they asked for. The address comes
// from the query string, which anyone can write: only a path of this site's staff space is
// followed (no « //evil.example », no « /\evil.example », no « https:// »), never an open redirect.
// The web app follows it after a password; the server after ProConnect's callback.

export const STAFF_HOME = "/espace";
const STAFF_PATH = /^\/espace(?:[/?#]|$)/;

/** Whether `path` is in the staff space (the sign-in page remembers only those). */
export const isStaffPath = (path: string) => STAFF_PATH.test(path);

/** The staff path to go to after signing in: `wanted` when it is one, the staff home otherwise. */
export function returnPath(wanted: unknown): string {
  if (typeof wanted !== "string" || !STAFF_PATH.test(wanted) || /[\\\s]/.test(wanted)) return STAFF_HOME;
  // Resolved against a fixed origin: a path that escapes it (« /espace/../.. » stays, « //x » goes) is refused.
  const url = new URL(wanted, "https://rdv.invalid");
  if (url.origin !== "https://rdv.invalid" || !STAFF_PATH.test(url.pathname)) return STAFF_HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
