import { MONTHS, WEEKDAYS } from "../server/domain/french.ts";
import { isoWeekday, wallClock } from "../server/domain/time.ts";
import type { AppointmentDetails } from "./appointment.ts";

/** « lundi 30 mars 2026 », « mardi 1er décembre 2026 » */
export function day(date: Date, zone: string): string {
  const local = wallClock(date, zone).date;
  const [year, month, dayOfMonth] = local.split("-").map(Number) as [number, number, number];
  return `${WEEKDAYS[isoWeekday(local) - 1]} ${dayOfMonth === 1 ? "1er" : dayOfMonth} ${MONTHS[month - 1]} ${year}`;
}

/** « 9 h 00 » */
export function time(date: Date, zone: string): string {
  const { minutes } = wallClock(date, zone);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}`;
}

/** « lundi 30 mars 2026, de 9 h 00 à 9 h 45 » */
export function when(a: Pick<AppointmentDetails, "start" | "end" | "zone">): string {
  return `${day(a.start, a.zone)}, de ${time(a.start, a.zone)} à ${time(a.end, a.zone)}`;
}

/** Where, in words, for the person. */
export function where(a: Pick<AppointmentDetails, "mode" | "site" | "structure">): string {
  if (a.mode === "phone") return "Rendez-vous téléphonique : le conseiller vous appelle au numéro que vous avez donné.";
  if (a.mode === "video") return "Rendez-vous en visio : le lien de connexion vous sera envoyé par la structure.";
  const site = a.site;
  return site ? `${a.structure.name}, ${site.name} — ${site.address}, ${site.postcode} ${site.commune}` : a.structure.name;
}

/** The .ics LOCATION. */
export function location(a: Pick<AppointmentDetails, "mode" | "site">): string {
  if (a.mode === "phone") return "Rendez-vous téléphonique";
  if (a.mode === "video") return "Rendez-vous en visio";
  return a.site ? `${a.site.address}, ${a.site.postcode} ${a.site.commune}` : "";
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}
