import { afterEach, describe, expect, it } from "vitest";
import { boxOf, hourRange, joinedSpans, meetingBlocks, minuteOn, placeOnDay, takesWholeDay } from "./agenda-grid.ts";

/** An instant as the API writes it: the wall clock of Paris and its offset at that instant. */
function paris(utc: string): string {
  const instant = new Date(utc);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wall = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  const offset = Math.round((Date.parse(`${wall}Z`) - instant.getTime()) / 60_000);
  return `${wall}+${String(offset / 60).padStart(2, "0")}:00`;
}

const meeting = (id: string, startUtc: string, minutes: number) => ({
  id,
  start: paris(startUtc),
  end: paris(new Date(Date.parse(startUtc) + minutes * 60_000).toISOString()),
});

const hours = (minute: number) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")}`;

describe("the agenda grid across a daylight-saving change", () => {
  const savedZone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = savedZone;
  });

  it("keeps a 9 h meeting at 9 h on both sides of the last Sunday of March", () => {
    // Clocks go forward on Sunday 29 March 2026 at 2 h: 9 h in Paris is 8 h UTC before, 7 h after.
    const before = meeting("vendredi", "2026-03-27T08:00:00Z", 45);
    const sunday = meeting("dimanche", "2026-03-29T08:00:00Z", 60);
    const after = meeting("lundi", "2026-03-30T07:00:00Z", 45);
    expect([before.start, sunday.start, after.start]).toEqual([
      "2026-03-27T09:00:00+01:00",
      "2026-03-29T10:00:00+02:00",
      "2026-03-30T09:00:00+02:00",
    ]);
    const week = [before, sunday, after];
    expect(placeOnDay("2026-03-27", week).map((p) => [p.item.id, hours(p.top), hours(p.bottom)])).toEqual([
      ["vendredi", "9:00", "9:45"],
    ]);
    expect(placeOnDay("2026-03-29", week).map((p) => [p.item.id, hours(p.top), hours(p.bottom)])).toEqual([
      ["dimanche", "10:00", "11:00"],
    ]);
    expect(placeOnDay("2026-03-30", week).map((p) => [p.item.id, hours(p.top), hours(p.bottom)])).toEqual([
      ["lundi", "9:00", "9:45"],
    ]);
  });

  it("keeps 14 h at 14 h on both sides of the last Sunday of October", () => {
    // Clocks go back on Sunday 25 October 2026 at 3 h: 14 h in Paris is 12 h UTC before, 13 h after.
    const week = [meeting("samedi", "2026-10-24T12:00:00Z", 30), meeting("lundi", "2026-10-26T13:00:00Z", 30)];
    expect(placeOnDay("2026-10-24", week).map((p) => hours(p.top))).toEqual(["14:00"]);
    expect(placeOnDay("2026-10-26", week).map((p) => hours(p.top))).toEqual(["14:00"]);
  });

  it("does not depend on the browser's zone", () => {
    process.env.TZ = "America/New_York";
    const after = meeting("lundi", "2026-03-30T07:00:00Z", 45);
    expect(placeOnDay("2026-03-30", [after]).map((p) => [hours(p.top), hours(p.bottom)])).toEqual([["9:00", "9:45"]]);
  });

  it("draws the hour the clocks skip as the wall clock reads it, and the repeated hour once, at the span's real length", () => {
    // 1 h 30 → 3 h 30 on 29 March lasts one hour; the grid, in wall-clock hours, draws it 1:30 to 3:30.
    const skipped = meeting("nuit de mars", "2026-03-29T00:30:00Z", 60);
    expect(placeOnDay("2026-03-29", [skipped]).map((p) => [hours(p.top), hours(p.bottom)])).toEqual([["1:30", "3:30"]]);
    // 2 h 30 (summer time) → 2 h 15 (winter time) on 25 October: 45 minutes, drawn from 2:30.
    const repeated = meeting("nuit d'octobre", "2026-10-25T00:30:00Z", 45);
    expect(repeated).toMatchObject({ start: "2026-10-25T02:30:00+02:00", end: "2026-10-25T02:15:00+01:00" });
    expect(placeOnDay("2026-10-25", [repeated]).map((p) => [hours(p.top), hours(p.bottom)])).toEqual([["2:30", "3:15"]]);
  });
});

describe("the agenda grid", () => {
  it("puts overlapping meetings side by side, and a later one back to full width", () => {
    const day = "2026-03-24";
    const placed = placeOnDay(day, [
      { id: "a", start: `${day}T09:00:00+01:00`, end: `${day}T10:00:00+01:00` },
      { id: "b", start: `${day}T09:30:00+01:00`, end: `${day}T10:30:00+01:00` },
      { id: "c", start: `${day}T10:00:00+01:00`, end: `${day}T10:45:00+01:00` },
      { id: "d", start: `${day}T11:00:00+01:00`, end: `${day}T11:30:00+01:00` },
    ]);
    expect(placed.map((p) => [p.item.id, p.lane, p.lanes])).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      // c starts as a ends: it takes a's lane, beside b.
      ["c", 0, 2],
      ["d", 0, 1],
    ]);
  });

  it("cuts an absence over several days to the day shown, and leaves out what ends at its midnight", () => {
    const absence = { start: "2026-03-23T14:00:00+01:00", end: "2026-03-25T00:00:00+01:00" };
    expect(placeOnDay("2026-03-23", [absence]).map((p) => [p.top, p.bottom])).toEqual([[14 * 60, 24 * 60]]);
    expect(placeOnDay("2026-03-24", [absence]).map((p) => [p.top, p.bottom])).toEqual([[0, 24 * 60]]);
    expect(placeOnDay("2026-03-25", [absence])).toEqual([]);
    expect(minuteOn("2026-03-24", "2026-03-24T17:45:00+01:00")).toBe(17 * 60 + 45);
  });

  it("tells a whole day (an all-day event of the advisor's own calendar) from a long afternoon", () => {
    const allDay = { start: "2026-03-24T00:00:00+01:00", end: "2026-03-25T00:00:00+01:00" };
    const [day] = placeOnDay("2026-03-24", [allDay]);
    expect(day && takesWholeDay(day)).toBe(true);
    const [afternoon] = placeOnDay("2026-03-24", [{ start: "2026-03-24T12:00:00+01:00", end: "2026-03-25T00:00:00+01:00" }]);
    expect(afternoon && takesWholeDay(afternoon)).toBe(false);
  });

  it("shows office hours, widened to what falls outside them, and boxes in percent of the hours shown", () => {
    expect(hourRange([])).toEqual({ from: 8, to: 18 });
    expect(hourRange([{ top: 7 * 60 + 30, bottom: 19 * 60 + 10 }])).toEqual({ from: 7, to: 20 });
    const range = { from: 8, to: 18 };
    expect(boxOf({ top: 9 * 60, bottom: 10 * 60, lane: 1, lanes: 2 }, range)).toEqual({
      top: 10,
      height: 10,
      left: 50,
      width: 50,
    });
    // A whole day's absence fills the hours shown; a night's meeting is not drawn.
    expect(boxOf({ top: 0, bottom: 24 * 60, lane: 0, lanes: 1 }, range)).toMatchObject({ top: 0, height: 100 });
    expect(boxOf({ top: 20 * 60, bottom: 21 * 60, lane: 0, lanes: 1 }, range)).toBeNull();
  });

  it("joins free times that touch or overlap into bands", () => {
    expect(
      joinedSpans([
        { top: 600, bottom: 645 },
        { top: 540, bottom: 585 },
        { top: 585, bottom: 600 },
        { top: 840, bottom: 960 },
        { top: 900, bottom: 930 },
      ]),
    ).toEqual([
      { top: 540, bottom: 645 },
      { top: 840, bottom: 960 },
    ]);
  });

  it("draws a collective session's seats as one block, without its cancelled seats, and a meeting as itself", () => {
    const at = (id: string, start: string, seats: number, status = "booked", advisor = "david") => ({
      id,
      start: `2026-03-24T${start}:00+01:00`,
      end: `2026-03-24T${start.replace(/^1/, "2")}:00+01:00`,
      seats,
      status,
      advisor: { id: advisor },
      service: { name: seats > 1 ? "Réunion d'information collective VAE" : "Entretien" },
    });
    const blocks = meetingBlocks([
      at("a", "14:00", 8),
      at("b", "14:00", 8),
      at("annulé", "14:00", 8, "cancelled"),
      at("c", "14:00", 8),
      at("autre conseiller", "14:00", 8, "booked", "emma"),
      at("seul", "10:00", 1),
    ]);
    expect(
      blocks.map((block) => (block.kind === "session" ? block.appointments.map((m) => m.id) : block.appointment.id)),
    ).toEqual([["a", "b", "c"], ["autre conseiller"], "seul"]);
  });
});
