import { validationError } from "../../errors.ts";

/** Ages are checked on the result of the change, not on the body alone. */
export function checkAges(offering: { minAge?: number | null; maxAge?: number | null }) {
  if (offering.minAge != null && offering.maxAge != null && offering.minAge > offering.maxAge) {
    throw validationError({ maxAge: "l'âge maximum ne peut être inférieur à l'âge minimum." });
  }
}
