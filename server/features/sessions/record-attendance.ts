import type { StaffDeps } from "../../context.ts";
import { outcomeProblem } from "../../domain/booking.ts";
import { AppError, validationError } from "../../errors.ts";
import { recordOutcome } from "../agenda/record-outcome.ts";
import { sessionSeats } from "./session-seats.ts";

type Outcome = "honoured" | "no_show" | "excused";

/**
 * The attendance sheet filled in: each participant's outcome, recorded by the agenda's own verb
 * (`recordOutcome`: its rules, its audit, its referral timeline), one after the other. Every line
 * must name a seat of this session, and each seat take its outcome by the same rule, checked for
 * all before anything is written: a sheet is not half recorded.
 */
export async function recordAttendance(
  deps: StaffDeps & { input: { key: string; attendance: { appointmentId: string; outcome: Outcome }[] } },
) {
  const { scope, clock, input } = deps;
  const { seats } = await sessionSeats(scope, input.key);
  const ids = new Set(seats.map((s) => s.id));
  const strangers = input.attendance.flatMap((line, i) => (ids.has(line.appointmentId) ? [] : [i]));
  if (strangers.length > 0) {
    throw validationError(
      Object.fromEntries(
        strangers.map((i) => [`attendance.${i}.appointmentId`, "Ce rendez-vous n'est pas une place de cette session."]),
      ),
    );
  }
  const now = clock.now();
  for (const line of input.attendance) {
    const seat = seats.find((s) => s.id === line.appointmentId);
    const problem = seat && outcomeProblem({ status: seat.status, start: seat.startsAt }, now);
    if (problem) throw new AppError("CONFLICT", problem);
  }
  for (const line of input.attendance) {
    await recordOutcome({ ...deps, input: { id: line.appointmentId, outcome: line.outcome } });
  }
  return {};
}
