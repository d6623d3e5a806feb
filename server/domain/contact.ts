import { isMobile } from "./phone.ts";

/**
 * How a person hears of their appointments — confirmation, reminders, a move, a cancellation:
 * by e-mail when they gave an address; else by text message, on a mobile; else the structure
 * calls them (« à prévenir par téléphone »: a landline gets no text message); else nobody can.
 */
export type NotifiedBy = "email" | "sms" | "phone-call" | "none";

/** `phone` as stored, in E.164. */
export function notifiedBy(person: { email: string | null; phone: string | null }): NotifiedBy {
  if (person.email) return "email";
  if (!person.phone) return "none";
  return isMobile(person.phone) ? "sms" : "phone-call";
}
