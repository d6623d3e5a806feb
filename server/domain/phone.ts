import { parsePhoneNumberFromString } from "libphonenumber-js/min";

// Phone numbers as people read them. libphonenumber-js knows each country's numbering plan.

/** France and the overseas departments and collectivities: numbers dialled nationally, « 06 12 34 56 78 ». */
const FRENCH = new Set(["FR", "RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF"]);

/**
 * A stored number the French way: « 06 12 34 56 78 », « 0692 12 34 56 » for La Réunion; a
 * foreign one in its international form (« +32 470 12 34 56 »); what cannot be read, as stored.
 */
export function phoneForPeople(stored: string): string {
  const phone = parsePhoneNumberFromString(stored, "FR");
  if (!phone?.isValid()) return stored;
  return phone.country && FRENCH.has(phone.country) ? phone.formatNational() : phone.formatInternational();
}
