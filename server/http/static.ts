import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";
import { etag } from "hono/etag";
import type { AppEnv } from "../context.ts";
import { compressAnswers, varyOnEncoding } from "./compress.ts";

export const WEB_DIST = resolve(import.meta.dirname, "../../web/dist");

/**
 * What a file sent gets beside its Cache-Control: Vary on Accept-Encoding for a compressible
 * type, the plain file too (a shared cache must not hand it to a browser that takes brotli),
 * and an ETag of the very bytes sent (size and time of the variant's file), so that a page
 * revalidated (index.html, no-cache) answers 304 without its body.
 */
function served(cacheControl: string) {
  return (path: string, c: Context) => {
    c.header("Cache-Control", cacheControl);
    if (COMPRESSIBLE_CONTENT_TYPE_REGEX.test(c.res.headers.get("Content-Type") ?? "")) varyOnEncoding(c.res.headers);
    const { size, mtimeMs } = statSync(path);
    c.header("ETag", `"${size.toString(36)}-${Math.trunc(mtimeMs).toString(36)}"`);
  };
}

/**
 * The built web app: hashed assets cached for a year, every other path answered with
 * index.html so that the client router handles it (the SPA fallback). The build writes each
 * file brotli- and gzip-compressed beside it (web/vite.config.ts); the one the browser accepts
 * is sent.
 */
export function webApp(dir = WEB_DIST) {
  const web = new Hono<AppEnv>();
  web.use(etag());
  web.use("/assets/*", serveStatic({ root: dir, precompressed: true, onFound: served("public, max-age=31536000, immutable") }));
  // A missing hashed asset (an old page after a deploy) must fail as such, not get index.html.
  web.get("/assets/*", (c) => c.text("Fichier introuvable.", 404));
  web.use("*", serveStatic({ root: dir, precompressed: true, onFound: served("no-cache") }));
  // The fallback's index.html, read for each client route, is compressed as it is sent.
  web.use("*", compressAnswers);
  web.get("*", async (c) => {
    const index = join(dir, "index.html");
    if (!existsSync(index)) {
      return c.text("L'application web n'est pas construite : lancez « npm run build » (ou « npm start »).", 503);
    }
    c.header("Cache-Control", "no-cache");
    return c.html(await readFile(index, "utf8"));
  });
  return web;
}
