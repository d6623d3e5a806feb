import { describe, expect, test } from "vitest";
import { sentWords, timelineWords } from "./referral-words.ts";

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

describe("where an invitation went", () => {
  test("by e-mail, by SMS, both, or on paper", () => {
    expect(sentWords({ sentTo: "ines@example.org", textedTo: null })).toBe("Invitation envoyée par courriel à ines@example.org.");
    expect(sentWords({ sentTo: null, textedTo: "06 11 22 33 44" })).toBe("Invitation envoyée par SMS au 06 11 22 33 44.");
    expect(sentWords({ sentTo: "ines@example.org", textedTo: "06 11 22 33 44" })).toBe(
      "Invitation envoyée par courriel à ines@example.org et par SMS au 06 11 22 33 44.",
    );
    expect(sentWords({ sentTo: null, textedTo: null })).toBe(
      "Invitation créée : imprimez le feuillet ci-dessous et remettez-le à la personne.",
    );
  });

  test("says a reminder went both ways in the timeline as the server wrote it", () => {
    expect(timelineWords({ kind: "reminded", detail: "rappel envoyé par courriel et par SMS", by: null })).toBe(
      "Rappel de l'invitation (rappel envoyé par courriel et par SMS)",
    );
    expect(
      timelineWords({
        kind: "invited",
        detail: "par courriel à ines@example.org et par SMS au 06 11 22 33 44",
        by: { firstName: "Farid", lastName: "Partenaire" },
      }),
    ).toBe(
      "Invitation à prendre rendez-vous (par courriel à ines@example.org et par SMS au 06 11 22 33 44), par Farid Partenaire",
    );
  });
});
