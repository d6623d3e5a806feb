import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

// Phone numbers: read as people write them, kept in E.164 (« +33612345678 »), shown the French
// way. libphonenumber-js knows each country's numbering plan; its « max » metadata (about 50 kB
// gzipped, the server's only) is the one that tells a mobile from a landline: « min » checks
// lengths alone. The web app checks the same shapes without it (web/src/lib/phone.ts).

/**
 * The shapes a number may take once its separators are gone, which web/src/lib/phone.ts
 * repeats (its test compares them): French national; France's code, with the trunk « 0 »
 * people often keep (« +33 (0)6… », « 0033 06… »); any other country's code and number — as
 * many digits as a plan can ask (libphonenumber's longest is 19) and a trunk « 0 ».
 */
export const PHONE_SHAPES = {
  /** Spaces (non-breaking ones too), dots, dashes and brackets: « 06.12.34.56.78 », « +33 (0)6… ». */
  separators: /[\s.()-]/g,
  national: /^0([1-9]\d{8})$/,
  french: /^(?:\+|00)330?([1-9]\d{8})$/,
  international: /^(?:\+|00)(?!33)([1-9]\d{5,19})$/,
} as const;

/**
 * The overseas blocks of the French plan (ARCEP), first digits of the national number → country
 * code: « 0692 12 34 56 », dialled anywhere in France, is La Réunion's +262 692 12 34 56. The
 * block decides before the metadata does: libphonenumber's France also takes 0263, 0269, 0596
 * and 0508 numbers as mainland ones (+33 596…, which no one can call from abroad).
 *
 * Mayotte's own numbers are +262, as La Réunion's (0269 fixed, 0639 mobile). The « +269 » one
 * sometimes reads for Mayotte is the Comoros' code: a foreign country, whose numbers are taken
 * in their international form like any other. Saint-Pierre-et-Miquelon (+508) has six-digit
 * numbers, dialled « 05 08 » and those six from the rest of France.
 *
 * The migration 20261207100000_phone_e164 converted the stored numbers with this same table.
 */
const OVERSEAS_BLOCKS: Readonly<Record<string, string>> = {
  // La Réunion
  "262": "262",
  "263": "262",
  "692": "262",
  "693": "262",
  // Mayotte
  "269": "262",
  "639": "262",
  // Guadeloupe, Saint-Barthélemy, Saint-Martin
  "590": "590",
  "690": "590",
  "691": "590",
  // Martinique
  "596": "596",
  "696": "596",
  "697": "596",
  // Guyane
  "594": "594",
  "694": "594",
  // Saint-Pierre-et-Miquelon
  "508": "508",
};

/**
 * Where a national number outside those blocks may belong, in turn: mainland France first, then
 * each overseas region (their newer blocks, such as 07 09, are only in their own metadata).
 */
const FRENCH_PLAN: readonly CountryCode[] = ["FR", "RE", "YT", "GP", "MQ", "GF", "PM"];

export interface Phone {
  /** « +33612345678 », « +262692123456 », « +32470123456 ». */
  e164: string;
  /** A mobile: the only kind of number a text message is sent to. */
  mobile: boolean;
}

/**
 * A number as someone typed it — « 06 12 34 56 78 », « 06.12.34.56.78 », « 0033 6 12 34 56 78 »,
 * « +33 (0)6 12 34 56 78 », « 0692 12 34 56 » (La Réunion), « +32 470 12 34 56 » — if the
 * numbering plan has it; null otherwise (« 0612 », « 07 12 34 56 78 », letters).
 *
 * `mobile` is true for MOBILE alone. FIXED_LINE_OR_MOBILE (plans that cannot tell, such as North
 * America's) gets no text message: sent to a landline, it is lost, or read aloud by a robot to
 * whoever picks up at home, which would tell them of the appointment. France's plan always tells.
 */
export function parsePhone(input: string): Phone | null {
  const compact = input.replace(PHONE_SHAPES.separators, "");
  const nsn = PHONE_SHAPES.national.exec(compact)?.[1] ?? PHONE_SHAPES.french.exec(compact)?.[1];
  if (nsn) return inFrenchPlan(nsn);
  const international = PHONE_SHAPES.international.exec(compact)?.[1];
  return international ? known(`+${international}`) : null;
}

/** A national significant number of the French plan (« 692123456 »): its block's, else the first region that has it. */
function inFrenchPlan(nsn: string): Phone | null {
  const code = OVERSEAS_BLOCKS[nsn.slice(0, 3)];
  if (code) return known(code === "508" ? `+508${nsn.slice(3)}` : `+${code}${nsn}`);
  for (const region of FRENCH_PLAN) {
    const phone = known(`0${nsn}`, region);
    if (phone) return phone;
  }
  return null;
}

function known(digits: string, region?: CountryCode): Phone | null {
  const phone = parsePhoneNumberFromString(digits, region);
  return phone?.isValid() ? { e164: phone.number, mobile: phone.getType() === "MOBILE" } : null;
}

/** Whether a stored number (E.164) is a mobile, to which text messages go. */
export function isMobile(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.getType() === "MOBILE";
}

/**
 * A stored number the French way: « 06 12 34 56 78 »; overseas too, as dialled from anywhere
 * in France (« 06 92 12 34 56 », « 05 08 41 12 34 »); a foreign one in its international form
 * (« +32 470 12 34 56 »); what cannot be read, as stored. Numbers stored before E.164
 * (« 0612345678 ») read the same.
 */
export function phoneForPeople(stored: string): string {
  const e164 = parsePhone(stored)?.e164 ?? (/^\+[1-9]\d+$/.test(stored) ? stored : undefined);
  if (!e164) return stored;
  // Not only the valid ones: a number of the French plan reads the French way even when the
  // metadata does not know it (ARCEP's range for fiction, 06 39 98…, which the demo uses).
  const french = /^\+(?:33|262|590|594|596)([1-9]\d{8})$/.exec(e164)?.[1];
  if (french) return inPairs(`0${french}`);
  const saintPierre = /^\+508(\d{6})$/.exec(e164)?.[1];
  if (saintPierre) return inPairs(`0508${saintPierre}`);
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? stored;
}

const inPairs = (national: string) => national.replace(/(\d{2})(?=\d)/g, "$1 ");
