// Who may come in through ProConnect. The provider vouches for an identity; this service decides
// whether that identity has an account here. No self-sign-up: an account exists only because an
// admin created it or invited it into a structure, and ProConnect only opens such an account,
// found by the e-mail address the provider asserts.

/** Why a ProConnect sign-in was refused: the sign-in page's `?proconnect=` says which. */
export const PROCONNECT_REFUSALS = ["expiree", "inconnu", "desactive", "sans-role", "erreur", "indisponible"] as const;
export type ProConnectRefusal = (typeof PROCONNECT_REFUSALS)[number];

/** An account as the rule needs it: whether it is active, and whether it holds any role. */
export interface Candidate {
  active: boolean;
  regionalAdmin: boolean;
  memberships: number;
  territories: number;
}

/** Why `account` (the one found by the asserted address, if any) may not sign in; undefined: it may. */
export function refusalOf(account: Candidate | undefined): ProConnectRefusal | undefined {
  if (!account) return "inconnu";
  if (!account.active) return "desactive";
  // Never created or invited into anything: an address alone opens nothing.
  if (!account.regionalAdmin && account.memberships === 0 && account.territories === 0) return "sans-role";
  return undefined;
}

/**
 * The address the provider asserts, trimmed: from the ID token's claims, else from the userinfo
 * answer (ProConnect puts it only there). Read as accounts keep it by the caller (`emailAddress`).
 */
export function assertedEmail(...sources: (Record<string, unknown> | undefined)[]): string | undefined {
  for (const claims of sources) {
    const email = claims?.email;
    if (typeof email === "string" && /^[^\s@]+@[^\s@]+$/.test(email.trim())) return email.trim();
  }
  return undefined;
}
