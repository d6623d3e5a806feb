import { describe, expect, it } from "vitest";
import {
  addDays,
  dateOf,
  formatDay,
  formatDayWithYear,
  formatDuration,
  formatInstantIn,
  formatMoment,
  formatTime,
  formatWeek,
  isLocalDate,
  mondayOf,
  parisDate,
  timeOf,
  weekDays,
} from "./dates.ts";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("calendar dates", () => {
  it("accept only real dates written YYYY-MM-DD", () => {
    expect(isLocalDate("2026-03-30")).toBe(true);
    expect(isLocalDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "2026-3-30", "30/03/2026", "", "2026-03-30T00:00"]) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
  });

  it("add days across months, years and daylight-saving changes", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-03-30", 7)).toBe("2026-04-06");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-02", -7)).toBe("2026-02-23");
  });

  it("find the Monday of any day of the week", () => {
    expect(mondayOf("2026-03-23")).toBe("2026-03-23");
    expect(mondayOf("2026-03-25")).toBe("2026-03-23");
    expect(mondayOf("2026-03-29")).toBe("2026-03-23");
    expect(mondayOf("2026-03-30")).toBe("2026-03-30");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(mondayOf("1969-12-31")).toBe("1969-12-29");
    expect(weekDays("2026-03-30")).toEqual([
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-04",
      "2026-04-05",
    ]);
  });

  it("read the local date and time of an instant as its offset writes them", () => {
    expect(dateOf("2026-03-30T09:00:00+02:00")).toBe("2026-03-30");
    expect(timeOf("2026-03-30T09:00:00+02:00")).toBe("09:00");
    // Late evening in Paris is already the next day in UTC: the local date is what counts.
    expect(dateOf("2026-03-30T23:30:00+02:00")).toBe("2026-03-30");
  });
});

describe("French formatting", () => {
  it("names days and weeks as people write them", () => {
    expect(formatDay("2026-03-30")).toBe("lundi 30 mars");
    expect(formatDay("2026-04-01")).toBe("mercredi 1er avril");
    expect(formatDayWithYear("2026-03-25")).toBe("mercredi 25 mars 2026");
    expect(formatWeek("2026-03-23")).toBe("du 23 au 29 mars");
    expect(formatWeek("2026-03-30")).toBe("du 30 mars au 5 avril");
    expect(formatWeek("2026-06-01")).toBe("du 1er au 7 juin");
    expect(formatWeek("2026-12-28")).toBe("du 28 décembre 2026 au 3 janvier 2027");
  });

  it("writes times, moments and durations the French way", () => {
    expect(plain(formatTime("09:00"))).toBe("9 h 00");
    expect(plain(formatTime("14:30"))).toBe("14 h 30");
    expect(plain(formatMoment("2026-03-30T09:00:00+02:00"))).toBe("lundi 30 mars à 9 h 00");
    expect(plain(formatDuration("2026-03-30T09:00:00+02:00", "2026-03-30T10:00:00+02:00"))).toBe("1 h");
    expect(plain(formatDuration("2026-03-30T09:00:00+02:00", "2026-03-30T09:45:00+02:00"))).toBe("45 min");
    expect(plain(formatDuration("2026-03-30T14:00:00+02:00", "2026-03-30T16:30:00+02:00"))).toBe("2 h 30");
  });
});

describe("parisDate", () => {
  it("the day as a clock in Paris reads it, whatever the browser's zone", () => {
    expect(parisDate(new Date("2026-03-22T23:30:00Z"))).toBe("2026-03-23");
    expect(parisDate(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});

describe("formatInstantIn", () => {
  it("writes an instant as a clock in the given zone reads it, across a daylight-saving change", () => {
    expect(plain(formatInstantIn("2026-03-24T08:00:00.000Z", "Europe/Paris"))).toBe("mardi 24 mars 2026 à 9 h 00");
    expect(plain(formatInstantIn("2026-03-30T07:30:00Z", "Europe/Paris"))).toBe("lundi 30 mars 2026 à 9 h 30");
    expect(plain(formatInstantIn("2026-03-31T22:00:00Z", "Europe/Paris"))).toBe("mercredi 1er avril 2026 à 0 h 00");
    expect(plain(formatInstantIn("2026-03-24T13:00:00Z", "America/Cayenne"))).toBe("mardi 24 mars 2026 à 10 h 00");
  });
});
