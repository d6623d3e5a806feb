import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testDeps } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// What goes over the wire: answers of the API and files of the web app, compressed as the
// request's Accept-Encoding allows. The web app is a small built one made here, with its
// .br and .gz beside each file as the build writes them (web/vite.config.ts).

const CHROME = "gzip, deflate, br, zstd";
const SCRIPT = `export const greeting = ${JSON.stringify("Bonjour ".repeat(400))};\n`;
const PAGE = `<!doctype html><html lang="fr"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${"<p>Prise de rendez-vous</p>".repeat(60)}</body></html>`;

let db: Database;
let app: ReturnType<typeof createApp>;
let fourWeeks: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const fx = await bookableDirectory(db);
  const web = mkdtempSync(join(tmpdir(), "rdv-web-"));
  mkdirSync(join(web, "assets"));
  for (const [path, text] of [
    ["index.html", PAGE],
    ["assets/index-Ab12Cd34.js", SCRIPT],
  ] as const) {
    writeFileSync(join(web, path), text);
    writeFileSync(join(web, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(web, `${path}.gz`), gzipSync(text));
  }
  app = createApp(testDeps(db, { clock: fixedClock("2026-03-20T08:00:00Z") }), { webDir: web });
  fourWeeks = `/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-03-23&to=2026-04-19`;
});
afterAll(() => db.close());

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => app.request(path, { method, headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("answers of the API", () => {
  it("sends a large JSON answer in brotli to a browser, a tenth of its size, varying on Accept-Encoding", async () => {
    const plain = await get(fourWeeks);
    expect(plain.status).toBe(200);
    const text = await plain.text();
    expect(JSON.parse(text).slots.length).toBeGreaterThan(100);

    const res = await get(fourWeeks, { "Accept-Encoding": CHROME });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(res.headers.get("Vary")).toMatch(/Accept-Encoding/);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await bytes(res);
    expect(brotliDecompressSync(body).toString()).toBe(text);
    expect(body.length).toBeLessThan(Buffer.byteLength(text) / 10);
  });

  it("sends gzip to a client that takes only gzip, or prefers it", async () => {
    for (const accepted of ["gzip", "br;q=0.5, gzip", "br;q=0, gzip, deflate"]) {
      const res = await get(fourWeeks, { "Accept-Encoding": accepted });
      expect(res.headers.get("Content-Encoding"), accepted).toBe("gzip");
      expect(JSON.parse(gunzipSync(await bytes(res)).toString()).slots.length, accepted).toBeGreaterThan(100);
    }
  });

  it("sends it as it is to a client that takes no compression, still varying on Accept-Encoding", async () => {
    for (const accepted of [undefined, "identity", "deflate", "br;q=0, gzip;q=0"]) {
      const res = await get(fourWeeks, accepted === undefined ? {} : { "Accept-Encoding": accepted });
      expect(res.headers.get("Content-Encoding"), accepted).toBeNull();
      expect(res.headers.get("Vary"), accepted).toMatch(/Accept-Encoding/);
      expect(JSON.parse(await res.text()).slots.length, accepted).toBeGreaterThan(100);
    }
  });

  it("leaves a small answer alone, errors included", async () => {
    const health = await get("/api/health", { "Accept-Encoding": CHROME });
    expect(health.status).toBe(200);
    expect(health.headers.get("Content-Encoding")).toBeNull();
    expect(health.headers.get("Vary") ?? "").not.toMatch(/Accept-Encoding/);
    expect(await health.json()).toMatchObject({ status: "ok" });

    const invalid = await get("/api/slots?service=information-conseil-vae&structure=pas-un-uuid", { "Accept-Encoding": CHROME });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("Content-Encoding")).toBeNull();
    expect((await invalid.json()).error.fields).toHaveProperty("structure");
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const res = await get(fourWeeks, { "Accept-Encoding": CHROME }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(res.headers.get("Vary")).toMatch(/Accept-Encoding/);
    expect((await bytes(res)).length).toBe(0);
  });
});

describe("files of the web app", () => {
  const asset = "/assets/index-Ab12Cd34.js";

  it("sends a hashed script's brotli file to a browser, cached for a year, varying on Accept-Encoding", async () => {
    const res = await get(asset, { "Accept-Encoding": CHROME });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(res.headers.get("Vary")).toBe("Accept-Encoding");
    expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    const body = await bytes(res);
    expect(Number(res.headers.get("Content-Length"))).toBe(body.length);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
    expect(body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it("sends the gzip file to a client that takes gzip only, the plain file to one that takes none", async () => {
    const gzipped = await get(asset, { "Accept-Encoding": "gzip, deflate" });
    expect(gzipped.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(await bytes(gzipped)).toString()).toBe(SCRIPT);

    const plain = await get(asset);
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Vary")).toBe("Accept-Encoding");
    expect(plain.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(await plain.text()).toBe(SCRIPT);
  });

  it("answers HEAD with the length of the file it would send", async () => {
    const res = await get(asset, { "Accept-Encoding": CHROME }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(Number(res.headers.get("Content-Length"))).toBe(brotliCompressSync(SCRIPT).length);
    expect((await bytes(res)).length).toBe(0);
  });

  it("answers a page revalidated unchanged with 304 and no body, one tag per encoding", async () => {
    const first = await get("/", { "Accept-Encoding": CHROME });
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Encoding")).toBe("br");
    expect(first.headers.get("Cache-Control")).toBe("no-cache");
    const tag = first.headers.get("ETag") as string;
    expect(tag).toMatch(/^"/);

    const again = await get("/", { "Accept-Encoding": CHROME, "If-None-Match": tag });
    expect(again.status).toBe(304);
    expect((await bytes(again)).length).toBe(0);
    expect(again.headers.get("ETag")).toBe(tag);
    expect(again.headers.get("Vary")).toBe("Accept-Encoding");
    expect(again.headers.get("Cache-Control")).toBe("no-cache");

    // The gzip file is other bytes: its tag differs, and the brotli tag does not match it.
    const gzipped = await get("/", { "Accept-Encoding": "gzip", "If-None-Match": tag });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get("ETag")).not.toBe(tag);
    expect(gunzipSync(await bytes(gzipped)).toString()).toBe(PAGE);

    const head = await get("/", { "Accept-Encoding": CHROME }, "HEAD");
    expect(head.headers.get("ETag")).toBe(tag);
  });

  it("sends a client route's page compressed too, and 304 when revalidated unchanged", async () => {
    const res = await get("/rendez-vous?service=information-conseil-vae", { "Accept-Encoding": CHROME });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Encoding")).toBe("br");
    expect(res.headers.get("Vary")).toBe("Accept-Encoding");
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(brotliDecompressSync(await bytes(res)).toString()).toBe(PAGE);

    const tag = res.headers.get("ETag") as string;
    const again = await get("/rendez-vous?service=cep", { "Accept-Encoding": CHROME, "If-None-Match": tag });
    expect(again.status).toBe(304);
    expect((await bytes(again)).length).toBe(0);
  });
});
