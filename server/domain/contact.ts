import { isMobile } from "./phone.ts";

/**
 * How a person hears of their appointments — confirmation, reminders, a move, a cancellation:
 * by e-mail when they gave an address; else by text message, on a mobile; else the structure
 * calls them (« à prévenir par téléphone »: a landline gets no text message); else nobody can.
 */
export type NotifiedBy = "email" | "sms" | "phone-call" | "none";

/** `phone` as stored, in E.164; `smsReminders`, the person's choice (yes when not said). */
export function notifiedBy(person: { email: string | null; phone: string | null; smsReminders?: boolean }): NotifiedBy {
  if (person.email) return "email";
  if (!person.phone) return "none";
  return smsNumber(person) ? "sms" : "phone-call";
}

/**
 * The number the person's messages also go to by SMS: a mobile, unless they unticked
 * « Recevoir les rappels par SMS ». Texted beside the e-mails, not instead of them.
 */
export function smsNumber(person: { phone: string | null; smsReminders?: boolean }): string | null {
  return person.phone && person.smsReminders !== false && isMobile(person.phone) ? person.phone : null;
}
