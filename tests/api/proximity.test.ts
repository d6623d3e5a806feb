import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { type Closeness, compareCloseness } from "../../server/domain/proximity.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

// Where to go, the nearest first, on the demo directory of Hauts-de-France (issue 21, items 1 and 4).

const HIRSON = "02381";
let db: Database;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  db = await createTestDatabase({ demo: true });
  app = testApp(db);
});
afterAll(() => db.close());

interface Listed {
  name: string;
  phone: string | null;
  servesCommune: boolean;
  closeness: Closeness | null;
  sites: { commune: { name: string } }[];
}

async function structures(query: string): Promise<{ structures: Listed[]; nearby: Listed[] }> {
  const res = await app.request(`/api/structures?${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

describe("GET /api/structures, nothing serving the commune (item 1)", () => {
  it("gives Hirson the nearest structures offering « Accueil jeunes 16-25 ans », how far, outside their area, with a phone", async () => {
    const { structures: serving, nearby } = await structures(`service=accueil-jeunes-16-25&commune=${HIRSON}`);
    expect(serving).toEqual([]);
    expect(nearby).toHaveLength(3);
    for (const s of nearby) {
      expect(s.servesCommune).toBe(false);
      expect(s.phone).toMatch(/\d/);
      expect(s.closeness?.distanceKm).toBeGreaterThan(0);
    }
    // The nearest first, as the crow flies, whatever the département: 25 km in the Nord before
    // 57.6 in the Aisne (a user trial found the Aisne's first).
    const km = nearby.map((s) => s.closeness?.distanceKm ?? 0);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(nearby.map((s) => s.closeness?.nearness)).toContain("department");
    expect(nearby[0]?.closeness?.nearness).toBe("region");
  });

  it("offers no way out when a structure serves the commune", async () => {
    const { structures: serving, nearby } = await structures("service=accueil-jeunes-16-25&commune=59350");
    expect(serving.length).toBeGreaterThan(0);
    expect(nearby).toEqual([]);
  });
});

describe("GET /api/structures for a commune (item 4)", () => {
  it("sorts Hirson's structures by closeness, not by name: Hirson's own CIO first, APEC Amiens after the Aisne's", async () => {
    const { structures: serving } = await structures(`commune=${HIRSON}`);
    const closeness = serving.map((s) => s.closeness);
    expect(closeness).toEqual([...closeness].sort(compareCloseness));
    const names = serving.map((s) => s.name);
    expect(serving[0]?.closeness?.nearness).toBe("commune");
    expect(names.indexOf("APEC Amiens")).toBeGreaterThan(0);
  });
});

describe("GET /api/orientation, nothing serving the commune (item 1)", () => {
  it("gives Hirson's young job seeker the nearest Missions Locales, how far, with a phone", async () => {
    const query = new URLSearchParams({ ageBand: "from_16_to_25", situation: "job_seeker", need: "find_job", commune: HIRSON });
    const res = await app.request(`/api/orientation?${query}`);
    expect(res.status).toBe(200);
    const { recommendations } = await res.json();
    const missionLocale = recommendations.find(
      (r: { service: { slug: string } | null }) => r.service?.slug === "accueil-jeunes-16-25",
    );
    expect(missionLocale.structures).toEqual([]);
    expect(missionLocale.nearby).toHaveLength(3);
    const { nearby: booking } = await structures(`service=accueil-jeunes-16-25&commune=${HIRSON}`);
    // The same way out as the booking page's, the network being the only one to offer the service.
    expect(missionLocale.nearby.map((s: Listed) => s.name)).toEqual(booking.map((s) => s.name));
    for (const s of missionLocale.nearby as Listed[]) {
      expect(s.phone).toMatch(/\d/);
      expect(s.closeness?.distanceKm).toBeGreaterThan(0);
    }
  });
});

describe("GET /api/directory for a commune (item 4)", () => {
  it("lists the structures serving Hirson nearest first, not alphabetically", async () => {
    const res = await app.request(`/api/directory?commune=${HIRSON}`);
    expect(res.status).toBe(200);
    const { structures: listed } = await res.json();
    const { structures: serving } = await structures(`commune=${HIRSON}`);
    expect(listed.map((s: Listed) => s.name)).toEqual(serving.map((s) => s.name));
    expect(listed[0].name).toBe("CIO de Laon");
  });
});
