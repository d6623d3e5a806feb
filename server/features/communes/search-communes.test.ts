import { describe, expect, it } from "vitest";
import { normalise } from "./search-communes.ts";

describe("normalise", () => {
  it("folds case, accents and the ligatures œ and æ", () => {
    expect(normalise("Œuilly")).toBe("oeuilly");
    expect(normalise("Crèvecœur-le-Grand")).toBe("crevecoeur le grand");
    expect(normalise("LÆTITIA")).toBe("laetitia");
  });

  it("glues an elided article to its word, whatever the apostrophe", () => {
    expect(normalise("Villeneuve-d'Ascq")).toBe("villeneuve dascq");
    expect(normalise("villeneuve d’ascq")).toBe("villeneuve dascq");
  });

  it("spells out « st » and « ste », never inside a word", () => {
    expect(normalise("St-Omer")).toBe("saint omer");
    expect(normalise("ste catherine")).toBe("sainte catherine");
    expect(normalise("Estrées")).toBe("estrees");
  });
});
