import type { StaffDeps } from "../../context.ts";
import { platformSettings, RETENTION_MONTHS } from "./settings.ts";

/** The platform's settings and the bounds the Région may choose the retention period from (Région). */
export async function showSettings({ db, scope }: StaffDeps) {
  scope.requireRegion();
  const { min, max } = RETENTION_MONTHS;
  return { ...(await platformSettings(db)), min, max };
}
