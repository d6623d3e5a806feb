import type { Mode } from "../../../lib/api.ts";
import { addDays, dateOf, formatTime, type LocalDate, timeOf } from "../../../lib/dates.ts";
import { de } from "../../../lib/french.ts";
import type { AppointmentOutcome, Channel } from "./agenda-api.ts";

// The agenda's values in words. Typed by the API's enums: a new value breaks the build until
// it is named here.

export const OUTCOMES: Record<AppointmentOutcome, string> = {
  honoured: "Honoré",
  no_show: "Absent·e",
  excused: "Excusé·e",
};

export const CHANNELS: Record<Channel, string> = {
  online: "En ligne, par la personne",
  reception: "À l'accueil",
  referral: "Orientation d'une structure partenaire",
  advisor: "Par le conseiller (suivi)",
};

export const MODES: Record<Mode, string> = { onsite: "Sur place", phone: "Par téléphone", video: "En visio" };

/** « Sur place — Antenne de Roubaix », « Par téléphone ». */
export function placeOf(meeting: { mode: Mode; site: { name: string } | null }): string {
  return meeting.mode === "onsite" && meeting.site ? `${MODES.onsite} — ${meeting.site.name}` : MODES[meeting.mode];
}

export const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/**
 * What staff must do for a person who gets neither e-mail (no address) nor text message (no
 * mobile: a landline, or a number that may not be one) about their appointments.
 */
export const CALL_TO_TELL = "à prévenir par téléphone";

/**
 * « de Léa Durand », « d'Adam Dewitte », and once erased « d'une personne anonymisée »: the stored
 * « Personne anonymisée » is a placeholder, not a name to put in a title.
 */
export const ofPerson = (person: { firstName: string; lastName: string; anonymisedAt?: string | null }) =>
  person.anonymisedAt ? "d'une personne anonymisée" : de(fullName(person));

/** The wall-clock « YYYY-MM-DDTHH:MM » of an ISO instant written with its offset. */
const local = (iso: string) => `${dateOf(iso)}T${timeOf(iso)}`;

/** Whether a span (ISO instants with their offset) takes some of a local day: one ending at its midnight does not. */
export const takesDay = (day: LocalDate, start: string, end: string) =>
  local(start) < `${addDays(day, 1)}T00:00` && local(end) > `${day}T00:00`;

/** « 9 h 00 à 10 h 00 », cut to the day shown when it starts before or ends after it; « toute la journée ». */
export function hoursOn(day: LocalDate, start: string, end: string): string {
  const from = dateOf(start) < day ? "00:00" : timeOf(start);
  const to = dateOf(end) > day ? "24:00" : timeOf(end);
  return from === "00:00" && to === "24:00" ? "toute la journée" : `${formatTime(from)} à ${formatTime(to)}`;
}

/** How the person will hear of the cancellation (the server's `told`), or that they must be called. */
export function cancelNotice(told: readonly ("email" | "sms")[]): string {
  const email = told.includes("email");
  const sms = told.includes("sms");
  if (email && sms) return "La personne est prévenue par courriel, avec l'annulation à reporter dans son agenda, et par SMS.";
  if (email) return "La personne est prévenue par courriel, avec l'annulation à reporter dans son agenda.";
  if (sms) return "La personne est prévenue par SMS.";
  return "La personne ne reçoit ni courriel ni SMS : prévenez-la par téléphone.";
}

/**
 * « Aujourd'hui : 5 rendez-vous, prochain à 10 h 00. », « Aujourd'hui : 1 rendez-vous, plus
 * aucun à venir. », « Aujourd'hui : aucun rendez-vous. » (« rendez-vous » takes no s).
 */
export function todaySentence(count: number, next: string | undefined): string {
  if (count === 0) return "Aujourd'hui : aucun rendez-vous.";
  const meetings = `Aujourd'hui : ${count} rendez-vous`;
  return next ? `${meetings}, prochain à ${formatTime(timeOf(next))}.` : `${meetings}, plus aucun à venir.`;
}

/** A day's meetings still held (not cancelled), in order, and the first that starts after `now`. */
export function dayMeetings<M extends { start: string; status: string }>(
  appointments: readonly M[],
  day: LocalDate,
  now: string,
) {
  const held = appointments.filter((a) => dateOf(a.start) === day && a.status !== "cancelled");
  return { held, next: held.find((a) => Date.parse(a.start) > Date.parse(now)) };
}

/** How the person will hear of a move (the server's `told`), or that they must be called. */
export function moveNotice(told: readonly ("email" | "sms")[], phone?: string | null): string {
  const email = told.includes("email");
  const sms = told.includes("sms");
  if (email && sms) return "La personne est prévenue par courriel, avec le rendez-vous mis à jour pour son agenda, et par SMS.";
  if (email) return "La personne est prévenue par courriel, avec le rendez-vous mis à jour pour son agenda.";
  if (sms) return "La personne est prévenue par SMS.";
  return phone
    ? `La personne ne reçoit ni courriel ni SMS : prévenez-la par téléphone au ${phone}.`
    : "La personne ne reçoit ni courriel ni SMS, et n'a pas laissé de numéro : elle ne peut pas être prévenue.";
}
