import { describe, expect, it } from "vitest";
import { clockStartingAt, fixedClock } from "./clock.ts";

describe("clock", () => {
  it("starts at the given instant and runs on at the speed of the real one", () => {
    const real = fixedClock("2030-01-01T00:00:00Z");
    const clock = clockStartingAt(new Date("2026-03-29T00:30:00Z"), real);
    expect(clock.now().toISOString()).toBe("2026-03-29T00:30:00.000Z");
    real.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe("2026-03-29T02:00:00.000Z");
  });
});
