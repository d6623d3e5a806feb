import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

// The built web app as the server delivers it (no browser needed: plain HTTP on the socket).
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe("the web app as served", () => {
  it("answers every client route with index.html, never cached without revalidation; 404 for no page", async () => {
    for (const [path, status] of [
      ["/", 200],
      ["/rendez-vous?service=x", 200],
      ["/une/route/inconnue", 404],
    ] as const) {
      const res = await fetch(`${harness.baseUrl}${path}`);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("Content-Type"), path).toMatch(/^text\/html/);
      expect(res.headers.get("Cache-Control"), path).toBe("no-cache");
      expect(await res.text(), path).toContain('<html lang="fr"');
    }
  });

  it("caches hashed assets for a year", async () => {
    const html = await (await fetch(`${harness.baseUrl}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${harness.baseUrl}${asset}`);
      expect(res.status, asset).toBe(200);
      expect(res.headers.get("Cache-Control"), asset).toBe("public, max-age=31536000, immutable");
    }
  });

  it("answers 404 for a hashed asset that no longer exists, not the page", async () => {
    const res = await fetch(`${harness.baseUrl}/assets/index-disparu.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).not.toMatch(/html/);
  });

  it("keeps unknown API addresses out of the fallback: JSON 404, not the page", async () => {
    const res = await fetch(`${harness.baseUrl}/api/inconnu`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  });
});
