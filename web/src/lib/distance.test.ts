import { describe, expect, it } from "vitest";
import { distanceWords } from "./distance.ts";

describe("distanceWords", () => {
  it("says kilometres rounded, metres under one kilometre, nothing when unknown", () => {
    expect(distanceWords(128.4)).toBe("à 128\u00a0km");
    expect(distanceWords(1.5)).toBe("à 2\u00a0km");
    expect(distanceWords(0.8)).toBe("à 800\u00a0m");
    expect(distanceWords(0)).toBe("à 100\u00a0m");
    expect(distanceWords(null)).toBeNull();
  });
});
