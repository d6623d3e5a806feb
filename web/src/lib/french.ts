import { formatDate, type LocalDate } from "./dates.ts";

// The small words of French that change with what follows them: « de » elides before a vowel,
// « de le » contracts to « du ». Built sentences go through here rather than fixing each one.

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** « de Paul », « d'Emma », « d'Inès », « d'Arrageois ». */
export function de(name: string): string {
  return VOWEL.test(name) ? `d'${name}` : `de ${name}`;
}

/** « du 7 mai 2027 », « du 1er mai 2027 au 3 mai 2027 » (both days included). */
export function du(start: LocalDate, end: LocalDate = start): string {
  return end === start ? `du ${formatDate(start)}` : `du ${formatDate(start)} au ${formatDate(end)}`;
}

/** A sentence starts with a capital, whatever the server or a template put first. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
