import { addDays, DEFAULT_ZONE, isLocalDate, type LocalDate, localDateOf, localInstant } from "./time.ts";

// A structure's API token: how it looks, how long it lives (what it may open: api-permissions.ts).
// Pure rules; the database and HTTP sides are in auth/api-tokens.ts and features/api-tokens/.

// ---------------------------------------------------------------- the secret

const PREFIX = "rdv_";
/** 32 random bytes in base64url: 43 characters. */
const SHAPE = /^rdv_[A-Za-z0-9_-]{43}$/;
/** What a list shows of a token to recognise it: « rdv_AbC1dEf2 ». */
const SHOWN = PREFIX.length + 8;

export const tokenOf = (randomBase64url: string) => `${PREFIX}${randomBase64url}`;
export const looksLikeToken = (value: string) => SHAPE.test(value);
export const shownPrefix = (token: string) => token.slice(0, SHOWN);

// ---------------------------------------------------------------- its life

export const VALIDITY = { defaultYears: 1, maxYears: 2 } as const;

/** The same day `years` later (a 29 February, the 28th). */
const yearsAfter = (date: LocalDate, years: number): LocalDate => {
  const shifted = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return isLocalDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
};

/**
 * When a token asked to last until `expiresOn` (a local day, in Paris, included) stops working:
 * the next midnight. Without a day, a year from today. A 422's French reason when the day is past
 * or more than two years away.
 */
export function expiryOf(expiresOn: LocalDate | undefined, now: Date): { at: Date } | { problem: string } {
  const today = localDateOf(now, DEFAULT_ZONE);
  const last = expiresOn ?? yearsAfter(today, VALIDITY.defaultYears);
  if (last < today) return { problem: "cette date est passée : choisissez aujourd'hui ou plus tard." };
  if (last > yearsAfter(today, VALIDITY.maxYears))
    return { problem: "un jeton vit deux ans au plus : choisissez une date plus proche." };
  const at = localInstant(addDays(last, 1), 0, DEFAULT_ZONE);
  return at ? { at } : { problem: "date invalide." };
}

export interface TokenState {
  revokedAt: Date | null;
  expiresAt: Date | null;
  /** Its creator's account is active. */
  creatorActive: boolean;
  /** Its creator still runs its structure (canManageStructure). */
  creatorManages: boolean;
}

/**
 * Why a presented token no longer works, in French (a 401's message), or undefined if it does.
 * A token acts with its creator's rights: it ends with them.
 */
export function deadToken(token: TokenState, now: Date): string | undefined {
  if (token.revokedAt) return "Ce jeton d'API a été révoqué.";
  if (token.expiresAt && now >= token.expiresAt)
    return "Ce jeton d'API a expiré : demandez-en un nouveau à l'administration de la structure.";
  if (!token.creatorActive || !token.creatorManages) {
    return "Ce jeton d'API ne fonctionne plus : la personne qui l'a créé n'administre plus la structure.";
  }
  return undefined;
}

/** Like a session's lastSeenAt, written at most once a minute, not on every request. */
export const TOUCH_EVERY_MS = 60_000;
export const dueForTouch = (lastUsedAt: Date | null, now: Date) =>
  !lastUsedAt || now.getTime() - lastUsedAt.getTime() >= TOUCH_EVERY_MS;

/** The fixed window a token's requests are counted in. */
export const RATE_WINDOW_MS = 60_000;
/** Seconds until a window that began at `windowStart` ends (Retry-After), one at least. */
export const secondsLeft = (windowStart: Date, now: Date) =>
  Math.max(1, Math.ceil((windowStart.getTime() + RATE_WINDOW_MS - now.getTime()) / 1000));
