import { describe, expect, it } from "vitest";
import { displayedPhoneNumber, personName, phoneNumber } from "./fields.ts";

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

describe("phoneNumber", () => {
  it("keeps a person's number in E.164, however it was written", () => {
    expect(phoneNumber.parse("06 12 34 56 78")).toBe("+33612345678");
    expect(phoneNumber.parse("06.12.34.56.78")).toBe("+33612345678");
    expect(phoneNumber.parse("0033 6 12 34 56 78")).toBe("+33612345678");
    expect(phoneNumber.parse("+33 (0)6 12 34 56 78")).toBe("+33612345678");
    expect(phoneNumber.parse("0692 12 34 56")).toBe("+262692123456");
    expect(phoneNumber.parse("03 20 11 22 33")).toBe("+33320112233");
    expect(phoneNumber.parse("+32 470 12 34 56")).toBe("+32470123456");
  });

  it("refuses, in French, what no numbering plan has", () => {
    for (const wrong of ["0612", "06 12 34 56 7a", "07 12 34 56 78", "", 612345678]) {
      const result = phoneNumber.safeParse(wrong);
      expect(result.success, String(wrong)).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual([
        "numéro de téléphone invalide, par exemple 06 12 34 56 78",
      ]);
    }
  });
});

describe("displayedPhoneNumber", () => {
  it("checks a structure's number as a person's, and keeps it as the pages show it", () => {
    expect(displayedPhoneNumber.parse("0320112233")).toBe("03 20 11 22 33");
    expect(displayedPhoneNumber.parse("+33 3.20.11.22.33")).toBe("03 20 11 22 33");
    expect(displayedPhoneNumber.parse("0262 21 12 34")).toBe("02 62 21 12 34");
    expect(displayedPhoneNumber.parse("+32470123456")).toBe("+32 470 12 34 56");
    expect(displayedPhoneNumber.safeParse("0320").success).toBe(false);
  });
});
