import { SegmentedMessage } from "sms-segments-calculator";

/** Every text is sent in at most two segments: 306 GSM-7 characters, fewer with €, [ ] and the like. */
export const MAX_SEGMENTS = 2;

export interface Measure {
  segments: number;
  encoding: "GSM-7" | "UCS-2";
  /** GSM-7: septets, 2 for a character of the extension table (€, [, ]…); UCS-2: characters. */
  length: number;
}

/**
 * How the text goes over the network, counted by sms-segments-calculator: 160 GSM-7 septets or
 * 70 UCS-2 characters in one segment, 153 and 67 a segment once split (the rest carries the
 * header that joins them back), a character of the extension table never split across two.
 */
export function measure(text: string): Measure {
  const message = new SegmentedMessage(text);
  return { segments: message.segmentsCount, encoding: message.encodingName, length: message.numberOfCharacters };
}

/** GSM 03.38's extension table, whose characters take an escape septet before their own. */
export const EXTENSION = "\f^{}\\[~]|€";

/** Septets in a segment of a message sent in several. */
const SEPTETS_PER_PART = 153;

/**
 * Whether a GSM-7 text is sure to need more than `segments` segments, by adding up its septets
 * (2 for the extension table), at no cost: the library's count, exact, takes a few milliseconds.
 */
export function surelyLongerThan(text: string, segments: number): boolean {
  let septets = 0;
  for (const char of text) septets += EXTENSION.includes(char) ? 2 : 1;
  return septets > segments * SEPTETS_PER_PART;
}

/** An SMS ready to send: GSM-7 only, already transliterated. */
export interface SmsText {
  text: string;
  segments: number;
  encoding: "GSM-7";
}
