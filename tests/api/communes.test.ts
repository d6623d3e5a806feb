import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/index.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma);
  app = testApp(db);
});
afterAll(() => db.close());

const names = async (q: string) => {
  const res = await app.request(`/api/communes?q=${encodeURIComponent(q)}&limit=5`);
  expect(res.status).toBe(200);
  return (await res.json()).communes.map((c: { name: string; code: string }) => `${c.name} ${c.code}`);
};

describe("GET /api/communes", () => {
  it("finds a commune by the start of its name, the biggest first, accents and hyphens optional", async () => {
    expect((await names("lil"))[0]).toBe("Lille 59350");
    expect(await names("saint omer")).toContain("Saint-Omer 62765");
    expect(await names("st-omer")).toContain("Saint-Omer 62765");
    expect((await names("AMIENS"))[0]).toBe("Amiens 80021");
    expect((await names("beauvais"))[0]).toBe("Beauvais 60057");
  });

  it("finds communes by postcode", async () => {
    expect(await names("59000")).toEqual(["Lille 59350"]);
    expect((await names("8000"))[0]).toBe("Amiens 80021");
  });

  it("gives one commune by its INSEE code, even when it is another commune's postcode", async () => {
    const res = await app.request("/api/communes/59350");
    expect(res.status).toBe(200);
    expect((await res.json()).commune).toMatchObject({ code: "59350", name: "Lille", departmentCode: "59" });
    expect((await app.request("/api/communes/75056")).status).toBe(404);
    expect((await app.request("/api/communes/Lille")).status).toBe(422);
  });

  it("answers an empty list when nothing matches, and 422 for an empty query", async () => {
    expect(await names("zzzz")).toEqual([]);
    const res = await app.request("/api/communes?q=");
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.q).toMatch(/au moins une lettre/);
  });
});
