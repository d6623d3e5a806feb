import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/helpers/property-runs.ts";
import {
  APPOINTMENT_STATES,
  type AppointmentOutcome,
  type AppointmentState,
  type AppointmentStatus,
  canBecome,
  OUTCOMES,
  stateOf,
  TRANSITIONS,
  transitionProblem,
} from "./appointment-states.ts";

// The table against what a person expects of a meeting's life, written a second way: what staff
// and the person may do to it, at random, in any order.

type Row = { status: AppointmentStatus; outcome: AppointmentOutcome | null };
type Verb = { kind: "cancel" } | { kind: "move" } | { kind: "record"; outcome: AppointmentOutcome };

/** What a verb asks the row to become, as the verbs write it. */
function target(verb: Verb): AppointmentState {
  return verb.kind === "cancel" ? "cancelled" : verb.kind === "move" ? "booked" : verb.outcome;
}

/** A verb as the features run it: asks the table, then writes the columns, or is refused. */
function run(row: Row, verb: Verb): { row: Row; refused?: string } {
  const refused = transitionProblem(stateOf(row), target(verb));
  if (refused) return { row, refused };
  if (verb.kind === "cancel") return { row: { ...row, status: "cancelled" } };
  if (verb.kind === "record") return { row: { ...row, outcome: verb.outcome } };
  return { row };
}

const arbVerb: fc.Arbitrary<Verb> = fc.oneof(
  fc.constant<Verb>({ kind: "cancel" }),
  fc.constant<Verb>({ kind: "move" }),
  fc.constantFrom(...OUTCOMES).map((outcome): Verb => ({ kind: "record", outcome })),
);

describe("an appointment's states", () => {
  it("allow exactly these changes (every pair of states)", () => {
    // Spelled out by hand, apart from the table: a change not listed here is refused.
    const allowed = new Set([
      "booked→booked",
      "booked→cancelled",
      "booked→honoured",
      "booked→no_show",
      "booked→excused",
      ...OUTCOMES.flatMap((from) => OUTCOMES.map((to) => `${from}→${to}`)),
    ]);
    for (const from of APPOINTMENT_STATES) {
      for (const to of APPOINTMENT_STATES) {
        const pair = `${from}→${to}`;
        expect(canBecome(from, to), pair).toBe(allowed.has(pair));
        const problem = transitionProblem(from, to);
        if (allowed.has(pair)) expect(problem, pair).toBeUndefined();
        else expect(problem, pair).toMatch(/^Ce rendez-vous (est|a) .+\.$/);
      }
    }
  });

  it("read a row's columns as one state, a cancelled row never with an outcome", () => {
    expect(stateOf({ status: "booked", outcome: null })).toBe("booked");
    expect(stateOf({ status: "booked", outcome: "no_show" })).toBe("no_show");
    expect(stateOf({ status: "cancelled", outcome: null })).toBe("cancelled");
    for (const state of APPOINTMENT_STATES) expect(Object.keys(TRANSITIONS)).toContain(state);
  });

  it("hold whatever staff and the person do, in any order", () => {
    fc.assert(
      fc.property(fc.array(arbVerb, { maxLength: 12 }), (verbs) => {
        let row: Row = { status: "booked", outcome: null };
        let cancelled = false;
        let recorded: AppointmentOutcome | null = null;
        for (const verb of verbs) {
          const before = row;
          const result = run(row, verb);
          row = result.row;
          // Never « annulé honoré »: a cancelled row has no outcome.
          expect(row.status === "cancelled" && row.outcome !== null).toBe(false);
          if (cancelled) {
            // Cancelled is final: every verb refused, nothing changes.
            expect(result.refused).toBeDefined();
            expect(row).toEqual(before);
          } else if (recorded) {
            // Once the outcome is known: corrected, never cancelled, moved or undone.
            if (verb.kind === "record") expect(result.refused).toBeUndefined();
            else expect(result.refused).toMatch(/ne peut plus être (annulé|déplacé)/);
            expect(row.status).toBe("booked");
            expect(row.outcome).not.toBeNull();
          } else {
            expect(result.refused).toBeUndefined();
          }
          if (row.status === "cancelled") cancelled = true;
          recorded = row.outcome;
        }
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
