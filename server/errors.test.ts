import { describe, expect, it } from "vitest";
import { AppError, validationError } from "./errors.ts";

describe("an error naming fields", () => {
  it("names each in French, in the message and beside the paths", () => {
    const error = validationError({ "person.email": "adresse invalide.", "person.phone": "numéro invalide." });
    expect(error.message).toBe("Plusieurs champs sont invalides : « adresse électronique », « téléphone ».");
    expect(error.details).toEqual({
      fields: { "person.email": "adresse invalide.", "person.phone": "numéro invalide." },
      labels: { "person.email": "adresse électronique", "person.phone": "téléphone" },
    });
    expect(validationError({ "reminderPlan.1": "1 minute au moins." }).message).toBe(
      "Le champ « rappels » est invalide : 1 minute au moins.",
    );
  });

  it("names them too when it is a conflict, not a 422", () => {
    const conflict = new AppError("CONFLICT", "Déjà suivi.", { fields: { followUpOf: "Déjà suivi." } });
    expect(conflict.details.labels).toEqual({ followUpOf: "rendez-vous suivi" });
    expect(new AppError("NOT_FOUND", "Introuvable.").details).toEqual({});
  });
});
