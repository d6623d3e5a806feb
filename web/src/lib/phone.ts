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

/** Whether `text` has the shape of a phone number: « 06 12 34 56 78 », « +33 (0)6… », « +32 470… ». */
export function isPhoneNumber(text: string): boolean {
  const compact = text.replace(PHONE_SHAPES.separators, "");
  return [PHONE_SHAPES.national, PHONE_SHAPES.french, PHONE_SHAPES.international].some((shape) => shape.test(compact));
}

/** The link that dials a number as shown (« 06 12 34 56 78 » → tel:0612345678). */
export const telHref = (phone: string) => `tel:${phone.replace(PHONE_SHAPES.separators, "")}`;
