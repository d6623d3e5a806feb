import type { StaffDeps } from "../../context.ts";
import { countExpired } from "./retention.ts";

/** How many persons the next daily run would anonymise with this retention period (Région). */
export async function previewRetention({ db, clock, scope, input }: StaffDeps & { input: { months: number } }) {
  scope.requireRegion();
  return { persons: await countExpired(db, clock.now(), input.months) };
}
