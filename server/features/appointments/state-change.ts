import { sqlIn, type Tx } from "../../db/database.ts";
import {
  type AppointmentOutcome,
  type AppointmentState,
  type AppointmentStatus,
  stateOf,
  transitionProblem,
} from "../../domain/appointment-states.ts";
import { AppError, notFound } from "../../errors.ts";

/**
 * Locks an appointment's row for the rest of the transaction and asks the states' table
 * (domain/appointment-states.ts) whether it may become `to`: a 409 saying why otherwise. Every
 * verb that cancels, moves or records an outcome comes here first, so that two of them at once
 * (an outcome recorded while the person cancels) are decided one after the other, on the row as
 * the other left it.
 */
export async function lockForChange(tx: Tx, id: string, to: AppointmentState) {
  const [row] = await sqlIn(tx).query<{
    status: AppointmentStatus;
    outcome: AppointmentOutcome | null;
    manageTokenHash: string | null;
  }>(
    `SELECT status::text AS status, outcome::text AS outcome, "manageTokenHash" FROM "Appointment" WHERE id = $1::uuid FOR UPDATE`,
    [id],
  );
  if (!row) throw notFound("Rendez-vous");
  const refused = transitionProblem(stateOf(row), to);
  if (refused) throw new AppError("CONFLICT", refused);
  return row;
}
