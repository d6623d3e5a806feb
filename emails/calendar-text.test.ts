import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFeed } from "./calendar-feed.ts";
import { fold } from "./calendar-text.ts";

const unfold = (text: string) => text.replaceAll("\r\n ", "");
const octets = (line: string) => Buffer.byteLength(line);

describe("folding (RFC 5545 §3.1)", () => {
  const long = `DESCRIPTION:À prévoir : ${"é".repeat(40)} ${"😀".repeat(30)} puis https://rdv.example.fr/rdv/${"x".repeat(60)}`;

  it("keeps every line within 75 octets and unfolds to the same text", () => {
    const folded = fold(`BEGIN:VEVENT\r\n${long}\r\nEND:VEVENT`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.slice(2, -1).every((l) => l.startsWith(" "))).toBe(true);
    expect(unfold(folded)).toBe(`BEGIN:VEVENT\r\n${long}\r\nEND:VEVENT`);
  });

  it("never cuts a character in two: each line is whole UTF-8", () => {
    for (const line of fold(long).split("\r\n")) {
      expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it("leaves short lines as they are", () => {
    const short = `SUMMARY:${"é".repeat(33)}`; // 8 + 66 octets
    expect(fold(short)).toBe(short);
    expect(fold(`${short}é`)).toBe(`${short}\r\n é`);
  });
});

describe("a calendar's text", () => {
  const event = (id: string, zone: string) => ({
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
        event("1b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10", "Europe/Paris"),
        event("2b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10", "America/Cayenne"),
        event("3b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10", "Europe/Paris"),
      ],
      new Date("2026-10-25T23:30:00Z"),
    );
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VEVENT\r\nEND:VCALENDAR")).toBe(true);
    expect(text).not.toMatch(/\r\n\r\n|[^\r]\n/);
    const calendar = new ICAL.Component(ICAL.parse(text));
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
  });
});
