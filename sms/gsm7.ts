import { SegmentedMessage } from "sms-segments-calculator";

// SMS texts stay in the GSM 03.38 alphabet (its basic set and extension table): one character
// outside it and the whole message goes as UCS-2, 70 characters a segment instead of 160.
// French needs little of what GSM-7 lacks: é è à ù É Ç are in it; ê â î ô û ç œ and the French
// typography (« », ’, non-breaking spaces, …) are not, and are written the way people text.

/** Whether one character is in GSM-7, basic set or extension table: asked of the library's own table. */
const known = new Map<string, boolean>();
export function isGsm7(char: string): boolean {
  let answer = known.get(char);
  if (answer === undefined) {
    answer = char.length === 1 && new SegmentedMessage(char).encodingName === "GSM-7";
    known.set(char, answer);
  }
  return answer;
}

/**
 * What decomposition into base letter and accent does not give (œ is no o with an accent), and
 * French typography. Checked before the library's own « smart encoding » map, which has most
 * punctuation but writes a non-breaking space as two spaces.
 */
const TRANSLITERATION: Record<string, string> = {
  œ: "oe",
  Œ: "OE",
  ð: "d",
  Ð: "D",
  đ: "d",
  Đ: "D",
  þ: "th",
  Þ: "TH",
  ł: "l",
  Ł: "L",
  ı: "i",
  ĸ: "k",
  ŀ: "l",
  Ŀ: "L",
  ŉ: "'n",
  "«": '"',
  "»": '"',
  "“": '"',
  "”": '"',
  "„": '"',
  "‟": '"',
  "″": '"',
  "‘": "'",
  "’": "'",
  "‚": "'",
  "‛": "'",
  "′": "'",
  "`": "'",
  "´": "'",
  "‹": "<",
  "›": ">",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "–": "-",
  "—": "-",
  "―": "-",
  "−": "-",
  "…": "...",
  "·": ".",
  "•": "-",
  "°": "o",
  "\t": " ",
  "\u2028": "\n",
  "\u2029": "\n",
};

// Invisible: accents left alone, joiners, controls other than the line breaks GSM-7 has, halves
// of a broken surrogate pair.
const INVISIBLE = /^[\p{M}\p{Cf}\p{Cc}\p{Cs}]$/u;
// Decorative: emoji and their skin tones, flags.
const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]$/u;

function allGsm7(text: string): boolean {
  for (const char of text) if (!isGsm7(char)) return false;
  return true;
}

function transliterate(char: string): string {
  const mapped = TRANSLITERATION[char];
  if (mapped !== undefined) return mapped;
  if (/^\p{Zs}$/u.test(char)) return " ";
  if (INVISIBLE.test(char)) return "";
  // The library's Twilio-like map: fullwidth forms, small forms, other quotes and dashes.
  const smart = new SegmentedMessage(char, "auto", true).graphemes.join("");
  if (smart !== char && allGsm7(smart)) return smart;
  // ê → e + ◌̂ → e; ﬁ → fi; ² → 2.
  const stripped = char.normalize("NFKD").replace(/\p{M}/gu, "");
  if (stripped && allGsm7(stripped)) return stripped;
  if (EMOJI.test(char)) return "";
  return "?";
}

// Both caches hold at most one entry a character ever met: a few hundred in practice.
const transliterated = new Map<string, string>();

/**
 * The text in GSM-7 only: what it has of GSM-7 (é è à ù ç's capital Ç, €, [ ] and the rest of the
 * extension table) kept, the rest written with it (ê → e, ç → c, œ → oe, « » → ", ’ → ', – → -,
 * non-breaking spaces → space, … → ...), emoji and invisible characters dropped, and what cannot be
 * written (other scripts) as « ? ». Idempotent.
 */
export function toGsm7(text: string): string {
  let out = "";
  // « guillemets » hold their spaces inside: "quotes" do not.
  const quoted = text.normalize("NFC").replace(/«\s*/g, "«").replace(/\s*»/g, "»");
  for (const char of quoted) {
    if (isGsm7(char)) {
      out += char;
      continue;
    }
    let written = transliterated.get(char);
    if (written === undefined) {
      written = transliterate(char);
      transliterated.set(char, written);
    }
    out += written;
  }
  return out;
}
