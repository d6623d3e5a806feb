import { describe, expect, it } from "vitest";
import { accessibilityWords } from "./accessibility.ts";

describe("accessibilityWords", () => {
  it("names the arrangements in the list's order, then the person's words", () => {
    expect(accessibilityWords(["hearing_loop", "wheelchair"], " Arriver 10 minutes avant ")).toBe(
      "Accès en fauteuil roulant ; Boucle magnétique ; Arriver 10 minutes avant",
    );
  });

  it("says « Autre besoin » only when no text says which", () => {
    expect(accessibilityWords(["other"], "")).toBe("Autre besoin");
    expect(accessibilityWords(["other", "sign_language"], "Un chien guide")).toBe(
      "Interprète en langue des signes (LSF) ; Un chien guide",
    );
    expect(accessibilityWords([], "")).toBe("");
  });
});
