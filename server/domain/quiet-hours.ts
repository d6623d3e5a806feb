import { DateTime } from "luxon";

// No SMS at night: a phone buzzes at the bedside, unlike an inbox. E-mails are not held.

/** Night, in the structure's zone: from 20:00 to 08:00. */
const NIGHT_STARTS = 20;
const MORNING = 8;
/** A meeting before 10:00 cannot wait for an 08:00 text: its message goes at once. */
const EARLY_MEETING_ENDS = 10;

/**
 * When an SMS due at `due` may go: at once by day; at night, at 08:00 the next morning in the
 * structure's zone — unless the meeting it speaks of is before 10:00 that morning, when waiting
 * would leave the person no time to read it.
 */
export function smsDueAt(due: Date, zone: string, meetingStart?: Date): Date {
  const local = DateTime.fromJSDate(due, { zone });
  if (local.hour >= MORNING && local.hour < NIGHT_STARTS) return due;
  const morning = (local.hour >= NIGHT_STARTS ? local.plus({ days: 1 }) : local).set({
    hour: MORNING,
    minute: 0,
    second: 0,
    millisecond: 0,
  });
  if (meetingStart && meetingStart.getTime() < morning.set({ hour: EARLY_MEETING_ENDS }).toMillis()) return due;
  return morning.toJSDate();
}
