import { describe, expect, it } from "vitest";
import { sortFrench } from "./french.ts";

describe("French order", () => {
  it("ignores accents and case, and counts numbers as numbers", () => {
    const names = [
      "Écoles de la 2e chance",
      "CIO de Boulogne",
      "CRIJ",
      "Cap Emploi",
      "CIO de Béthune",
      "Lefèvre",
      "Lefranc",
      "Antenne 10",
      "Antenne 9",
    ];
    expect(sortFrench(names, (n) => n)).toEqual([
      "Antenne 9",
      "Antenne 10",
      "Cap Emploi",
      "CIO de Béthune",
      "CIO de Boulogne",
      "CRIJ",
      "Écoles de la 2e chance",
      "Lefèvre",
      "Lefranc",
    ]);
  });
});
