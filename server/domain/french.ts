// French alphabetical order: « Béthune » before « Boulogne », « Écoles » among the E, « Cap » before
// « CRIJ ». The databases' collation (C, byte order) cannot be relied on for that.
const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** Sorts in place by the French order of `key`, then returns the array. */
export function sortFrench<T>(items: T[], key: (item: T) => string): T[] {
  return items.sort((a, b) => collator.compare(key(a), key(b)));
}

/** Month names, January first: written out rather than asked of Intl on every message and figure. */
export const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** Weekday names, Monday first (ISO order). */
export const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

// « de » elides before a vowel or a mute h: « d'Eva », « d'Hélène », « de Hazebrouck ». Every built
// sentence that puts a name after « de » goes through `de`, on the server and in the web app.

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;
/** A y before a vowel is a consonant: « de Yanis », « de Yasmine », « de Yoann » (but « d'Yves »). */
const Y_THEN_VOWEL = /^y[aeiouàâäéèêëîïôöùûü]/i;
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
  if (VOWEL.test(name)) return !Y_THEN_VOWEL.test(name);
  if (!H_THEN_VOWEL.test(name)) return false;
  const word = (name.toLowerCase().split(/[\s-]/)[0] ?? "").normalize("NFC");
  return !ASPIRATED_H.has(word);
}

/** « de Paul », « d'Emma », « d'Inès », « d'Arrageois », « d'Hélène », « de Hazebrouck ». */
export function de(name: string): string {
  return elides(name) ? `d'${name}` : `de ${name}`;
}

/**
 * A count and its words, agreed with it: « 1 rendez-vous annulé », « 2 rendez-vous annulés »,
 * « 0 place restante » (French takes the singular below 2). `many` defaults to `one` with an s.
 */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${Math.abs(count) < 2 ? one : many}`;
}
