// After signing in, the person goes back to the staff page they asked for. The address comes
// from the query string, which anyone can write: only a path of this site's staff space is
// followed (no « //evil.example », no « /\evil.example », no « https:// »), never an open redirect.

const HOME = "/espace";
const STAFF_PATH = /^\/espace(?:[/?#]|$)/;

/** The sign-in page, remembering `path` when it is worth coming back to. */
export function signInHref(path: string): string {
  return path === HOME || !STAFF_PATH.test(path) ? "/connexion" : `/connexion?retour=${encodeURIComponent(path)}`;
}

/** The staff path to go to after signing in: `wanted` when it is one, the staff home otherwise. */
export function returnPath(wanted: unknown): string {
  if (typeof wanted !== "string" || !STAFF_PATH.test(wanted) || /[\\\s]/.test(wanted)) return HOME;
  // Resolved against a fixed origin: a path that escapes it (« /espace/../.. » stays, « //x » goes) is refused.
  const url = new URL(wanted, "https://rdv.invalid");
  if (url.origin !== "https://rdv.invalid" || !STAFF_PATH.test(url.pathname)) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
