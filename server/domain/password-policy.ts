import { dictionary } from "@zxcvbn-ts/language-common";

const COMMON = new Set<string>((dictionary as Record<string, string[]>)["passwords-common"] ?? []);
export const MIN_PASSWORD_LENGTH = 12;

/**
 * NIST SP 800-63B and the ANSSI: a long enough password, no composition rules, and none of the
 * commonly used ones (a maintained list). Returns the French reason it is refused, if it is.
 */
export function passwordProblem(password: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 256) return "Le mot de passe doit faire au plus 256 caractères.";
  if (COMMON.has(password.toLowerCase())) return "Ce mot de passe fait partie des plus courants : choisissez-en un autre.";
  return undefined;
}
