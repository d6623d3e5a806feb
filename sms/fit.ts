import { toGsm7 } from "./gsm7.ts";
import { MAX_SEGMENTS, measure, type SmsText, surelyLongerThan } from "./segments.ts";

/** What people typed, as one line of GSM-7: transliterated, spaces and line breaks collapsed. */
export function field(text: string): string {
  return toGsm7(text).replace(/\s+/g, " ").trim();
}

/** At most `max` characters, « ... » ending what was cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 3)).trimEnd()}...`;
}

/** The sentence ended once: « absente » → « absente. »; « absente. » and « abs... » as they are. */
export function stop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Whether an optional part of the text is still there. */
export type Keep<Part extends string> = (part: Part) => boolean;
/** Applied to each name (of a structure, a site, a person…): as it is, then shorter and shorter. */
export type Name = (text: string) => string;

/** The lengths names are cut to, in turn, once every optional part is gone. */
const NAME_LENGTHS = [64, 56, 48, 40, 34, 28, 22, 16, 12, 8];

/**
 * The first draft that fits in MAX_SEGMENTS: the whole text; then without its optional parts,
 * one more gone each time in the order given; then, none left, with names cut shorter and shorter.
 * What is never optional (the date and time, the link) is never cut: a draft that still does not
 * fit with names of 8 characters (a link of 250) is sent as it is, in more segments.
 */
export function shrinkToFit<Part extends string>(
  dropOrder: readonly Part[],
  draft: (keep: Keep<Part>, name: Name) => string,
): SmsText {
  const whole: Name = (text) => text;
  const none: Keep<Part> = () => false;
  const drafts = function* () {
    for (let dropped = 0; dropped <= dropOrder.length; dropped++) {
      const gone = new Set(dropOrder.slice(0, dropped));
      yield draft((part) => !gone.has(part), whole);
    }
    for (const max of NAME_LENGTHS) yield draft(none, (text) => shorten(text, max));
  };
  const fitting = firstThatFits(drafts());
  if (fitting) return fitting;
  const text = toGsm7(draft(none, (text) => shorten(text, NAME_LENGTHS.at(-1) ?? 8)));
  return { text, segments: measure(text).segments, encoding: "GSM-7" };
}

/** The first of `drafts` that fits in MAX_SEGMENTS, as it is sent (GSM-7); null when none does. */
export function firstThatFits(drafts: Iterable<string>): SmsText | null {
  for (const candidate of drafts) {
    const text = toGsm7(candidate);
    if (surelyLongerThan(text, MAX_SEGMENTS)) continue;
    const { segments } = measure(text);
    if (segments <= MAX_SEGMENTS) return { text, segments, encoding: "GSM-7" };
  }
  return null;
}

/** The lines that are there, one under the other. */
export function lines(...parts: (string | null | false | undefined)[]): string {
  return parts.filter(Boolean).join("\n");
}

/** « Bonjour Léa, votre… », or « Votre… » without the greeting. */
export function greet(firstName: string | null, rest: string): string {
  return firstName ? `Bonjour ${firstName}, ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}
