import { describe, expect, test } from "vitest";
import { returnPath, signInHref } from "./return-path.ts";

describe("the way back after signing in", () => {
  test("a staff path is remembered and followed", () => {
    expect(signInHref("/espace/annuaire/journal")).toBe("/connexion?retour=%2Fespace%2Fannuaire%2Fjournal");
    expect(returnPath("/espace/annuaire/journal")).toBe("/espace/annuaire/journal");
    expect(returnPath("/espace/annuaire/structures/1?onglet=lieux")).toBe("/espace/annuaire/structures/1?onglet=lieux");
  });

  test("the staff home needs no reminder", () => {
    expect(signInHref("/espace")).toBe("/connexion");
  });

  test("anything else leads to the staff home: no open redirect", () => {
    for (const wanted of [
      undefined,
      ["/espace/compte"],
      "",
      "https://evil.example/espace",
      "//evil.example/espace",
      "/\\evil.example",
      "/espace\\..\\..\\evil",
      "/espacefoo",
      "/rendez-vous",
      "/espace/../rendez-vous",
      "javascript:alert(1)",
    ]) {
      expect(returnPath(wanted), String(wanted)).toBe("/espace");
    }
  });
});
