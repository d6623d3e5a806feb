import { describe, expect, it } from "vitest";
import { AGE_BANDS, NEEDS, SITUATIONS } from "../../../server/domain/routing.ts";
import { AGE_BAND_WORDS, conditionWords, NEED_WORDS, SITUATION_WORDS, NEEDS as WEB_NEEDS } from "./orientation-words.ts";

describe("the questionnaire's words", () => {
  it("name every answer the server knows, in the server's order", () => {
    expect(Object.keys(AGE_BAND_WORDS)).toEqual([...AGE_BANDS]);
    expect(Object.keys(SITUATION_WORDS)).toEqual([...SITUATIONS]);
    expect(WEB_NEEDS).toEqual([...NEEDS]);
    expect(NEED_WORDS.vae).toBe("Faire valider mon expérience (VAE)");
  });

  it("say a rule's conditions, alternatives joined by « ou », « Tout public » without any", () => {
    const none = { ageBands: [], situations: [], needs: [], disability: null };
    expect(conditionWords({ ...none, situations: ["employee"], needs: ["career_change"] })).toBe("Salarié·e · Changer de métier");
    expect(conditionWords({ ...none, ageBands: ["under_16", "from_16_to_25"], disability: true })).toBe(
      "Moins de 16 ans ou 16 à 25 ans · Accompagnement adapté à un handicap",
    );
    expect(conditionWords(none)).toBe("Tout public");
  });
});
