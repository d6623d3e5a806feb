import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { TrieRouter } from "hono/router/trie-router";
import { PAGES } from "../../web/src/page-paths.ts";
import type { AppEnv } from "../context.ts";

export const WEB_DIST = resolve(import.meta.dirname, "../../web/dist");

// The web app's pages, matched by Hono's own router: their patterns are the client router's.
const pages = new TrieRouter<true>();
for (const path of Object.values(PAGES)) pages.add("GET", path, true);

/** Whether the client router has a page at this address (a trailing slash is the same page to it). */
export function isPage(path: string): boolean {
  return pages.match("GET", path.replace(/\/+$/, "") || "/")[0].length > 0;
}

/**
 * The built web app: hashed assets cached for a year; index.html for the web app's pages (the
 * SPA fallback), and for any other address too, with a 404: the app then says « Page
 * introuvable », and a search engine or a link checker knows the page does not exist.
 */
export function webApp(dir = WEB_DIST) {
  const web = new Hono<AppEnv>();
  web.use(
    "/assets/*",
    serveStatic({
      root: dir,
      onFound: (_path, c) => {
        c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  // A missing hashed asset (an old page after a deploy) must fail as such, not get index.html.
  web.get("/assets/*", (c) => c.text("Fichier introuvable.", 404));
  web.use("*", serveStatic({ root: dir, onFound: (_path, c) => c.header("Cache-Control", "no-cache") }));
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
