import { parseTime } from "./time.ts";

// The weekly opening hours a directory shows for a place, read from the advisors' ranges: the
// union of their hours, day by day. It says when someone receives there, not when each advisor does.

/** A weekly range as the directory needs it: ISO weekdays (1 = Monday) and local "HH:mm" times. */
export interface WeeklyRange {
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}

const DAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

/** « 9 h », « 13 h 30 »: the form French public signage uses. */
export function formatHour(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}

/** « a », « a et b », « a, b et c ». */
function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`;
}

/** « du lundi au vendredi », « le lundi et le jeudi »: three days in a row or more are a span. */
function daysWords(days: readonly number[]): string {
  const runs: number[][] = [];
  for (const day of [...days].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const name = (day: number) => DAY_NAMES[day - 1] ?? "";
  return frenchList(
    runs.flatMap((run) =>
      run.length >= 3 ? [`du ${name(run[0] ?? 1)} au ${name(run.at(-1) ?? 1)}`] : run.map((day) => `le ${name(day)}`),
    ),
  );
}

/** Each weekday's hours as merged [start, end) minute intervals: overlapping and touching ranges become one. */
function hoursByDay(ranges: readonly WeeklyRange[]): Map<number, [number, number][]> {
  const byDay = new Map<number, [number, number][]>();
  for (const range of ranges) {
    const start = parseTime(range.startTime);
    const end = parseTime(range.endTime);
    if (start === undefined || end === undefined || end <= start) continue;
    for (const day of new Set(range.weekdays)) {
      if (day < 1 || day > 7) continue;
      byDay.set(day, [...(byDay.get(day) ?? []), [start, end]]);
    }
  }
  for (const [day, intervals] of byDay) {
    const merged: [number, number][] = [];
    for (const [start, end] of intervals.sort((a, b) => a[0] - b[0])) {
      const last = merged.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    byDay.set(day, merged);
  }
  return byDay;
}

/**
 * The week in a few lines, days with the same hours together, in the order of the week:
 * « Du lundi au vendredi, 9 h – 12 h et 14 h – 17 h », « Le samedi, 9 h – 12 h ». Empty when
 * there is no range: the directory then says nothing rather than guess.
 */
export function openingHours(ranges: readonly WeeklyRange[]): string[] {
  const groups = new Map<string, number[]>();
  for (const [day, intervals] of [...hoursByDay(ranges)].sort((a, b) => a[0] - b[0])) {
    const hours = frenchList(intervals.map(([start, end]) => `${formatHour(start)} – ${formatHour(end)}`));
    groups.set(hours, [...(groups.get(hours) ?? []), day]);
  }
  return [...groups].map(([hours, days]) => {
    const words = daysWords(days);
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}, ${hours}`;
  });
}
