import { describe, expect, it } from "vitest";
import { linkIsLive, moveProblem, outcomeProblem, reminderDueTimes, retryDelayMs } from "./booking.ts";

const start = new Date("2026-03-30T07:00:00Z");

describe("reminders", () => {
  it("are due 48 h and 3 h before by default", () => {
    expect(reminderDueTimes(start, [2880, 180], new Date("2026-03-20T00:00:00Z")).map((d) => d.toISOString())).toEqual([
      "2026-03-28T07:00:00.000Z",
      "2026-03-30T04:00:00.000Z",
    ]);
  });

  it("a booking made less than 48 h ahead still gets the 3 h one; less than 3 h ahead, none", () => {
    expect(reminderDueTimes(start, [2880, 180], new Date("2026-03-29T12:00:00Z"))).toEqual([new Date("2026-03-30T04:00:00Z")]);
    expect(reminderDueTimes(start, [2880, 180], new Date("2026-03-30T05:00:00Z"))).toEqual([]);
  });
});

describe("private links", () => {
  const now = new Date("2026-03-25T00:00:00Z");
  it("work while the meeting is booked and ahead, until revoked", () => {
    expect(linkIsLive({ status: "booked", end: start, revokedAt: null }, now)).toBe(true);
    expect(linkIsLive({ status: "cancelled", end: start, revokedAt: null }, now)).toBe(false);
    expect(linkIsLive({ status: "booked", end: start, revokedAt: now }, now)).toBe(false);
    expect(linkIsLive({ status: "booked", end: start, revokedAt: null }, new Date("2026-03-30T08:00:00Z"))).toBe(false);
  });
});

describe("retry delays", () => {
  it("grow exponentially, stay between half and all of their ceiling, and are capped at an hour", () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, () => 1)).toBe(120_000);
    expect(retryDelayMs(20, () => 1)).toBe(3_600_000);
  });
});

describe("outcomes", () => {
  const start = new Date("2026-10-25T08:00:00Z"); // the Sunday clocks go back: 9 h 00 in Paris
  it("are recorded from the start of a booked meeting, not before", () => {
    expect(outcomeProblem({ status: "booked", start }, new Date("2026-10-25T07:59:59Z"))).toMatch(/pas encore commencé/);
    expect(outcomeProblem({ status: "booked", start }, start)).toBeUndefined();
    expect(outcomeProblem({ status: "cancelled", start }, new Date("2026-10-26T00:00:00Z"))).toMatch(/annulé/);
  });
});

describe("moves by staff", () => {
  it("are for a booked meeting without an outcome", () => {
    expect(moveProblem({ status: "booked", outcome: null })).toBeUndefined();
    expect(moveProblem({ status: "cancelled", outcome: null })).toMatch(/annulé/);
    for (const outcome of ["honoured", "no_show", "excused"])
      expect(moveProblem({ status: "booked", outcome })).toMatch(/issue de ce rendez-vous est notée/);
  });
});
