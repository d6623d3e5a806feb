import { AppError, validationError } from "../../errors.ts";

// What the verbs on a structure's members share: which roles a structure has, and that nobody
// changes their own.

/** A partner organisation has no calendar: nobody there is an advisor or at the reception desk. */
export function checkRole(role: string, networkKind: "spro" | "partner") {
  if (networkKind === "partner" && (role === "advisor" || role === "reception")) {
    throw validationError({ role: "un partenaire n'a pas d'agenda : rôles possibles, orienteur ou administrateur." });
  }
}
export const ALREADY = "Cette personne a déjà ce rôle dans la structure.";
export const notYourself = () =>
  new AppError("CONFLICT", "Vous ne pouvez pas modifier vos propres rôles : demandez à un autre administrateur.");
