// Booking rules that need no database: reminders, and what a private link still allows.

import { type AppointmentOutcome, type AppointmentStatus, stateOf, transitionProblem } from "./appointment-states.ts";

/** When the reminders of a meeting are due: each entry of the plan (minutes before) still ahead. */
export function reminderDueTimes(start: Date, planMinutes: readonly number[], now: Date): Date[] {
  return [...new Set(planMinutes)]
    .map((minutes) => new Date(start.getTime() - minutes * 60_000))
    .filter((due) => due.getTime() > now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * A private link works while the meeting is booked, not yet over and its outcome not recorded
 * (then it took place, or the person's absence is noted: nothing is left to cancel or move), and
 * until revoked.
 */
export function linkIsLive(
  a: { status: AppointmentStatus; outcome: AppointmentOutcome | null; end: Date; revokedAt: Date | null },
  now: Date,
): boolean {
  return stateOf(a) === "booked" && a.revokedAt === null && a.end.getTime() > now.getTime();
}

/** Capped exponential backoff with full jitter, for transient delivery failures (attempt ≥ 1). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Why an outcome (honoured, no-show, excused) cannot be recorded, if it cannot: the states'
 * table says whether the appointment may take it (a cancelled one may not; an outcome may be
 * corrected), and it is not recorded before the meeting starts.
 */
export function outcomeProblem(
  a: { status: AppointmentStatus; outcome: AppointmentOutcome | null; start: Date },
  outcome: AppointmentOutcome,
  now: Date,
): string | undefined {
  const refused = transitionProblem(stateOf(a), outcome);
  if (refused) return refused;
  if (now.getTime() < a.start.getTime())
    return "Le rendez-vous n'a pas encore commencé : son issue se note à partir de son heure.";
  return undefined;
}
