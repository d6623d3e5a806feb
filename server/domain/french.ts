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
