import { describe, expect, test } from "vitest";
import { formatParisInstant } from "./dates.ts";
import { capitalize, du } from "./french.ts";

describe("french", () => {
  test("du names a day or a span, the first of the month as an ordinal", () => {
    expect(du("2027-05-07")).toBe("du 7 mai 2027");
    expect(du("2026-12-28", "2027-01-01")).toBe("du 28 décembre 2026 au 1er janvier 2027");
  });

  test("capitalize", () => {
    expect(capitalize("aucun")).toBe("Aucun");
  });

  test("an instant as read in Paris, the French way", () => {
    expect(formatParisInstant("2026-03-22T23:08:00Z")).toBe("23 mars 2026 à 0\u00a0h\u00a008");
    expect(formatParisInstant("2026-07-01T12:30:00Z")).toBe("1er juillet 2026 à 14\u00a0h\u00a030");
  });
});
