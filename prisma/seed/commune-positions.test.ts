import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { communePositions, POSITIONS_FILE, positionsText } from "./commune-positions.ts";
import { REGION_CODE, readCommunes } from "./communes.ts";

describe("the communes' positions", () => {
  const communes = readCommunes({}).all;
  const positions = communePositions(REGION_CODE, communes);

  it("are the ones the gazetteer gives today (npm run -s data:commune-positions writes them)", () => {
    expect(readFileSync(POSITIONS_FILE, "utf8")).toBe(positionsText(positions));
  });

  it("place nearly every commune of the region, towns at their centre", () => {
    expect(positions.size / communes.length).toBeGreaterThan(0.97);
    // Hirson's town centre, to a few hundred metres.
    expect(positions.get("02381")?.latitude).toBeCloseTo(49.92, 1);
    expect(positions.get("02381")?.longitude).toBeCloseTo(4.08, 1);
  });
});
