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

/** A way a message about a meeting reached the person. */
export type ToldBy = "email" | "sms";

/**
 * How a person is told of one message about their meeting — its cancellation by the structure:
 * the ways it goes (`by`: the e-mail to their address, the SMS to `smsNumber`, both when they
 * have both: enqueueAppointmentMessages sends the same). When it goes nowhere, `call` is the
 * number (E.164) the structure has to call instead: a landline, or a mobile whose owner
 * unticked the SMS; null when they gave no number either (« aucun moyen de contact »).
 */
export function toldOf(person: { email: string | null; phone: string | null; smsReminders?: boolean }): {
  by: ToldBy[];
  call: string | null;
} {
  const by: ToldBy[] = [...(person.email ? (["email"] as const) : []), ...(smsNumber(person) ? (["sms"] as const) : [])];
  return { by, call: by.length === 0 ? person.phone : null };
}

/**
 * The number the person's messages also go to by SMS: a mobile, unless they unticked
 * « Recevoir les rappels par SMS ». Texted beside the e-mails, not instead of them.
 */
export function smsNumber(person: { phone: string | null; smsReminders?: boolean }): string | null {
  return person.phone && person.smsReminders !== false && isMobile(person.phone) ? person.phone : null;
}
