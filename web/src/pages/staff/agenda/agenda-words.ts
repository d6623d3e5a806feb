import type { Mode } from "../../../lib/api.ts";
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
 * « de Léa Durand », « d'Adam Dewitte », and once erased « d'une personne anonymisée »: the stored
 * « Personne anonymisée » is a placeholder, not a name to put in a title.
 */
export const ofPerson = (person: { firstName: string; lastName: string; anonymisedAt?: string | null }) =>
  person.anonymisedAt ? "d'une personne anonymisée" : de(fullName(person));
