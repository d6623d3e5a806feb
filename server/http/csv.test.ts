import { describe, expect, it } from "vitest";
import { countCell, toCsv } from "./csv.ts";

describe("toCsv", () => {
  it("writes what a French Excel opens: BOM, semicolons, decimal commas, quoted cells, CRLF", () => {
    const csv = toCsv(
      ["Structure", "Taux"],
      [
        ["CIO de Lille; centre", 0.25],
        ['Dit « "oui" »', null],
        ["Été", countCell(null)],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Structure;Taux",
      '"CIO de Lille; centre";0,25',
      '"Dit « ""oui"" »";',
      "Été;masqué",
      "",
    ]);
  });
});
