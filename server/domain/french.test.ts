import { describe, expect, it } from "vitest";
import { counted, de, sortFrench } from "./french.ts";

describe("French order", () => {
  it("ignores accents and case, and counts numbers as numbers", () => {
    const names = [
      "Écoles de la 2e chance",
      "CIO de Boulogne",
      "CRIJ",
      "Cap Emploi",
      "CIO de Béthune",
      "Lefèvre",
      "Lefranc",
      "Antenne 10",
      "Antenne 9",
    ];
    expect(sortFrench(names, (n) => n)).toEqual([
      "Antenne 9",
      "Antenne 10",
      "Cap Emploi",
      "CIO de Béthune",
      "CIO de Boulogne",
      "CRIJ",
      "Écoles de la 2e chance",
      "Lefèvre",
      "Lefranc",
    ]);
  });
});

describe("« de » before a name", () => {
  it("de elides before a vowel, accented or not", () => {
    expect([de("Eva Lefebvre"), de("Paul Martin"), de("Emma Accueil"), de("Inès Dupont"), de("Arrageois")]).toEqual([
      "d'Eva Lefebvre",
      "de Paul Martin",
      "d'Emma Accueil",
      "d'Inès Dupont",
      "d'Arrageois",
    ]);
  });

  it("de elides before a mute h, not an aspirated one, and not before a consonant", () => {
    expect([de("Yanis Benali"), de("Yasmine Haddad"), de("Yves Petit"), de("Yvelines")]).toEqual([
      "de Yanis Benali",
      "de Yasmine Haddad",
      "d'Yves Petit",
      "d'Yvelines",
    ]);
    expect([de("Adam Dewitte"), de("Hélène Roy"), de("Hugo Petit"), de("Hazebrouck"), de("Hem"), de("Maxime Gomes")]).toEqual([
      "d'Adam Dewitte",
      "d'Hélène Roy",
      "d'Hugo Petit",
      "de Hazebrouck",
      "de Hem",
      "de Maxime Gomes",
    ]);
  });
});

describe("a count and its words", () => {
  it("agree: the singular below 2, the plural from 2", () => {
    expect(counted(1, "rendez-vous annulé", "rendez-vous annulés")).toBe("1 rendez-vous annulé");
    expect(counted(2, "rendez-vous annulé", "rendez-vous annulés")).toBe("2 rendez-vous annulés");
    expect(counted(0, "place restante", "places restantes")).toBe("0 place restante");
    expect(counted(1, "minute")).toBe("1 minute");
    expect(counted(15, "minute")).toBe("15 minutes");
  });
});
