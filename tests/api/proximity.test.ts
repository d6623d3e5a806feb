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
    const closeness = nearby.map((s) => s.closeness);
    expect(closeness).toEqual([...closeness].sort(compareCloseness));
    // The Aisne's first (same département), then the nearest across its border.
    expect(nearby[0]?.closeness?.nearness).toBe("department");
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
