import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { smallDirectory } from "../helpers/fixtures.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  db = await createTestDatabase();
  await smallDirectory(db);
  app = testApp(db);
});
afterAll(() => db.close());

async function errorOf(res: Response) {
  const body = await res.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.requestId).toBe(res.headers.get("X-Request-Id"));
  return body.error;
}

describe("errors are French, name the field, and are never a 500", () => {
  it.each([
    ["commune=Lille", "commune", /code INSEE à 5 caractères/],
    ["commune=99999", "commune", /Aucune commune de la région n'a le code INSEE 99999/],
    ["service=VAE%20!", "service", /identifiant de service attendu/],
    ["service=inconnu", "service", /Aucun service ne s'appelle « inconnu »/],
  ])("GET /api/structures?%s → 422 naming %s", async (query, field, message) => {
    const res = await app.request(`/api/structures?${query}`);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toContain(`« ${field} »`);
    expect(error.fields[field]).toMatch(message);
  });

  it("an unknown API address → 404 in the same shape", async () => {
    const res = await app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("NOT_FOUND");
  });

  it("a body over the size limit → 413", async () => {
    const res = await app.request("/api/services", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(100_000) },
      body: JSON.stringify({ padding: "x".repeat(100_000) }),
    });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toMatch(/taille maximale/);
  });

  it("a PostgreSQL server that does not answer → 503, not 500", async () => {
    const unreachable = await openDatabase({ kind: "postgresql", url: "postgresql://postgres@127.0.0.1:9/rdv" });
    try {
      const res = await testApp(unreachable).request("/api/health");
      expect(res.status).toBe(503);
      expect((await errorOf(res)).message).toMatch(/momentanément indisponible/);
    } finally {
      await unreachable.close();
    }
  });

  it("a database closed during shutdown → 503, not 500", async () => {
    const closing = await createTestDatabase();
    const closingApp = testApp(closing);
    await closing.close();
    const res = await closingApp.request("/api/services");
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).toBe("UNAVAILABLE");
  });
});
