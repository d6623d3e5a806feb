// The states of an appointment and the changes between them: the one table every verb that
// cancels, moves or records an outcome asks, and which the migration `appointment_states`
// enforces in the database too (tests/db/appointment-states.test.ts compares them pair by pair).

export type AppointmentStatus = "booked" | "cancelled";
export type AppointmentOutcome = "honoured" | "no_show" | "excused";

/**
 * What an appointment is, read from its two columns: booked and not yet marked, cancelled, or
 * marked with what became of it. A cancelled appointment never has an outcome.
 */
export type AppointmentState = "booked" | "cancelled" | AppointmentOutcome;

export const OUTCOMES: readonly AppointmentOutcome[] = ["honoured", "no_show", "excused"];
export const APPOINTMENT_STATES: readonly AppointmentState[] = ["booked", "cancelled", ...OUTCOMES];

/**
 * Every state and the states it may become. `booked → booked` is a move (another time, place or
 * advisor); an outcome may be corrected to another (or recorded again), never cancelled nor
 * undone: the person came or did not, and was not told « annulé » after attending. A cancelled
 * appointment is final: its slot is freed, its person told.
 */
export const TRANSITIONS: { readonly [S in AppointmentState]: readonly AppointmentState[] } = {
  booked: ["booked", "cancelled", ...OUTCOMES],
  honoured: OUTCOMES,
  no_show: OUTCOMES,
  excused: OUTCOMES,
  cancelled: [],
};

export function stateOf(a: { status: AppointmentStatus; outcome: AppointmentOutcome | null }): AppointmentState {
  return a.status === "cancelled" ? "cancelled" : (a.outcome ?? "booked");
}

export function canBecome(from: AppointmentState, to: AppointmentState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** « Ce rendez-vous a … » */
const OUTCOME_WORDS: Record<AppointmentOutcome, string> = {
  honoured: "été honoré",
  no_show: "son issue notée « absence »",
  excused: "son issue notée « absence excusée »",
};

/**
 * Why an appointment in state `from` cannot become `to`, in French for the person who tried, or
 * undefined when the table allows it. `to = "booked"` asks for a move.
 */
export function transitionProblem(from: AppointmentState, to: AppointmentState): string | undefined {
  if (canBecome(from, to)) return undefined;
  if (from === "cancelled") {
    if (to === "cancelled") return "Ce rendez-vous est déjà annulé.";
    if (to === "booked") return "Ce rendez-vous est annulé : il ne peut plus être déplacé. Prenez-en un nouveau.";
    return "Ce rendez-vous est annulé : il n'a pas d'issue à noter.";
  }
  // From here, `from` is an outcome: only `cancelled` and `booked` are refused.
  const marked = `Ce rendez-vous a ${OUTCOME_WORDS[from as AppointmentOutcome]}`;
  if (to === "cancelled") return `${marked} : il ne peut plus être annulé. Si l'issue est fausse, corrigez-la.`;
  return `${marked} : il ne peut plus être déplacé. Prenez un nouveau rendez-vous.`;
}
