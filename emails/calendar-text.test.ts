import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFeed } from "./calendar-feed.ts";
import { calendarText } from "./calendar-text.ts";

const unfold = (text: string) => text.replaceAll("\r\n ", "");
const octets = (line: string) => Buffer.byteLength(line);
const read = (text: string) => new ICAL.Component(ICAL.parse(text));
const event = (overrides: object = {}) => ({
  uid: "1b0f7c7e@rdv-orientation.fr",
  start: new Date("2026-10-26T08:00:00Z"),
  end: new Date("2026-10-26T08:45:00Z"),
  zone: "Europe/Paris",
  status: "CONFIRMED" as const,
  summary: "Information-conseil VAE",
  ...overrides,
});

describe("folding (RFC 5545 §3.1)", () => {
  const long = `À prévoir : ${"é".repeat(40)} ${"😀".repeat(30)} puis https://rdv.example.fr/rdv/${"x".repeat(60)}`;
  const text = calendarText({ zone: "Europe/Paris" }, [event({ description: long })], new Date("2026-10-25T23:30:00Z"));

  it("keeps every line within 75 octets and unfolds to the same text", () => {
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(text)).toContain(`DESCRIPTION:${long}`);
    expect(read(text).getFirstSubcomponent("vevent")?.getFirstPropertyValue("description")).toBe(long);
  });

  it("never cuts a character in two: each line is whole UTF-8", () => {
    for (const line of text.split("\r\n")) {
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });
});

describe("escaping (RFC 5545 §3.3.11, RFC 6868)", () => {
  it("reads back a name with quotes, commas and carets as it is, and the attendee's own address", () => {
    const name = 'Jean "Jo" O\'Brien, ^ Dupont; : fils';
    const text = calendarText(
      { method: "REQUEST", zone: "Europe/Paris" },
      [
        event({
          summary: "Réunion ; VAE, « collective »",
          attendees: [{ name, email: "jean@example.org" }],
          organizer: { name: 'CIO "Lille", centre', email: "cio@example.org" },
        }),
      ],
      new Date(),
    );
    expect(text).not.toMatch(/\\"/);
    const vevent = read(text).getFirstSubcomponent("vevent");
    const attendee = vevent?.getFirstProperty("attendee");
    expect(attendee?.getParameter("cn")).toBe(name);
    expect(attendee?.getFirstValue()).toBe("mailto:jean@example.org");
    expect(vevent?.getFirstProperty("organizer")?.getParameter("cn")).toBe('CIO "Lille", centre');
    expect(vevent?.getFirstPropertyValue("summary")).toBe("Réunion ; VAE, « collective »");
  });

  it("lets no line break, control or bidirectional override in a name start a property of its own", () => {
    const name = "Claire\r\nMETHOD:CANCEL\rX\u0007Y\u202eZ\u2066W\u2028V";
    const text = calendarText(
      { name: `RDV Orientation — ${name}`, zone: "Europe/Paris" },
      [event({ summary: name, attendees: [{ name, email: "claire@example.org\r\nX-EVIL:1" }] })],
      new Date(),
    );
    const lines = unfold(text).split("\r\n");
    expect(lines.filter((line) => line.startsWith("METHOD"))).toEqual([]);
    expect(lines.filter((line) => line.startsWith("X-EVIL"))).toEqual([]);
    expect(text).not.toMatch(/(?![\r\n])\p{Cc}|[\u202a-\u202e\u2066-\u2069\u2028\u2029]|\r(?!\n)|(?<!\r)\n/u);
    const calendar = read(text);
    expect(calendar.getFirstPropertyValue("method")).toBeNull();
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("RDV Orientation — Claire  METHOD:CANCEL X Y Z W V");
    expect(calendar.getFirstSubcomponent("vevent")?.getAllProperties("attendee")).toHaveLength(1);
  });
});

describe("a calendar's text", () => {
  const feedEvent = (id: string, zone: string) => ({
    id,
    start: new Date("2026-10-26T08:00:00Z"),
    end: new Date("2026-10-26T08:45:00Z"),
    zone,
    service: "Conseil en évolution professionnelle",
    structure: "CEP Hauts-de-France",
    place: "Sur place",
    person: "Léa D.",
    url: `https://rdv.example.fr/espace/rendez-vous/${id}`,
  });

  it("holds one VTIMEZONE per zone of its events, a UTC DTSTAMP, and reads back", () => {
    const text = calendarFeed(
      "RDV Orientation — Claire Martin",
      [
        feedEvent("1b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10", "Europe/Paris"),
        feedEvent("2b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10", "America/Cayenne"),
        feedEvent("3b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10", "Europe/Paris"),
      ],
      new Date("2026-10-25T23:30:00Z"),
    );
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VEVENT\r\nEND:VCALENDAR")).toBe(true);
    expect(text).not.toMatch(/\r\n\r\n|[^\r]\n/);
    const calendar = read(text);
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual([
      "Europe/Paris",
      "America/Cayenne",
    ]);
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(3);
    for (const e of events) expect(e.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-10-25T23:30:00Z");
    // The Monday after clocks went back: 09:00 in Paris, 05:00 in Cayenne.
    expect(events.map((e) => e.getFirstPropertyValue("dtstart")?.toString())).toEqual([
      "2026-10-26T09:00:00",
      "2026-10-26T05:00:00",
      "2026-10-26T09:00:00",
    ]);
    expect(calendar.getFirstPropertyValue("x-published-ttl")?.toString()).toBe("PT15M");
    expect(unfold(text)).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT15M");
  });
});
