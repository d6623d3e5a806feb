import { describe, expect, it } from "vitest";
import { personName } from "./fields.ts";

describe("personName", () => {
  const name = personName("Le nom");

  it("takes names in any script, with spaces, hyphens and apostrophes", () => {
    for (const ok of ["Durand", "Le Goff-Ménard", "N'Diaye", "Ørsted", "𝒜da", "  Léa  "]) {
      expect(name.safeParse(ok).success, ok).toBe(true);
    }
  });

  it("refuses digits, < > { }, and line breaks", () => {
    for (const wrong of ["Durand2", "<b>", "{x}", "Léa\nDurand", ""]) expect(name.safeParse(wrong).success, wrong).toBe(false);
  });
});
