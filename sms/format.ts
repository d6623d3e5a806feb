import { WEEKDAYS } from "../server/domain/french.ts";
import { isoWeekday, wallClock } from "../server/domain/time.ts";

// Dates the way a text message says them, in the structure's zone: « lun. 30/03 à 9h30 ». No year:
// appointments and invitations are weeks ahead at most.

/** « lun. 30/03 » */
export function shortDay(date: Date, zone: string): string {
  const local = wallClock(date, zone).date;
  const [, month, dayOfMonth] = local.split("-") as [string, string, string];
  return `${WEEKDAYS[isoWeekday(local) - 1]?.slice(0, 3)}. ${dayOfMonth}/${month}`;
}

/** « 9h », « 14h30 » */
export function shortTime(date: Date, zone: string): string {
  const { minutes } = wallClock(date, zone);
  const m = minutes % 60;
  return `${Math.floor(minutes / 60)}h${m ? String(m).padStart(2, "0") : ""}`;
}

/** « lun. 30/03 à 9h30 » */
export function moment(date: Date, zone: string): string {
  return `${shortDay(date, zone)} à ${shortTime(date, zone)}`;
}
