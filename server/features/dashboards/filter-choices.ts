import type { StaffDeps } from "../../context.ts";
import { coverageChoices, defaultPeriod } from "./coverage.ts";

/** What the dashboard's filters offer this user, and the period shown when none is asked for. */
export async function filterChoices({ db, clock, scope }: StaffDeps) {
  return coverageChoices(db, scope.roles, defaultPeriod(clock.now()));
}
