import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";
import { accepts } from "hono/accepts";
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";

// Hono's own compress() speaks gzip and deflate only (CompressionStream has no brotli on Node
// 20), and it cannot see the size of a c.json() answer, so it would also compress the smallest.
// Brotli matters here: an answer of slots repeats the same keys and UUIDs far apart, beyond
// gzip's 32 KiB window (docs/PERFORMANCE.md: four weeks of slots, ×16 in gzip, ×65 in brotli).

/** Below this, compressing costs more time than the bytes it saves. */
export const COMPRESSION_THRESHOLD = 1024;
/**
 * Brotli's quality for answers made at each request: 5 gives most of 11's gain at a fraction
 * of its time (a four-week slot answer in a few milliseconds, off the event loop).
 */
const BROTLI_QUALITY = 5;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const ENCODERS = {
  br: (body: Uint8Array) => brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }),
  gzip: (body: Uint8Array) => gzipped(body, { level: 6 }),
};
type Encoding = keyof typeof ENCODERS;

/**
 * The encoding the request accepts with the highest weight, brotli first when weights tie
 * (browsers list « gzip, deflate, br, zstd », all of weight 1); undefined for none of ours.
 */
export function preferredEncoding(c: Context): Encoding | undefined {
  const chosen = accepts(c, {
    header: "Accept-Encoding",
    supports: Object.keys(ENCODERS),
    default: "identity",
    match: (accepted, { supports, default: none }) => {
      let best: { encoding: string; q: number } | undefined;
      for (const encoding of supports) {
        const q = accepted.find((a) => a.type.toLowerCase() === encoding)?.q ?? 0;
        if (q > (best?.q ?? 0)) best = { encoding, q };
      }
      return best?.encoding ?? none;
    },
  });
  return chosen in ENCODERS ? (chosen as Encoding) : undefined;
}

/** Adds Accept-Encoding to Vary, once: what a shared cache keeps depends on it. */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get("Vary");
  if (vary === "*" || vary?.toLowerCase().includes("accept-encoding")) return;
  headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

/**
 * Answers of a compressible type (JSON, CSV, iCalendar…, never an event stream) over ~1 kB,
 * compressed in brotli or gzip as the request accepts. The body is read whole: every answer of
 * the API is built whole (a string) before it is sent.
 */
export const compressAnswers: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get("Content-Type");
  if (!res.body || res.status === 206 || res.headers.has("Content-Encoding")) return;
  if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || /\bno-transform\b/i.test(res.headers.get("Cache-Control") ?? "")) {
    return;
  }
  const body = new Uint8Array(await res.arrayBuffer());
  // The body was read: the answer is made again. Hono's setter copies the old answer's headers
  // over the new one's, so the encoding's headers are set after it.
  if (body.byteLength < COMPRESSION_THRESHOLD) {
    c.res = new Response(body, res);
    return;
  }
  const encoding = preferredEncoding(c);
  c.res = new Response(encoding ? await ENCODERS[encoding](body) : body, res);
  varyOnEncoding(c.res.headers);
  if (!encoding) return;
  c.res.headers.set("Content-Encoding", encoding);
  c.res.headers.delete("Content-Length");
};
