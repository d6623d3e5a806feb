import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/index.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db);
  app = testApp(db);
});
afterAll(() => db.close());

const search = async (q: string, limit = 5) => {
  const res = await app.request(`/api/communes?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { communes: { name: string; code: string }[]; match: { code: string } | null };
  return { names: body.communes.map((c) => `${c.name} ${c.code}`), match: body.match?.code ?? null };
};
const names = async (q: string, limit = 5) => (await search(q, limit)).names;

describe("GET /api/communes", () => {
  it("finds a commune by the start of its name, the biggest first, accents and hyphens optional", async () => {
    expect((await names("lil"))[0]).toBe("Lille 59350");
    expect(await names("saint omer")).toContain("Saint-Omer 62765");
    expect(await names("st-omer")).toContain("Saint-Omer 62765");
    expect((await names("AMIENS"))[0]).toBe("Amiens 80021");
    expect((await names("beauvais"))[0]).toBe("Beauvais 60057");
  });

  it("finds communes as people type them: extra words, ligatures, no apostrophe, abbreviations", async () => {
    // Berck's official name has no « sur mer »; Boulogne-sur-Mer has those two words, not Berck's.
    expect(await names("Berck sur mer")).toEqual(["Berck 62108"]);
    expect((await names("oeuilly"))[0]).toBe("Œuilly 02565");
    expect((await names("Escoeuilles"))[0]).toBe("Escœuilles 62308");
    expect(await names("villeneuve dascq")).toEqual(["Villeneuve-d'Ascq 59009"]);
    expect(await names("villeneuvedascq")).toEqual(["Villeneuve-d'Ascq 59009"]);
    expect(await names("villeneuve d ascq")).toEqual(["Villeneuve-d'Ascq 59009"]);
    expect((await names("st omer"))[0]).toBe("Saint-Omer 62765");
    expect((await names("ste catherine"))[0]).toBe("Sainte-Catherine 62744");
  });

  it("forgives one typo in a word of four letters or more, never in a shorter one", async () => {
    expect((await names("Lile"))[0]).toBe("Lille 59350");
    expect((await names("Amins"))[0]).toBe("Amiens 80021");
    expect(await names("hem", 10)).not.toContain("Ham 80410");
    expect(await names("lns")).toEqual([]);
  });

  it("ranks the communes so named first, then the others by population", async () => {
    // Saint-Amand (122 inhabitants) before Saint-Amand-les-Eaux (15 974).
    expect((await names("st amand")).slice(0, 2)).toEqual(["Saint-Amand 62741", "Saint-Amand-les-Eaux 59526"]);
    expect((await names("Douchy")).slice(0, 2)).toEqual(["Douchy 02270", "Douchy-les-Mines 59179"]);
    const found = await names("lil", 10);
    const population = new Map(
      (await db.prisma.commune.findMany({ select: { code: true, population: true } })).map((c) => [c.code, c.population]),
    );
    const populations = found.map((name) => population.get(name.split(" ").at(-1) ?? "") ?? -1);
    expect(found.length).toBeGreaterThan(3);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("names the commune the text designates by itself: the only one so named, or the only one found", async () => {
    expect((await search("Amiens")).match).toBe("80021");
    expect((await search("lille")).match).toBe("59350"); // though Lillers is found too
    expect((await search("Berck sur mer")).match).toBe("62108");
    expect((await search("lil")).match).toBeNull();
    // Three communes are called Dury: the person must choose.
    const dury = await search("Dury");
    expect(dury.names.filter((name) => name.startsWith("Dury "))).toHaveLength(3);
    expect(dury.match).toBeNull();
  });

  it("finds communes by postcode, the postcode's own before the INSEE code's", async () => {
    expect(await names("59000")).toEqual(["Lille 59350"]);
    expect((await names("8000"))[0]).toBe("Amiens 80021");
    expect(await search("80000")).toEqual({ names: ["Amiens 80021"], match: "80021" });
    // 59350 is Saint-André-lez-Lille's postcode and Lille's INSEE code.
    expect(await search("59350")).toEqual({
      names: ["Saint-André-lez-Lille 59527", "Lille 59350"],
      match: "59527",
    });
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
