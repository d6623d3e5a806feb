import { describe, expect, it } from "vitest";
import { countText, daysText, percentText } from "./figures-words.ts";

describe("figures in French", () => {
  it("masks, rounds and agrees", () => {
    expect([countText(null), countText(0), countText(1234)]).toEqual(["masqué", "0", "1\u202f234"]);
    expect([percentText(0.2434), percentText(null), percentText(1), percentText(0.1, true)]).toEqual([
      "24,3 %",
      "—",
      "100 %",
      "≈ 10 %",
    ]);
    expect([daysText(1), daysText(6.5), daysText(0), daysText(null)]).toEqual(["1 jour", "6,5 jours", "0 jour", "—"]);
  });
});
