import { describe, expect, it } from "vitest";
import { orientationHref, readOrientationState } from "./orientation-href.ts";

describe("the questionnaire's address", () => {
  it("writes the answers and reads them back", () => {
    const state = {
      ageBand: "from_45",
      situation: "employee",
      need: "career_change",
      disability: true,
      commune: "59350",
    } as const;
    const href = orientationHref(state);
    expect(href).toBe(
      "/trouver-le-bon-interlocuteur?age=from_45&situation=employee&besoin=career_change&handicap=oui&commune=59350",
    );
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(readOrientationState(params)).toEqual({ ...state, editing: false });
  });

  it("leaves out what is malformed, and keeps a need given alone", () => {
    expect(readOrientationState({ age: "vieux", besoin: "vae", commune: "Lille", handicap: "peut-être" })).toEqual({
      ageBand: undefined,
      situation: undefined,
      need: "vae",
      disability: false,
      commune: undefined,
      editing: false,
    });
    expect(orientationHref()).toBe("/trouver-le-bon-interlocuteur");
  });
});
