import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { busyIntervals, CalendarTooComplexError, MAX_INSTANCES, NotACalendarError } from "./busy-times.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/busy-calendars/${name}.ics`, import.meta.url), "utf8");
const PARIS = "Europe/Paris";
const wide = { from: new Date("2026-01-01T00:00:00Z"), to: new Date("2028-01-01T00:00:00Z") };
const read = (text: string, window = wide, zone = PARIS) =>
  busyIntervals(text, window, zone).map((i) => `${i.start.toISOString()} → ${i.end.toISOString()}`);

describe("busy times read from an advisor's own calendar", () => {
  it("expands an Outlook weekly series across the change to summer time, with its exceptions", () => {
    // Tuesdays 10:00–11:00 « Romance Standard Time »: the 9th deleted (EXDATE), the 16th moved
    // to Wednesday 17th 14:00–15:30, the 23rd cancelled; from the 30th on, 10:00 is 08:00 UTC.
    // Lunch on the 4th is marked free; the doctor on the 5th (out of office) is busy.
    expect(read(fixture("outlook"))).toEqual([
      "2027-03-02T09:00:00.000Z → 2027-03-02T10:00:00.000Z",
      "2027-03-05T07:30:00.000Z → 2027-03-05T08:30:00.000Z",
      "2027-03-17T13:00:00.000Z → 2027-03-17T14:30:00.000Z",
      "2027-03-30T08:00:00.000Z → 2027-03-30T09:00:00.000Z",
      "2027-04-06T08:00:00.000Z → 2027-04-06T09:00:00.000Z",
      "2027-04-13T08:00:00.000Z → 2027-04-13T09:00:00.000Z",
    ]);
  });

  it("reads Outlook's Windows zone names even when the file forgets their VTIMEZONE", () => {
    const bare = fixture("outlook").replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r?\n/, "");
    expect(read(bare)).toEqual(read(fixture("outlook")));
  });

  it("reads Google's IANA zones without VTIMEZONE, UTC times and all-day events; skips free and cancelled ones", () => {
    // Daily 09:30 Paris, the 24th and 25th excepted: 07:30 UTC before the 25 October 2026 change, 08:30 after.
    // The all-day leave (11–12 November) blocks both days from Paris midnight to midnight; the
    // birthday (transparent) and the cancelled meeting block nothing; New York's 09:00 is 14:00 UTC.
    expect(read(fixture("google"))).toEqual([
      "2026-10-20T07:30:00.000Z → 2026-10-20T08:30:00.000Z",
      "2026-10-21T07:30:00.000Z → 2026-10-21T08:30:00.000Z",
      "2026-10-22T07:30:00.000Z → 2026-10-22T08:30:00.000Z",
      "2026-10-23T07:30:00.000Z → 2026-10-23T08:30:00.000Z",
      "2026-10-26T08:30:00.000Z → 2026-10-26T09:30:00.000Z",
      "2026-10-27T08:30:00.000Z → 2026-10-27T09:30:00.000Z",
      "2026-10-28T08:30:00.000Z → 2026-10-28T09:30:00.000Z",
      "2026-10-29T08:30:00.000Z → 2026-10-29T09:30:00.000Z",
      "2026-11-03T13:00:00.000Z → 2026-11-03T15:00:00.000Z",
      "2026-11-04T14:00:00.000Z → 2026-11-04T15:00:00.000Z",
      "2026-11-10T23:00:00.000Z → 2026-11-12T23:00:00.000Z",
    ]);
  });

  it("places all-day events in the advisor's zone: in Réunion the same day starts four hours earlier in UTC", () => {
    const oneDay = { from: new Date("2026-11-10T00:00:00Z"), to: new Date("2026-11-14T00:00:00Z") };
    expect(read(fixture("google"), oneDay, "Indian/Reunion")).toEqual(["2026-11-10T20:00:00.000Z → 2026-11-12T20:00:00.000Z"]);
  });

  it("reads Nextcloud's calendar: its VTIMEZONE, DURATION instead of DTEND, floating times in the advisor's zone", () => {
    expect(read(fixture("nextcloud"))).toEqual([
      "2026-12-07T13:00:00.000Z → 2026-12-07T15:30:00.000Z",
      "2026-12-08T08:00:00.000Z → 2026-12-08T08:45:00.000Z",
      "2026-12-09T11:00:00.000Z → 2026-12-09T12:00:00.000Z",
      "2026-12-10T08:00:00.000Z → 2026-12-10T08:45:00.000Z",
      "2026-12-15T08:00:00.000Z → 2026-12-15T08:45:00.000Z",
      "2026-12-17T08:00:00.000Z → 2026-12-17T08:45:00.000Z",
    ]);
  });

  it("keeps only the window, cutting what crosses its edges, and merges what overlaps", () => {
    const window = { from: new Date("2026-12-07T14:00:00Z"), to: new Date("2026-12-10T08:30:00Z") };
    expect(read(fixture("nextcloud"), window)).toEqual([
      "2026-12-07T14:00:00.000Z → 2026-12-07T15:30:00.000Z",
      "2026-12-08T08:00:00.000Z → 2026-12-08T08:45:00.000Z",
      "2026-12-09T11:00:00.000Z → 2026-12-09T12:00:00.000Z",
      "2026-12-10T08:00:00.000Z → 2026-12-10T08:30:00.000Z",
    ]);
    const overlapping = calendar(
      "DTSTART:20261201T090000Z\r\nDTEND:20261201T110000Z\r\nUID:a",
      "DTSTART:20261201T100000Z\r\nDTEND:20261201T120000Z\r\nUID:b",
    );
    expect(read(overlapping)).toEqual(["2026-12-01T09:00:00.000Z → 2026-12-01T12:00:00.000Z"]);
  });

  it("skips a cancelled series but keeps an instance of it that says otherwise", () => {
    const text = calendar(
      "DTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSTATUS:CANCELLED\r\nUID:s",
      "RECURRENCE-ID:20261202T090000Z\r\nDTSTART:20261202T150000Z\r\nDTEND:20261202T160000Z\r\nSTATUS:CONFIRMED\r\nUID:s",
    );
    expect(read(text)).toEqual(["2026-12-02T15:00:00.000Z → 2026-12-02T16:00:00.000Z"]);
  });

  it("counts two events given the same UID (a calendar imported twice), and ignores an event without time", () => {
    const text = calendar(
      "DTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\nUID:same",
      "DTSTART:20261203T090000Z\r\nDTEND:20261203T100000Z\r\nUID:same",
      "DTSTART:20261204T090000Z\r\nUID:instant",
    );
    expect(read(text)).toEqual([
      "2026-12-01T09:00:00.000Z → 2026-12-01T10:00:00.000Z",
      "2026-12-03T09:00:00.000Z → 2026-12-03T10:00:00.000Z",
    ]);
  });

  it("stops a series that never ends (every minute, for ever) at a bounded number of instances", () => {
    const text = calendar("DTSTART:20261201T090000Z\r\nDURATION:PT30S\r\nRRULE:FREQ=MINUTELY\r\nUID:m");
    const started = performance.now();
    expect(busyIntervals(text, wide, PARIS)).toHaveLength(MAX_INSTANCES);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses at once a daily or finer repetition on days its months never have (30 February, 31 April)", () => {
    // ical.js would look for ever for the first such day, at full speed and growing memory; it
    // never matches a daily rule's day counted from the month's end either.
    for (const rule of [
      "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
      "FREQ=HOURLY;BYMONTH=4,2;BYMONTHDAY=31",
      "FREQ=DAILY;BYMONTHDAY=-1",
    ]) {
      const text = calendar(`DTSTART:20261201T090000Z\r\nDURATION:PT1H\r\nRRULE:${rule}\r\nUID:x`);
      const started = performance.now();
      expect(() => busyIntervals(text, wide, PARIS)).toThrow(CalendarTooComplexError);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    // One of its days exists: the rule is read (its first occurrence is its start, as RFC 5545 says).
    const some = calendar("DTSTART:20261201T090000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=28,30\r\nUID:y");
    expect(read(some)).toEqual([
      "2026-12-01T09:00:00.000Z → 2026-12-01T10:00:00.000Z",
      "2027-02-28T09:00:00.000Z → 2027-02-28T10:00:00.000Z",
    ]);
  });

  it("finds this week's instance of a series begun decades ago", () => {
    const text = calendar(
      "DTSTART;TZID=Europe/Paris:19900105T090000\r\nDTEND;TZID=Europe/Paris:19900105T100000\r\nRRULE:FREQ=WEEKLY\r\nUID:w",
    );
    const week = { from: new Date("2026-12-07T00:00:00Z"), to: new Date("2026-12-14T00:00:00Z") };
    expect(read(text, week)).toEqual(["2026-12-11T08:00:00.000Z → 2026-12-11T09:00:00.000Z"]);
  });

  it("relates an override to its own series only, whichever series share its time", () => {
    const text = calendar(
      "DTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nUID:a",
      "DTSTART:20261201T090000Z\r\nDTEND:20261201T093000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nUID:b",
      "RECURRENCE-ID:20261202T090000Z\r\nDTSTART:20261202T150000Z\r\nDTEND:20261202T160000Z\r\nUID:a",
    );
    expect(read(text)).toEqual([
      "2026-12-01T09:00:00.000Z → 2026-12-01T10:00:00.000Z",
      "2026-12-02T09:00:00.000Z → 2026-12-02T09:30:00.000Z",
      "2026-12-02T15:00:00.000Z → 2026-12-02T16:00:00.000Z",
      "2026-12-03T09:00:00.000Z → 2026-12-03T10:00:00.000Z",
    ]);
  });

  it("reads a large calendar, and daily series begun a century ago, without stepping through the century", () => {
    const many = Array.from({ length: 3_000 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 11, 1) + i * 7_200_000).toISOString().replace(/[-:]|\.\d+/g, "");
      return `DTSTART:${start}\r\nDURATION:PT1H\r\nSUMMARY:Réunion ${i}\r\nUID:${i}`;
    });
    const daily = Array.from(
      { length: 20 },
      (_, i) => `DTSTART;TZID=Europe/Paris:19000101T0${i % 10}0000\r\nDURATION:PT30M\r\nRRULE:FREQ=DAILY\r\nUID:d${i}`,
    );
    const started = performance.now();
    const busy = busyIntervals(calendar(...many, ...daily), { from: new Date("2026-12-01"), to: new Date("2027-12-01") }, PARIS);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Every two hours for 250 days, and ten half-hours a day (09:00 Paris each day among them).
    expect(busy.length).toBeGreaterThan(3_000);
    expect(read(calendar(daily[9] as string), { from: new Date("2027-07-01"), to: new Date("2027-07-02") })).toEqual([
      "2027-07-01T07:00:00.000Z → 2027-07-01T07:30:00.000Z",
    ]);
  });

  it("refuses what is not a calendar", () => {
    expect(() => busyIntervals("<!doctype html><p>Connexion</p>", wide, PARIS)).toThrow(NotACalendarError);
    expect(() => busyIntervals("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026-13-45\r\n", wide, PARIS)).toThrow(
      NotACalendarError,
    );
  });
});

function calendar(...events: string[]) {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//EN",
    ...events.map((e) => `BEGIN:VEVENT\r\n${e}\r\nDTSTAMP:20261101T000000Z\r\nEND:VEVENT`),
    "END:VCALENDAR",
  ].join("\r\n");
}
