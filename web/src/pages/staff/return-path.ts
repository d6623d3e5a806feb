import { isStaffPath, STAFF_HOME } from "../../../../server/domain/staff-return-path.ts";

// One rule for the way back after signing in, the server's too (ProConnect's callback).
export { returnPath } from "../../../../server/domain/staff-return-path.ts";

/** The sign-in page, remembering `path` when it is worth coming back to. */
export function signInHref(path: string): string {
  return path === STAFF_HOME || !isStaffPath(path) ? "/connexion" : `/connexion?retour=${encodeURIComponent(path)}`;
}
