import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";

export const WEB_DIST = resolve(import.meta.dirname, "../../web/dist");

/**
 * The built web app: hashed assets cached for a year, every other path answered with
 * index.html so that the client router handles it (the SPA fallback).
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
    return c.html(await readFile(index, "utf8"));
  });
  return web;
}
