import { describe, expect, it } from "vitest";
import { keepsPlace, placeChoices, placeFilterOf } from "./place-filter.ts";

const sites = [
  { id: "a", name: "Antenne de Roubaix" },
  { id: "b", name: "Lille Centre" },
];

describe("« Lieu ou mode »", () => {
  it("offers on site anywhere, each site, then the other ways the offering allows", () => {
    expect(placeChoices(sites, ["onsite", "phone"]).map((c) => c.label)).toEqual([
      "Tous les lieux et modes",
      "Sur place, tous les lieux",
      "Sur place — Antenne de Roubaix",
      "Sur place — Lille Centre",
      "Par téléphone",
    ]);
    expect(placeChoices([sites[0] ?? { id: "", name: "" }], ["phone", "video"]).map((c) => c.value)).toEqual([
      "",
      "phone",
      "video",
    ]);
  });

  it("filters by a site (on site there), or by a way, and not at all for a value no longer offered", () => {
    expect(placeFilterOf("b", sites)).toEqual({ mode: "onsite", site: "b" });
    expect(placeFilterOf("phone", sites)).toEqual({ mode: "phone" });
    expect(placeFilterOf("gone", sites)).toEqual({});
    const atLille = placeFilterOf("b", sites);
    expect(keepsPlace(atLille, { mode: "onsite", siteId: "b" })).toBe(true);
    expect(keepsPlace(atLille, { mode: "onsite", siteId: "a" })).toBe(false);
    expect(keepsPlace(atLille, { mode: "phone", siteId: null })).toBe(false);
    expect(keepsPlace({}, { mode: "video", siteId: null })).toBe(true);
  });
});
