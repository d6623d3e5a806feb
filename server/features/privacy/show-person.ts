import type { StaffDeps } from "../../context.ts";
import { personInScope } from "./person-scope.ts";
import { personSummary } from "./person-summary.ts";

/** A person as the user's structures know them (everything, for the Région): the person page. */
export async function showPerson({ db, clock, scope, input }: StaffDeps & { input: { id: string } }) {
  const person = await personInScope(db, scope, input.id);
  return personSummary(db, person.id, person.structureIds, clock.now());
}
