import { describe, expect, it } from "vitest";
import type { Appointment } from "./api.ts";
import { calendarLinks } from "./calendar-links.ts";

const MANAGE_URL = "https://rdv.example.fr/rdv/Qm9uam91cg_-x1abcdefghij";

const appointment: Appointment = {
  id: "6f1c2a5e-3d4b-4c6a-9e8f-0a1b2c3d4e5f",
  // Summer time in Paris: 9:00 is 7:00 UTC.
  start: "2026-03-30T09:00:00+02:00",
  end: "2026-03-30T10:00:00+02:00",
  status: "booked",
  mode: "onsite",
  service: { slug: "cep-premier-entretien", name: "Conseil en évolution professionnelle — premier entretien" },
  structure: { id: "0b6a9c1e-2f3d-4a5b-8c7d-9e0f1a2b3c4d", name: "APEC Lille", phone: null, email: null },
  site: {
    id: "1c7b0d2f-3e4a-4b6c-9d8e-0f1a2b3c4d5e",
    name: "APEC Lille — Euralille",
    address: "25 avenue Willy Brandt",
    postcode: "59777",
    commune: "Lille",
    accessInfo: "",
  },
  collective: false,
  accessibilityAids: [],
  accessibilityNeeds: "",
  instructions: "Munissez-vous de votre CV & de vos droits CPF.",
};

const params = (href: string) => Object.fromEntries(new URL(href).searchParams);

describe("the calendar links of an appointment", () => {
  it("give Google Agenda the times in UTC, the title, the place and the details with the private link", () => {
    const google = calendarLinks(appointment, MANAGE_URL).google;
    expect(google.startsWith("https://calendar.google.com/calendar/render?")).toBe(true);
    expect(params(google)).toEqual({
      action: "TEMPLATE",
      text: "Conseil en évolution professionnelle — premier entretien — APEC Lille",
      dates: "20260330T070000Z/20260330T080000Z",
      location: "APEC Lille — Euralille, 25 avenue Willy Brandt, 59777 Lille",
      details: `À prévoir : Munissez-vous de votre CV & de vos droits CPF.\nDéplacer ou annuler : ${MANAGE_URL}`,
    });
  });

  it("give Outlook the same event, times in ISO 8601 UTC", () => {
    const { outlook } = calendarLinks(appointment, MANAGE_URL);
    expect(outlook.startsWith("https://outlook.live.com/calendar/0/action/compose?")).toBe(true);
    const google = params(calendarLinks(appointment, MANAGE_URL).google);
    const event = params(outlook);
    expect([event.rru, event.startdt, event.enddt]).toEqual(["addevent", "2026-03-30T07:00:00Z", "2026-03-30T08:00:00Z"]);
    expect([event.subject, event.location, event.body]).toEqual([google.text, google.location, google.details]);
  });

  it("read winter time too, and say how a meeting at a distance happens, without « À prévoir » when there is nothing", () => {
    const links = calendarLinks(
      {
        ...appointment,
        start: "2026-12-01T14:30:00+01:00",
        end: "2026-12-01T15:15:00+01:00",
        mode: "phone",
        site: null,
        instructions: "",
      },
      MANAGE_URL,
    );
    expect(params(links.google)).toMatchObject({
      dates: "20261201T133000Z/20261201T141500Z",
      location: "Rendez-vous téléphonique",
      details: `Déplacer ou annuler : ${MANAGE_URL}`,
    });
    expect(params(links.outlook)).toMatchObject({ startdt: "2026-12-01T13:30:00Z", location: "Rendez-vous téléphonique" });
    expect(params(calendarLinks({ ...appointment, mode: "video", site: null }, MANAGE_URL).google).location).toBe(
      "Rendez-vous en visio",
    );
  });
});
