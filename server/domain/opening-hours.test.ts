import { describe, expect, it } from "vitest";
import { formatHour, openingHours } from "./opening-hours.ts";

const range = (weekdays: number[], startTime: string, endTime: string) => ({ weekdays, startTime, endTime });

describe("openingHours", () => {
  it("says nothing when nobody receives", () => {
    expect(openingHours([])).toEqual([]);
  });

  it("joins the mornings and afternoons of several advisors into one week", () => {
    expect(
      openingHours([
        range([1, 2, 3, 4, 5], "09:00", "12:00"),
        range([1, 2, 3, 4, 5], "14:00", "17:00"),
        range([2, 4], "09:30", "11:00"),
      ]),
    ).toEqual(["Du lundi au vendredi, 9 h – 12 h et 14 h – 17 h"]);
  });

  it("merges overlapping and touching ranges, and keeps minutes", () => {
    expect(openingHours([range([1], "08:30", "10:00"), range([1], "10:00", "12:15"), range([1], "11:00", "12:00")])).toEqual([
      "Le lundi, 8 h 30 – 12 h 15",
    ]);
  });

  it("groups days with the same hours, in the order of the week", () => {
    expect(
      openingHours([range([6], "09:00", "12:00"), range([1, 2, 4], "14:00", "16:00"), range([1, 2, 4], "09:00", "12:00")]),
    ).toEqual(["Le lundi, le mardi et le jeudi, 9 h – 12 h et 14 h – 16 h", "Le samedi, 9 h – 12 h"]);
    expect(
      openingHours([range([1, 2, 3], "09:00", "12:00"), range([5], "09:00", "12:00"), range([3], "14:00", "15:00")]),
    ).toEqual(["Le lundi, le mardi et le vendredi, 9 h – 12 h", "Le mercredi, 9 h – 12 h et 14 h – 15 h"]);
  });

  it("ignores malformed or empty ranges and unknown days", () => {
    expect(openingHours([range([1], "12:00", "09:00"), range([8, 0], "09:00", "12:00"), range([2], "9h", "12:00")])).toEqual([]);
  });

  it("writes hours as French signage does", () => {
    expect([formatHour(540), formatHour(585), formatHour(0)]).toEqual(["9 h", "9 h 45", "0 h"]);
  });
});
