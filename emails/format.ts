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

/** What may stand between a structure's name and the rest of its site's: « PIC VAE Nord — Lille ». */
const SEPARATOR = /^[\s,:;/—–-]+/;

/**
 * The site's own name, for a message that names the structure already: without the structure's
 * name it often starts with (« PIC VAE Nord — Lille »), and null when what is left is only its
 * commune, which the address says.
 */
export function siteLabel(a: Pick<AppointmentDetails, "site"> & { structure: { name: string } }): string | null {
  if (!a.site) return null;
  const site = a.site.name.replace(/\s+/g, " ").trim();
  const structure = a.structure.name.replace(/\s+/g, " ").trim();
  const rest = site.slice(structure.length);
  // « CIO » does not start « CIOTAT »: the structure's name must end where a word does.
  const named = site.toLowerCase().startsWith(structure.toLowerCase()) && (rest === "" || SEPARATOR.test(rest));
  const label = named ? rest.replace(SEPARATOR, "") : site;
  return label && label.toLowerCase() !== a.site.commune.trim().toLowerCase() ? label : null;
}

/** Where, in words, for the person: the structure once, then the site when it has a name of its own, then the address. */
export function where(a: Pick<AppointmentDetails, "mode" | "site"> & { structure: { name: string } }): string {
  if (a.mode === "phone") return "Rendez-vous téléphonique : le conseiller vous appelle au numéro que vous avez donné.";
  if (a.mode === "video") return "Rendez-vous en visio : le lien de connexion vous sera envoyé par la structure.";
  const site = a.site;
  if (!site) return a.structure.name;
  const label = siteLabel(a);
  return `${a.structure.name}${label ? `, ${label}` : ""} — ${site.address}, ${site.postcode} ${site.commune}`;
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
