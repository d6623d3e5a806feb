// « Ajouter à mon agenda » for the web calendars that cannot open a downloaded .ics on a phone:
// Google Agenda and Outlook take the event in their address. They read times in UTC, each in
// its own form; the event says what the .ics says (emails/ics.ts), so both agree.

import type { Appointment } from "./api.ts";

export interface CalendarLinks {
  google: string;
  outlook: string;
}

/** « 20260330T070000Z »: Google's `dates`. */
const googleTime = (iso: string) => `${new Date(iso).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
/** « 2026-03-30T07:00:00Z »: Outlook's `startdt` and `enddt`. */
const outlookTime = (iso: string) => `${new Date(iso).toISOString().slice(0, 19)}Z`;

/** The LOCATION of the .ics: the site's address, or how the meeting happens at a distance. */
function place(appointment: Appointment): string {
  if (appointment.mode === "phone") return "Rendez-vous téléphonique";
  if (appointment.mode === "video") return "Rendez-vous en visio";
  const site = appointment.site;
  return site ? `${site.name}, ${site.address}, ${site.postcode} ${site.commune}` : appointment.structure.name;
}

/** The appointment as Google Agenda's and Outlook's « new event » addresses, with the private link in its details. */
export function calendarLinks(appointment: Appointment, manageUrl: string): CalendarLinks {
  const title = `${appointment.service.name} — ${appointment.structure.name}`;
  const location = place(appointment);
  const details = [appointment.instructions && `À prévoir : ${appointment.instructions}`, `Déplacer ou annuler : ${manageUrl}`]
    .filter(Boolean)
    .join("\n");
  const google = new URLSearchParams({
    action: "TEMPLATE",
    text: title,
    dates: `${googleTime(appointment.start)}/${googleTime(appointment.end)}`,
    location,
    details,
  });
  const outlook = new URLSearchParams({
    rru: "addevent",
    subject: title,
    startdt: outlookTime(appointment.start),
    enddt: outlookTime(appointment.end),
    location,
    body: details,
  });
  return {
    google: `https://calendar.google.com/calendar/render?${google}`,
    outlook: `https://outlook.live.com/calendar/0/action/compose?${outlook}`,
  };
}
