import { describe, expect, it } from "vitest";
import { byDistance, byProximity, closeness, compareCloseness, nearestOf, type Place } from "./proximity.ts";

// Real communes of the Aisne and the Somme (INSEE codes, EPCI, arrondissement, mairie positions).
const place = (over: Partial<Place> & Pick<Place, "communeCode">): Place => ({
  epciCode: null,
  arrondissementCode: null,
  departmentCode: over.communeCode.slice(0, 2),
  latitude: null,
  longitude: null,
  ...over,
});
const hirson = place({
  communeCode: "02381",
  epciCode: "240200600",
  arrondissementCode: "025",
  latitude: 49.9226,
  longitude: 4.0826,
});
const saintMichel = place({
  communeCode: "02684",
  epciCode: "240200600",
  arrondissementCode: "025",
  latitude: 49.9194,
  longitude: 4.1331,
});
const vervins = place({
  communeCode: "02789",
  epciCode: "200043354",
  arrondissementCode: "025",
  latitude: 49.8351,
  longitude: 3.9078,
});
const laon = place({
  communeCode: "02408",
  epciCode: "200043390",
  arrondissementCode: "022",
  latitude: 49.5641,
  longitude: 3.6199,
});
const amiens = place({
  communeCode: "80021",
  epciCode: "248000531",
  arrondissementCode: "802",
  latitude: 49.8941,
  longitude: 2.2958,
});

describe("closeness to the person's commune", () => {
  it("names the closest level shared: commune, intercommunality, arrondissement, département, région", () => {
    expect(closeness(hirson, hirson).nearness).toBe("commune");
    expect(closeness(hirson, saintMichel).nearness).toBe("epci");
    expect(closeness(hirson, vervins).nearness).toBe("arrondissement");
    expect(closeness(hirson, laon).nearness).toBe("department");
    expect(closeness(hirson, amiens).nearness).toBe("region");
  });

  it("measures the straight-line distance in km when both positions are known", () => {
    expect(closeness(hirson, hirson).distanceKm).toBe(0);
    // Hirson–Amiens: about 128 km as the crow flies.
    expect(closeness(hirson, amiens).distanceKm).toBeGreaterThan(125);
    expect(closeness(hirson, amiens).distanceKm).toBeLessThan(131);
    expect(closeness(hirson, { ...laon, latitude: null, longitude: null }).distanceKm).toBeNull();
  });

  it("puts the level before the distance, and an unknown distance after a known one", () => {
    const nearButOtherEpci = { nearness: "arrondissement" as const, distanceKm: 2 };
    const farButSameEpci = { nearness: "epci" as const, distanceKm: 30 };
    expect(compareCloseness(farButSameEpci, nearButOtherEpci)).toBeLessThan(0);
    expect(
      compareCloseness({ nearness: "department", distanceKm: 40 }, { nearness: "department", distanceKm: 12 }),
    ).toBeGreaterThan(0);
    expect(
      compareCloseness({ nearness: "department", distanceKm: 400 }, { nearness: "department", distanceKm: null }),
    ).toBeLessThan(0);
    expect(compareCloseness(null, { nearness: "region", distanceKm: null })).toBeGreaterThan(0);
  });

  it("takes a structure's nearest site", () => {
    expect(nearestOf(hirson, [amiens, vervins, laon])).toEqual({ nearness: "arrondissement", distanceKm: expect.any(Number) });
    expect(nearestOf(hirson, [])).toBeNull();
  });
});

describe("byProximity", () => {
  const structures = [
    { name: "APEC Amiens", sites: [amiens] },
    { name: "Mission locale de Laon", sites: [laon] },
    { name: "Antenne sans lieu", sites: [] },
    { name: "Mission locale de la Thiérache", sites: [amiens, vervins] },
    { name: "CIO de Hirson", sites: [hirson] },
    { name: "Bureau de Saint-Michel", sites: [saintMichel] },
    { name: "Bureau d'Amiens", sites: [amiens] },
  ];

  it("orders by closeness to Hirson, then by French name; structures without a site last", () => {
    const ranked = byProximity(
      hirson,
      structures,
      (s) => s.sites,
      (s) => s.name,
    );
    expect(ranked.map((r) => r.item.name)).toEqual([
      "CIO de Hirson",
      "Bureau de Saint-Michel",
      "Mission locale de la Thiérache",
      "Mission locale de Laon",
      "APEC Amiens",
      "Bureau d'Amiens",
      "Antenne sans lieu",
    ]);
    expect(ranked.at(-1)?.closeness).toBeNull();
  });

  it("orders by distance within one level", () => {
    const lille = place({ communeCode: "59350", latitude: 50.6365, longitude: 3.0635 });
    const ranked = byProximity(
      place({ communeCode: "59606", latitude: 50.357, longitude: 3.5235 }), // Valenciennes
      [
        { name: "A Lille", sites: [lille] },
        { name: "B Maubeuge", sites: [place({ communeCode: "59392", latitude: 50.2775, longitude: 3.9734 })] },
      ],
      (s) => s.sites,
      (s) => s.name,
    );
    expect(ranked.map((r) => r.item.name)).toEqual(["B Maubeuge", "A Lille"]);
  });
});

describe("byDistance", () => {
  it("puts the nearest first whatever the level, an unknown distance last (Hirson's way out)", () => {
    const entry = (name: string, nearness: "department" | "region", distanceKm: number | null) => ({
      name,
      closeness: { nearness, distanceKm },
    });
    const ranked = byDistance([
      entry("Saint-Quentinois", "department", 57.6),
      entry("Sans position", "department", null),
      entry("Sambre-Avesnois", "region", 25),
      entry("Valenciennois", "region", 63.1),
    ]);
    expect(ranked.map((r) => r.name)).toEqual(["Sambre-Avesnois", "Saint-Quentinois", "Valenciennois", "Sans position"]);
  });
});
