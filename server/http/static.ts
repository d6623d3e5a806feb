import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";
import { etag } from "hono/etag";
import { TrieRouter } from "hono/router/trie-router";
import { PAGES } from "../../web/src/page-paths.ts";
import type { AppEnv } from "../context.ts";
import { compressAnswers, varyOnEncoding } from "./compress.ts";

export const WEB_DIST = resolve(import.meta.dirname, "../../web/dist");

// The web app's pages, matched by Hono's own router: their patterns are the client router's.
const pages = new TrieRouter<true>();
for (const path of Object.values(PAGES)) pages.add("GET", path, true);

/** Whether the client router has a page at this address (a trailing slash is the same page to it). */
export function isPage(path: string): boolean {
  return pages.match("GET", path.replace(/\/+$/, "") || "/")[0].length > 0;
}

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
 * The built web app: hashed assets cached for a year; index.html for the web app's pages (the
 * SPA fallback), and for any other address too, with a 404: the app then says « Page
 * introuvable », and a search engine or a link checker knows the page does not exist. The build writes each file brotli- and gzip-compressed beside it
 * (web/vite.config.ts); the one the browser accepts is sent.
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
    return c.html(await readFile(index, "utf8"), isPage(c.req.path) ? 200 : 404);
  });
  return web;
}
