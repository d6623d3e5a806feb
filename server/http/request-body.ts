import { Readable } from "node:stream";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * Reads a request's body, at most `maxSize` bytes, straight from Node's request into Hono's
 * body cache, where `c.req.json()` and the validators take it: without it, the first read
 * builds a web Request and streams the body through it, a seventh of a booking's time in the
 * server. Over the size: `tooLarge` (as soon as the declared length says so). Without Node's
 * request (Hono's `app.request()` in tests), Hono's own limit does the same.
 */
export function requestBody(maxSize: number, tooLarge: () => never): MiddlewareHandler {
  const fallback = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
    if (!(incoming instanceof Readable)) return fallback(c, next);
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (Number(c.req.header("content-length") ?? 0) > maxSize) tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxSize) tooLarge();
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString("utf8");
    // As the Fetch standard decodes a body: a byte order mark is not part of the text.
    // Hono keeps each read as a promise there (its type says otherwise).
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    await next();
  };
}
