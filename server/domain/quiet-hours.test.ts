import { describe, expect, it } from "vitest";
import { smsDueAt } from "./quiet-hours.ts";

const PARIS = "Europe/Paris";
const REUNION = "Indian/Reunion";
const at = (iso: string) => new Date(iso);

describe("SMS quiet hours (20:00–08:00 in the structure's zone)", () => {
  it("sends by day at once, 08:00 and 19:59 included", () => {
    for (const iso of ["2026-03-20T07:00:00Z", "2026-03-20T18:59:00Z", "2026-03-20T11:30:00Z"]) {
      expect(smsDueAt(at(iso), PARIS)).toEqual(at(iso));
    }
  });

  it("holds an SMS due in the evening till 08:00 the next morning", () => {
    // 20:00 in Paris (UTC+1 in March before the change) → 08:00 the next day.
    expect(smsDueAt(at("2026-03-20T19:00:00Z"), PARIS)).toEqual(at("2026-03-21T07:00:00Z"));
    expect(smsDueAt(at("2026-03-20T22:59:00Z"), PARIS)).toEqual(at("2026-03-21T07:00:00Z"));
  });

  it("holds an SMS due after midnight till 08:00 the same morning", () => {
    expect(smsDueAt(at("2026-03-21T02:00:00Z"), PARIS)).toEqual(at("2026-03-21T07:00:00Z"));
  });

  it("keeps 08:00 local across the change of time (29 March 2026: 08:00 is 06:00 UTC)", () => {
    expect(smsDueAt(at("2026-03-28T21:00:00Z"), PARIS)).toEqual(at("2026-03-29T06:00:00Z"));
    // In October the clocks go back: 08:00 on 25 October is 07:00 UTC.
    expect(smsDueAt(at("2026-10-24T20:00:00Z"), PARIS)).toEqual(at("2026-10-25T07:00:00Z"));
  });

  it("uses the structure's zone: 21:00 in La Réunion is 18:00 in Paris", () => {
    expect(smsDueAt(at("2026-03-20T17:00:00Z"), REUNION)).toEqual(at("2026-03-21T04:00:00Z"));
    expect(smsDueAt(at("2026-03-20T17:00:00Z"), PARIS)).toEqual(at("2026-03-20T17:00:00Z"));
  });

  it("sends at once at night when the meeting is before 10:00 the next morning", () => {
    const night = at("2026-03-20T21:30:00Z"); // 22:30 in Paris
    expect(smsDueAt(night, PARIS, at("2026-03-21T08:30:00Z"))).toEqual(night); // meeting 09:30
    expect(smsDueAt(night, PARIS, at("2026-03-21T09:00:00Z"))).toEqual(at("2026-03-21T07:00:00Z")); // meeting 10:00
    expect(smsDueAt(night, PARIS, at("2026-03-23T08:30:00Z"))).toEqual(at("2026-03-21T07:00:00Z")); // another day
  });
});
