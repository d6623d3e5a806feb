import { describe, expect, it } from "vitest";
import { holidaysBetween, publicHolidays } from "./holidays.ts";
import {
  addDays,
  datesBetween,
  firstOfMonthBefore,
  isLocalDate,
  isoWeekday,
  localDateOf,
  localDateProblem,
  localInstant,
  mondayOf,
  parseTime,
  toZonedIso,
  wallClock,
} from "./time.ts";

const PARIS = "Europe/Paris";
const at = (date: string, time: string, zone = PARIS) => {
  const instant = localInstant(date, parseTime(time) as number, zone);
  return instant && toZonedIso(instant, zone);
};

describe("local wall time", () => {
  it("reads 09:00 as 09:00 on both sides of a daylight-saving change, with the right offset", () => {
    expect(at("2026-03-28", "09:00")).toBe("2026-03-28T09:00:00+01:00");
    expect(at("2026-03-29", "09:00")).toBe("2026-03-29T09:00:00+02:00");
    expect(at("2026-10-24", "09:00")).toBe("2026-10-24T09:00:00+02:00");
    expect(at("2026-10-25", "09:00")).toBe("2026-10-25T09:00:00+01:00");
  });

  it("has no instant for the hour skipped in March, and one for the hour repeated in October", () => {
    expect(at("2026-03-29", "02:00")).toBeUndefined();
    expect(at("2026-03-29", "02:59")).toBeUndefined();
    expect(at("2026-03-29", "03:00")).toBe("2026-03-29T03:00:00+02:00");
    expect(at("2026-03-29", "01:59")).toBe("2026-03-29T01:59:00+01:00");
    expect(at("2026-10-25", "02:30")).toMatch(/^2026-10-25T02:30:00\+0[12]:00$/);
  });

  it("works in other zones (overseas structures)", () => {
    expect(at("2026-03-29", "09:00", "America/Cayenne")).toBe("2026-03-29T09:00:00-03:00");
    expect(at("2026-07-01", "09:00", "Indian/Reunion")).toBe("2026-07-01T09:00:00+04:00");
  });

  it("gives the local date of an instant", () => {
    expect(localDateOf(new Date("2026-03-28T23:30:00Z"), PARIS)).toBe("2026-03-29");
    expect(localDateOf(new Date("2026-03-28T22:30:00Z"), PARIS)).toBe("2026-03-28");
  });

  it("reads the wall clock on both sides of the DST changes (late March, late October)", () => {
    expect(wallClock(new Date("2026-03-29T00:59:00Z"), PARIS)).toEqual({ date: "2026-03-29", minutes: 119 });
    expect(wallClock(new Date("2026-03-29T01:00:00Z"), PARIS)).toEqual({ date: "2026-03-29", minutes: 180 });
    expect(wallClock(new Date("2026-10-25T00:30:00Z"), PARIS)).toEqual({ date: "2026-10-25", minutes: 150 });
    expect(wallClock(new Date("2026-10-25T01:30:00Z"), PARIS)).toEqual({ date: "2026-10-25", minutes: 150 });
    expect(wallClock(new Date("2026-03-31T22:00:00Z"), "America/Cayenne")).toEqual({ date: "2026-03-31", minutes: 1140 });
  });
});

describe("calendar dates", () => {
  it("knows weekdays, Mondays, month ends and leap days", () => {
    expect(isoWeekday("2026-03-23")).toBe(1);
    expect(isoWeekday("2026-03-29")).toBe(7);
    expect(mondayOf("2026-03-29")).toBe("2026-03-23");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(datesBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-13-01")).toBe(false);
    expect(parseTime("24:00")).toBeUndefined();
  });

  it("says what is wrong with a date: its form, its existence, or a year outside 1900–2199", () => {
    expect(["2026-3-01", "20260301", "", "2026-03-01T00:00"].map(localDateProblem)).toEqual(Array(4).fill("format"));
    expect(["2026-02-29", "2026-04-31", "2100-02-29"].map(localDateProblem)).toEqual(Array(3).fill("nonexistent"));
    // Years 0–99 are not read as 19xx: 0000 is refused, not taken for 1900.
    expect(["0000-01-01", "0099-01-01", "1899-12-31", "2200-01-01", "9999-12-31"].map(localDateProblem)).toEqual(
      Array(5).fill("year"),
    );
    expect(["1900-01-01", "2000-02-29", "2028-02-29", "2199-12-31"].map(localDateProblem)).toEqual(Array(4).fill(undefined));
  });
});

describe("public holidays", () => {
  it("come from the maintained package, movable feasts included", () => {
    expect(publicHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-08",
      "2026-05-14",
      "2026-05-25",
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
    expect([...holidaysBetween("2026-12-20", "2027-01-10")]).toEqual(["2026-12-25", "2027-01-01"]);
  });
});

describe("firstOfMonthBefore", () => {
  it("counts whole months back, across a year", () => {
    expect(firstOfMonthBefore("2026-03-23", 2)).toBe("2026-01-01");
    expect(firstOfMonthBefore("2026-01-31", 2)).toBe("2025-11-01");
    expect(firstOfMonthBefore("2026-03-22", 11)).toBe("2025-04-01");
    expect(firstOfMonthBefore("2026-12-01", 0)).toBe("2026-12-01");
  });
});
