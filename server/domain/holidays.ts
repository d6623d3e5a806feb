import joursFeries from "@socialgouv/jours-feries";
import type { LocalDate } from "./time.ts";

const byYear = new Map<number, LocalDate[]>();

/**
 * French public holidays (metropolitan France) of a year, from a maintained package. It builds
 * its dates with the process's local time, so they are read back with local getters.
 */
export function publicHolidays(year: number): LocalDate[] {
  let dates = byYear.get(year);
  if (!dates) {
    dates = Object.values(joursFeries(year) as Record<string, Date>).map(
      (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`,
    );
    byYear.set(year, dates.sort());
  }
  return dates;
}

/** The public holidays between two local dates (inclusive). */
export function holidaysBetween(from: LocalDate, to: LocalDate): Set<LocalDate> {
  const set = new Set<LocalDate>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const date of publicHolidays(year)) if (date >= from && date <= to) set.add(date);
  }
  return set;
}
