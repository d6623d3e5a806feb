// Booking rules that need no database: reminders, and what a private link still allows.

/** When the reminders of a meeting are due: each entry of the plan (minutes before) still ahead. */
export function reminderDueTimes(start: Date, planMinutes: readonly number[], now: Date): Date[] {
  return [...new Set(planMinutes)]
    .map((minutes) => new Date(start.getTime() - minutes * 60_000))
    .filter((due) => due.getTime() > now.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

/** A private link works while the meeting is booked and not yet over, and until revoked. */
export function linkIsLive(a: { status: "booked" | "cancelled"; end: Date; revokedAt: Date | null }, now: Date): boolean {
  return a.status === "booked" && a.revokedAt === null && a.end.getTime() > now.getTime();
}

/** Capped exponential backoff with full jitter, for transient delivery failures (attempt ≥ 1). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60 * 60_000, 30_000 * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Why an outcome (honoured, no-show, excused) cannot be recorded yet, if it cannot: only for a
 * meeting that is still booked, and not before it starts.
 */
export function outcomeProblem(a: { status: "booked" | "cancelled"; start: Date }, now: Date): string | undefined {
  if (a.status !== "booked") return "Ce rendez-vous est annulé : il n'a pas d'issue à noter.";
  if (now.getTime() < a.start.getTime())
    return "Le rendez-vous n'a pas encore commencé : son issue se note à partir de son heure.";
  return undefined;
}

/**
 * Why staff cannot move a meeting, if they cannot: a cancelled one is gone, and one with an
 * outcome has happened (or was missed): what became of it is final, a new meeting is booked.
 */
export function moveProblem(a: { status: "booked" | "cancelled"; outcome: string | null }): string | undefined {
  if (a.status !== "booked") return "Ce rendez-vous est annulé : il ne peut plus être déplacé.";
  if (a.outcome !== null)
    return "L'issue de ce rendez-vous est notée : il ne peut plus être déplacé. Réservez un nouveau rendez-vous.";
  return undefined;
}
