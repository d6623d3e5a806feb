import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { testApp, testConfig } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document describing the public endpoints", async () => {
    const res = await testApp(db).request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/health", "/services", "/structures"]));
    const params = doc.paths["/structures"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(["commune", "service"]);
    // Every error a client can meet has this shape: { error: { code, message } }.
    expect(doc.components.schemas.Error).toMatchObject({
      type: "object",
      required: ["error"],
      properties: { error: { type: "object", required: expect.arrayContaining(["code", "message"]) } },
    });
  });

  it("carries patterns a generated client can use: each compiles, and accepts the example beside it", async () => {
    const doc = await (await testApp(db).request("/api/openapi.json")).json();
    const found: { at: string; pattern: string; example: unknown }[] = [];
    const walk = (node: unknown, at: string) => {
      // An array's entries are walked as an object's: by index.
      if (node && typeof node === "object") {
        const schema = node as Record<string, unknown>;
        if (typeof schema.pattern === "string") found.push({ at, pattern: schema.pattern, example: schema.example });
        for (const [key, value] of Object.entries(schema)) walk(value, `${at}/${key}`);
      }
    };
    walk(doc, "");
    expect(found.length).toBeGreaterThan(10);
    for (const { at, pattern, example } of found) {
      // JSON Schema's patterns are ECMA-262 regular expressions, written without slashes or flags.
      expect(() => new RegExp(pattern), at).not.toThrow();
      expect(() => new RegExp(pattern, "u"), at).not.toThrow();
      if (typeof example === "string") expect(new RegExp(pattern, "u").test(example), `${at}: ${example}`).toBe(true);
    }
    // A client checks a name as the server does (the regex's flag once leaked into the pattern: none matched).
    const name = new RegExp(doc.components.schemas.CreateBookingInput.properties.person.properties.lastName.pattern, "u");
    for (const ok of ["Durand", "Le Goff-Ménard", "N'Diaye", "Ørsted 𝒜"]) expect(name.test(ok), ok).toBe(true);
    for (const wrong of ["Durand2", "<b>", "{x}"]) expect(name.test(wrong), wrong).toBe(false);
  });
});

describe("security headers", () => {
  it("are on API answers and web pages alike", async () => {
    const app = testApp(db);
    for (const path of ["/api/health", "/", "/rendez-vous"]) {
      const res = await app.request(path);
      const csp = res.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("Strict-Transport-Security"), path).toBeNull();
    }
  });

  it("add a year of HSTS when served over HTTPS", async () => {
    const app = testApp(db, { config: testConfig({ PUBLIC_URL: "https://rdv.orientation-hdf.fr" }) });
    const res = await app.request("/api/health");
    expect(res.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
  });
});
