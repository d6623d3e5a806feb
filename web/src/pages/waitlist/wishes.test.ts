import { describe, expect, it } from "vitest";
import { halfDaysWords, modesWords, untilWords, wishesInput, wishesState } from "./wishes.ts";

describe("the wishes of someone waiting", () => {
  it("sends only what was chosen, the half-days in the week's order", () => {
    expect(wishesInput({ halfDays: [], modes: [], until: "" })).toEqual({});
    expect(wishesInput({ halfDays: ["3pm", "1am"], modes: ["phone"], until: "2026-06-30" })).toEqual({
      halfDays: ["1am", "3pm"],
      modes: ["phone"],
      until: "2026-06-30",
    });
  });

  it("says them back in words, and nothing chosen as anything", () => {
    expect(halfDaysWords(["3pm", "1am"])).toBe("Lundi matin, mercredi après-midi");
    expect(halfDaysWords([])).toBe("Tous les jours");
    expect(modesWords(["video", "onsite"])).toBe("Sur place, en visio");
    expect(modesWords([])).toBe("Tous");
    expect(untilWords("2026-06-30", true)).toBe("Jusqu'au mardi 30 juin 2026");
    expect(untilWords(null, true)).toBe("Jusqu'à votre rendez-vous");
  });

  it("fills the form back from a place on the list", () => {
    expect(wishesState({ halfDays: ["2am"], modes: [], until: null })).toEqual({ halfDays: ["2am"], modes: [], until: "" });
  });
});
