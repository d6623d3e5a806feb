import type { StaffDeps } from "../../context.ts";
import { recordView } from "../../db/audit.ts";
import { personInScope } from "./person-scope.ts";
import { personSummary } from "./person-summary.ts";

/** A person as the user's structures know them (everything, for the Région): the person page. */
export async function showPerson(deps: StaffDeps & { input: { id: string } }) {
  const { db, clock, scope, input } = deps;
  const person = await personInScope(db, scope, input.id);
  // The privacy notice says staff consultations are traced: this one is.
  await recordView(deps, "Person", person.id);
  return personSummary(db, person.id, person.structureIds, clock.now());
}
