// What a structure's API token may open: an area of the staff API, read or written. Pure, and
// without imports: the web app shows the same words.

export const API_PERMISSIONS = [
  "appointments_read",
  "appointments_write",
  "availability_read",
  "availability_write",
  "referrals_read",
  "referrals_write",
] as const;
export type ApiPermission = (typeof API_PERMISSIONS)[number];

/** The parts of the staff API a token may be given, each read or written. */
export type TokenArea = "appointments" | "availability" | "referrals";

export const PERMISSION_WORDS: Record<ApiPermission, string> = {
  appointments_read: "Lire les rendez-vous (agenda, accueil)",
  appointments_write: "Prendre, déplacer, annuler les rendez-vous",
  availability_read: "Lire les disponibilités",
  availability_write: "Modifier les disponibilités (plages, absences)",
  referrals_read: "Lire les orientations",
  referrals_write: "Gérer les orientations (envoyer, répondre, réserver)",
};

/** The permission a request needs: reading (GET, HEAD) or writing (anything else) an area. */
export const permissionFor = (area: TokenArea, method: string): ApiPermission =>
  `${area}_${method === "GET" || method === "HEAD" ? "read" : "write"}`;

/** Whether a token's permissions grant one: writing an area implies reading it. */
export const grants = (held: readonly ApiPermission[], needed: ApiPermission): boolean =>
  held.includes(needed) || (needed.endsWith("_read") && held.includes(needed.replace(/_read$/, "_write") as ApiPermission));

export const CLOSED_TO_TOKENS = "Ce jeton ne donne pas accès à cet espace : il est réservé aux personnes connectées.";

/**
 * Why a token is refused a request (a 403's message), or undefined: the request is closed to
 * tokens (`needed` undefined), or needs a permission the token lacks.
 */
export function tokenRefusal(held: readonly ApiPermission[], needed: ApiPermission | undefined): string | undefined {
  if (!needed) return CLOSED_TO_TOKENS;
  if (grants(held, needed)) return undefined;
  return `Ce jeton ne donne pas accès à cette action : il y faut la permission « ${PERMISSION_WORDS[needed]} ».`;
}
