import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";

const COMMON = new Set<string>((common.dictionary as Record<string, string[]>)["passwords-common"] ?? []);
export const MIN_PASSWORD_LENGTH = 12;
/**
 * Fewer guesses than this (zxcvbn's estimate, with its English and French dictionaries) and a
 * password falls to an offline attack in hours: « motdepasse123 », « azertyuiop123 »…
 */
const MIN_GUESSES_LOG10 = 8;

let estimator: ZxcvbnFactory | undefined;
/** Built at first use: the dictionaries take a moment to load, and only password changes need them. */
const guessesLog10 = (password: string, context: string[]) => {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator.check(password, context).guessesLog10;
};

/**
 * NIST SP 800-63B and the ANSSI: a long enough password, no composition rules, none of the
 * commonly used ones (a maintained list), nothing a dictionary attack finds quickly (maintained
 * English and French dictionaries, keyboard sequences, dates, the person's own name and e-mail).
 * Returns the French reason it is refused, if it is.
 */
export function passwordProblem(password: string, context: string[] = []): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit faire au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 256) return "Le mot de passe doit faire au plus 256 caractères.";
  if (COMMON.has(password.toLowerCase())) return "Ce mot de passe fait partie des plus courants : choisissez-en un autre.";
  if (guessesLog10(password, context) < MIN_GUESSES_LOG10) {
    return "Ce mot de passe est trop facile à deviner (mots courants, suites de touches, dates ou votre nom) : allongez-le, par exemple avec quelques mots sans rapport entre eux.";
  }
  return undefined;
}
