import { describe, expect, it } from "vitest";
import { daysGained, halfDayOf, holdEnds, joinProblem, mayOffer, suits, type Waiting } from "./waitlist.ts";

const PARIS = "Europe/Paris";
const at = (iso: string) => new Date(iso);
const far = { start: at("2026-04-30T08:00:00Z"), minNoticeMinutes: 120 };

describe("how long a freed slot is held", () => {
  it("15 minutes by day, in the structure's wall time", () => {
    // 10:00 in Paris (UTC+1 in March before the change).
    expect(holdEnds(at("2026-03-20T09:00:00Z"), PARIS, far)).toEqual(at("2026-03-20T09:15:00Z"));
    // 19:59 is still day: the hold runs past 20:00.
    expect(holdEnds(at("2026-03-20T18:59:00Z"), PARIS, far)).toEqual(at("2026-03-20T19:14:00Z"));
  });

  it("at night, till 09:00 the next morning — or this morning after midnight", () => {
    expect(holdEnds(at("2026-03-20T19:00:00Z"), PARIS, far)).toEqual(at("2026-03-21T08:00:00Z"));
    expect(holdEnds(at("2026-03-21T02:30:00Z"), PARIS, far)).toEqual(at("2026-03-21T08:00:00Z"));
    // 07:59 is night: 09:00 the same morning.
    expect(holdEnds(at("2026-03-21T06:59:00Z"), PARIS, far)).toEqual(at("2026-03-21T08:00:00Z"));
  });

  it("across the clocks going forward and back, 09:00 is the wall time of that morning", () => {
    // Saturday 28 March 2026, 22:00 (UTC+1) → Sunday 29 March 09:00 is UTC+2.
    expect(holdEnds(at("2026-03-28T21:00:00Z"), PARIS, far)).toEqual(at("2026-03-29T07:00:00Z"));
    // Saturday 24 October 2026, 22:00 (UTC+2) → Sunday 25 October 09:00 is UTC+1.
    expect(holdEnds(at("2026-10-24T20:00:00Z"), PARIS, { ...far, start: at("2026-11-30T08:00:00Z") })).toEqual(
      at("2026-10-25T08:00:00Z"),
    );
  });

  it("never past the last moment the slot may be booked; too little left is no offer", () => {
    const soon = { start: at("2026-03-21T10:00:00Z"), minNoticeMinutes: 120 };
    // At night the hold would run to 08:00Z; the slot must be booked by 08:00Z: the same.
    expect(holdEnds(at("2026-03-20T22:00:00Z"), PARIS, soon)).toEqual(at("2026-03-21T08:00:00Z"));
    expect(holdEnds(at("2026-03-21T07:45:00Z"), PARIS, soon)).toEqual(at("2026-03-21T08:00:00Z"));
    expect(holdEnds(at("2026-03-21T07:51:00Z"), PARIS, soon)).toBeUndefined();
  });
});

describe("who may be offered a slot", () => {
  const person: Waiting = {
    halfDays: [],
    modes: [],
    meetingStart: at("2026-04-08T08:00:00Z"),
    until: null,
    offersSent: 0,
    lastOfferAt: null,
  };
  const now = at("2026-03-20T09:00:00Z");
  // Wednesday 25 March 2026, 10:00 in Paris.
  const slot = { start: at("2026-03-25T09:00:00Z"), mode: "onsite" as const };

  it("earlier than their meeting only", () => {
    expect(mayOffer(person, slot, now, PARIS)).toBe(true);
    expect(mayOffer(person, { ...slot, start: at("2026-04-08T08:00:00Z") }, now, PARIS)).toBe(false);
    expect(mayOffer({ ...person, meetingStart: null }, { ...slot, start: at("2026-06-01T08:00:00Z") }, now, PARIS)).toBe(true);
  });

  it("in the half-days and modes they chose", () => {
    expect(halfDayOf(slot.start, PARIS)).toBe("3am");
    expect(halfDayOf(at("2026-03-25T11:00:00Z"), PARIS)).toBe("3pm");
    expect(suits({ halfDays: ["3am"], modes: [] }, slot, PARIS)).toBe(true);
    expect(suits({ halfDays: ["3pm", "4am"], modes: [] }, slot, PARIS)).toBe(false);
    expect(suits({ halfDays: [], modes: ["phone"] }, slot, PARIS)).toBe(false);
  });

  it("three offers at most, one a day in the structure's zone, and not past their last day", () => {
    expect(mayOffer({ ...person, offersSent: 3 }, slot, now, PARIS)).toBe(false);
    expect(mayOffer({ ...person, offersSent: 2, lastOfferAt: at("2026-03-19T22:30:00Z") }, slot, now, PARIS)).toBe(true);
    // 23:30 UTC on the 19th is already the 20th in Paris: the same day as now.
    expect(mayOffer({ ...person, offersSent: 1, lastOfferAt: at("2026-03-19T23:30:00Z") }, slot, now, PARIS)).toBe(false);
    expect(mayOffer({ ...person, until: at("2026-03-20T08:00:00Z") }, slot, now, PARIS)).toBe(false);
  });
});

describe("days gained and joining", () => {
  it("counts days to a tenth", () => {
    expect(daysGained(at("2026-04-08T08:00:00Z"), at("2026-03-25T09:00:00Z"))).toBe(14);
    expect(daysGained(at("2026-03-26T09:00:00Z"), at("2026-03-25T21:00:00Z"))).toBe(0.5);
  });

  it("refuses a collective session and a meeting within two days", () => {
    const now = at("2026-03-20T09:00:00Z");
    expect(joinProblem({ start: at("2026-03-23T09:00:00Z"), seats: 1 }, now)).toBeUndefined();
    expect(joinProblem({ start: at("2026-03-22T09:00:00Z"), seats: 1 }, now)).toContain("moins de 2 jours");
    expect(joinProblem({ start: at("2026-04-23T09:00:00Z"), seats: 8 }, now)).toContain("séance collective");
  });
});
