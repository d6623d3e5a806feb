import { describe, expect, test } from "vitest";
import { timelineWords } from "./referral-words.ts";

const EMMA = { firstName: "Emma", lastName: "Accueil" };

describe("a line of the referral's timeline", () => {
  test("says who did it after a comma", () => {
    expect(timelineWords({ kind: "accepted", detail: "", by: EMMA })).toBe("Orientation acceptée, par Emma Accueil");
  });

  test("starts a new sentence after a detail that ends one, never « ., par »", () => {
    const line = timelineWords({ kind: "redirected", detail: "vers CIO de Roubaix : plus proche, à Roubaix.", by: EMMA });
    expect(line).toBe("Réorientée vers CIO de Roubaix : plus proche, à Roubaix. Par Emma Accueil");
    expect(timelineWords({ kind: "declined", detail: "complet !", by: EMMA })).toBe(
      "Orientation refusée, motif\u00a0: complet ! Par Emma Accueil",
    );
  });

  test("says nothing of who when the person or the platform did it", () => {
    expect(timelineWords({ kind: "expired", detail: "", by: null })).toBe("Invitation expirée");
  });
});
