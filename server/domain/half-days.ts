// The half-days a person on a waiting list may choose, and their words: apart from the list's
// rules (waitlist.ts) so that the web app shows them without the time zones' library.

/** A half-day a person may choose: ISO weekday and « am » (before noon) or « pm ». */
export type HalfDay = `${1 | 2 | 3 | 4 | 5 | 6 | 7}${"am" | "pm"}`;
export const HALF_DAYS: readonly HalfDay[] = (["1", "2", "3", "4", "5", "6", "7"] as const).flatMap((d) => [
  `${d}am` as HalfDay,
  `${d}pm` as HalfDay,
]);

const WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/** A half-day in words: « 1am » → « lundi matin », « 3pm » → « mercredi après-midi ». */
export function halfDayWords(halfDay: string): string {
  return `${WEEKDAYS[Number(halfDay[0]) - 1] ?? halfDay} ${halfDay.endsWith("am") ? "matin" : "après-midi"}`;
}
