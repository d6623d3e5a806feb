// A phone number as the server takes it (server/domain/phone.ts, `parsePhone`), checked before
// it is sent: the same separators dropped, the same shapes — French national, France's code,
// another country's code — which phone.test.ts compares with the server's. The server also
// looks the number up in the numbering plans (libphonenumber-js's metadata, some 30 to 50 kB
// gzipped: more than a public page's budget), so a number of the right shape that no plan has
// (« 07 12 34 56 78 ») is refused by it alone, its message then shown beside the field.

export const PHONE_SHAPES = {
  separators: /[\s.()-]/g,
  national: /^0([1-9]\d{8})$/,
  french: /^(?:\+|00)330?([1-9]\d{8})$/,
  international: /^(?:\+|00)(?!33)([1-9]\d{5,19})$/,
} as const;

/**
 * The French plan's 07 numbers no operator has (070 but 0709 overseas, 071, 072): the shape
 * alone would let them through, the server refuses them — late, at the last step. Refused here
 * with the form's own message.
 */
const UNASSIGNED_FRENCH = /^7(?:0[0-8]|[12])/;

/** Whether `text` has the shape of a phone number: « 06 12 34 56 78 », « +33 (0)6… », « +32 470… ». */
export function isPhoneNumber(text: string): boolean {
  const compact = text.replace(PHONE_SHAPES.separators, "");
  const french = frenchDigits(compact);
  if (french) return !UNASSIGNED_FRENCH.test(french);
  return PHONE_SHAPES.international.test(compact);
}

/** The link that dials a number as shown (« 06 12 34 56 78 » → tel:0612345678). */
export const telHref = (phone: string) => `tel:${phone.replace(PHONE_SHAPES.separators, "")}`;

/** The national significant number of a French number typed (« 06 12… », « +33 6 12… »), if it is one. */
const frenchDigits = (compact: string) => PHONE_SHAPES.national.exec(compact)?.[1] ?? PHONE_SHAPES.french.exec(compact)?.[1];

// The French overseas countries' codes whose national numbers are 9 digits, as in France: a
// number there is written « 06 92 12 34 56 » from anywhere in France.
const OVERSEAS = /^(?:262|590|594|596)([1-9]\d{8})$/;

/**
 * Whether a number typed is a mobile, as far as its shape tells without the numbering plans:
 * « mobile » for the French plan's 06 and 07 numbers (overseas too: 0639 at Mayotte, 069x,
 * 0709x), « maybe » for a foreign number (and Saint-Pierre-et-Miquelon's, whose plan mixes
 * both), whose plan only the server knows; undefined for a landline or no number at all. It
 * decides whether « Recevoir les rappels par SMS » is offered: the server texts mobiles only.
 */
export function mobileShape(text: string): "mobile" | "maybe" | undefined {
  const compact = text.replace(PHONE_SHAPES.separators, "");
  const international = PHONE_SHAPES.international.exec(compact)?.[1];
  const nsn = frenchDigits(compact) ?? (international && OVERSEAS.exec(international)?.[1]);
  if (nsn) return /^[67]/.test(nsn) ? "mobile" : nsn.startsWith("508") ? "maybe" : undefined;
  return international ? "maybe" : undefined;
}

/**
 * A number typed, written the French way when it is of the French plan (« +33 6 12 34 56 78 » →
 * « 06 12 34 56 78 », « +262 692… » → « 06 92… »), else as typed: the server's
 * `phoneForPeople` without the numbering plans.
 */
export function frenchPhone(text: string): string {
  const compact = text.replace(PHONE_SHAPES.separators, "");
  const international = PHONE_SHAPES.international.exec(compact)?.[1];
  const nsn = frenchDigits(compact) ?? (international && OVERSEAS.exec(international)?.[1]);
  return nsn ? `0${nsn}`.replace(/(\d{2})(?=\d)/g, "$1 ") : text.trim();
}
