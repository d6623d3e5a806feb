import { describe, expect, it } from "vitest";
import { countCell, csvDate, csvDateAndTime, toCsv } from "./csv.ts";

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

  it("writes any text a spreadsheet would run as a formula as text (OWASP: a leading apostrophe)", () => {
    const csv = toCsv(
      ["Nom", "Besoin", "Nombre"],
      [
        ['=HYPERLINK("https://evil.example","x")', "=cmd|' /C calc'!A0", -3],
        ["+33 6 12 34 56 78", "@SUM(A1)", 1.5],
        ["-2+3", "\tonglet", null],
        ["\rretour", "Léa", 0],
      ],
    );
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Nom;Besoin;Nombre",
      `"'=HYPERLINK(""https://evil.example"",""x"")";'=cmd|' /C calc'!A0;-3`,
      "'+33 6 12 34 56 78;'@SUM(A1);1,5",
      "'-2+3;'\tonglet;",
      `"'\rretour";Léa;0`,
      "",
    ]);
  });
});

describe("the dates of every CSV", () => {
  it("read « jj/mm/aaaa » and « hh:mm » in the structure's zone", () => {
    expect(csvDate("2026-10-01")).toBe("01/10/2026");
    // 23 h 30 UTC on 31 October is already 1 November in Paris (winter time), 19 h 30 in Martinique.
    expect(csvDateAndTime(new Date("2026-10-31T23:30:00Z"), "Europe/Paris")).toEqual(["01/11/2026", "00:30"]);
    expect(csvDateAndTime(new Date("2026-10-31T23:30:00Z"), "America/Martinique")).toEqual(["31/10/2026", "19:30"]);
  });
});
