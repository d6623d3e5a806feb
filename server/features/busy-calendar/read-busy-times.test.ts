import { describe, expect, it } from "vitest";
import { CalendarTooComplexError, NotACalendarError } from "../../domain/busy-times.ts";
import { readBusyTimes } from "./read-busy-times.ts";

// The busy times are read on a thread of their own: a calendar that would step for ever is
// given up after the timeout, and this thread is never held meanwhile.

const window = { from: new Date("2026-12-06T00:00:00Z"), to: new Date("2027-12-08T00:00:00Z") };
const calendar = (rule: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261207T090000Z\r\nDTEND:20261207T100000Z\r\nRRULE:${rule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

describe("busy times read on a thread of their own", () => {
  it("reads a calendar's busy times as the pure reading does", async () => {
    expect(await readBusyTimes(calendar("FREQ=DAILY;COUNT=2"), window, "Europe/Paris", 10_000)).toEqual([
      { start: new Date("2026-12-07T09:00:00Z"), end: new Date("2026-12-07T10:00:00Z") },
      { start: new Date("2026-12-08T09:00:00Z"), end: new Date("2026-12-08T10:00:00Z") },
    ]);
    await expect(readBusyTimes("<!doctype html>", window, "Europe/Paris", 10_000)).rejects.toThrow(NotACalendarError);
  });

  it("gives up a repetition that never ends after the timeout, and this thread answers meanwhile", async () => {
    // Every minute of a 29 February that is a Monday: ical.js steps minute by minute to 2044.
    const started = performance.now();
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 50);
    const read = readBusyTimes(calendar("FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"), window, "Europe/Paris", 1_500);
    await expect(read).rejects.toThrow(CalendarTooComplexError);
    clearInterval(ticking);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThan(20);
  });
});
