import { formatDate, type LocalDate } from "./dates.ts";

// The small words of French that change with what follows them: « de » elides before a vowel,
// « de le » contracts to « du ». Built sentences go through here rather than fixing each one.

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;
const H_THEN_VOWEL = /^h[aeiouyàâäéèêëîïôöùûüœæ]/i;
/**
 * Words whose h is aspirated: « de Hazebrouck », « de Hem », « de Hautmont ». Names and most
 * words take the mute h (« d'Hélène », « d'Hugo », « d'Hénin-Beaumont »): only these do not.
 */
const ASPIRATED_H = new Set([
  "hauts",
  "haut",
  "hautmont",
  "hazebrouck",
  "hem",
  "halluin",
  "ham",
  "hirson",
  "hondschoote",
  "houplines",
  "hesdin",
  "hal",
  "hamel",
  "hollande",
  "hongrie",
  "huit",
]);

/** Whether « de » elides before this word: a vowel, or an h that is not aspirated. */
function elides(name: string): boolean {
  if (VOWEL.test(name)) return true;
  if (!H_THEN_VOWEL.test(name)) return false;
  const word = (name.toLowerCase().split(/[\s-]/)[0] ?? "").normalize("NFC");
  return !ASPIRATED_H.has(word);
}

/** « de Paul », « d'Emma », « d'Inès », « d'Arrageois », « d'Hélène », « de Hazebrouck ». */
export function de(name: string): string {
  return elides(name) ? `d'${name}` : `de ${name}`;
}

/** « du 7 mai 2027 », « du 1er mai 2027 au 3 mai 2027 » (both days included). */
export function du(start: LocalDate, end: LocalDate = start): string {
  return end === start ? `du ${formatDate(start)}` : `du ${formatDate(start)} au ${formatDate(end)}`;
}

/** A sentence starts with a capital, whatever the server or a template put first. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
