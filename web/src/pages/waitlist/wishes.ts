// The wishes of someone waiting (when they can come, how, until when): the form's state, the
// body the API takes, and the words that say them back. Pure functions, no component.

import type { Mode } from "../../lib/api.ts";
import { formatDayWithYear, type LocalDate } from "../../lib/dates.ts";
import type { Wishes } from "./waitlist-api.ts";

/** « 1am » (Monday morning) … « 7pm » (Sunday afternoon): ISO weekday, am or pm. */
export type HalfDay = NonNullable<Wishes["halfDays"]>[number];

const isHalfDay = (code: string): code is HalfDay => /^[1-7](am|pm)$/.test(code);

export interface WishesState {
  halfDays: HalfDay[];
  modes: Mode[];
  /** « AAAA-MM-JJ », or empty: no last day. */
  until: string;
}

export const noWishes = (): WishesState => ({ halfDays: [], modes: [], until: "" });

/** The days offered, Monday to Saturday: no structure receives on Sunday. */
export const DAYS = [
  { day: 1, name: "Lundi" },
  { day: 2, name: "Mardi" },
  { day: 3, name: "Mercredi" },
  { day: 4, name: "Jeudi" },
  { day: 5, name: "Vendredi" },
  { day: 6, name: "Samedi" },
] as const;

export const HALVES = [
  { half: "am", name: "matin" },
  { half: "pm", name: "après-midi" },
] as const;

export const MODES: readonly { value: Mode; label: string }[] = [
  { value: "onsite", label: "Sur place" },
  { value: "phone", label: "Par téléphone" },
  { value: "video", label: "En visio" },
];

/** The wishes as the API takes them: what was left empty is not sent (nothing said: anything suits). */
export function wishesInput(state: WishesState): Wishes {
  return {
    ...(state.halfDays.length > 0 && { halfDays: [...state.halfDays].sort() }),
    ...(state.modes.length > 0 && { modes: state.modes }),
    ...(state.until && { until: state.until }),
  };
}

/** The form's state from a place on the list, to change its wishes. */
export function wishesState(entry: { halfDays: string[]; modes: Mode[]; until: string | null }): WishesState {
  return { halfDays: entry.halfDays.filter(isHalfDay), modes: [...entry.modes], until: entry.until ?? "" };
}

/** « lundi matin, mercredi après-midi », or « tous les jours » when none was chosen. */
export function halfDaysWords(halfDays: readonly string[]): string {
  if (halfDays.length === 0) return "Tous les jours";
  const words = [...halfDays].sort().map((code) => {
    const day = DAYS.find((candidate) => String(candidate.day) === code.charAt(0))?.name ?? "Dimanche";
    const half = HALVES.find((candidate) => candidate.half === code.slice(1))?.name ?? "";
    return `${day.toLocaleLowerCase("fr-FR")} ${half}`;
  });
  const sentence = words.join(", ");
  return sentence.charAt(0).toLocaleUpperCase("fr-FR") + sentence.slice(1);
}

/** « Sur place, par téléphone », or « tous » when none was chosen. */
export function modesWords(modes: readonly Mode[]): string {
  if (modes.length === 0) return "Tous";
  const sentence = MODES.filter((mode) => modes.includes(mode.value))
    .map((mode) => mode.label.toLocaleLowerCase("fr-FR"))
    .join(", ");
  return sentence.charAt(0).toLocaleUpperCase("fr-FR") + sentence.slice(1);
}

/** « jusqu'au mardi 30 juin 2026 », or what happens without a last day. */
export function untilWords(until: LocalDate | null, hasMeeting: boolean): string {
  if (until) return `Jusqu'au ${formatDayWithYear(until)}`;
  return hasMeeting ? "Jusqu'à votre rendez-vous" : "Un an au plus";
}

const FIELDS: Record<string, string> = { halfDays: "demi-journees", modes: "modes", until: "jusqu-au" };

/** The id of the wishes' field a server's error path names (« modes », « halfDays.2 »), if any. */
export function wishField(path: string): string | undefined {
  return FIELDS[path.split(".")[0] ?? ""];
}
