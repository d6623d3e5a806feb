import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../context.ts";
import { validationError } from "../errors.ts";

// PostgreSQL cannot store the NUL character in text, and Prisma cannot send a string with half of
// a UTF-16 surrogate pair: either reached the database as a 500. Found by tests/fuzz. No field of
// the API has a use for them, so every input is checked once, here, before any validator or verb:
// a 422 naming the field, like any other invalid value.

const MESSAGE = "ce texte contient un caractère invalide (caractère nul ou mal codé).";
const NUL = String.fromCharCode(0);
/** A surrogate half without its pair (with the u flag, a whole pair is one code point). */
const HALF_PAIR = /[\ud800-\udfff]/u;
const isUnstorable = (text: string) => text.includes(NUL) || HALF_PAIR.test(text);
const fieldName = (path: string) => path.replaceAll(NUL, "");

/** The path (as `fieldErrors` names it) of the first unstorable string or key of a JSON value. */
export function unstorablePath(value: unknown): string | undefined {
  // Iterative (a body may nest arrays thousands deep within the size limit), in document order.
  const stack: [unknown, string][] = [[value, ""]];
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (isUnstorable(item)) return path || "corps";
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], path ? `${path}.${i}` : String(i)]);
    } else if (item !== null && typeof item === "object") {
      const entries = Object.entries(item);
      for (const [key] of entries) if (isUnstorable(key)) return path ? `${path}.${key}` : key;
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i] as [string, unknown];
        stack.push([v, path ? `${path}.${key}` : key]);
      }
    }
  }
  return undefined;
}

export const storableText: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Any NUL in an address is percent-encoded; a surrogate half cannot be (it is not UTF-8).
  const url = new URL(c.req.url);
  if (/%00/i.test(url.pathname)) throw validationError({ adresse: MESSAGE });
  for (const [key, value] of url.searchParams)
    if (isUnstorable(key) || isUnstorable(value)) throw validationError({ [fieldName(key)]: MESSAGE });
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && /^application\/json/i.test(c.req.header("content-type") ?? "")) {
    // Hono keeps the body's text for the route's validator. Malformed JSON is left to it (a 400).
    const body = await c.req.json().catch((error: unknown) => {
      if (error instanceof SyntaxError) return undefined;
      throw error; // the body limit's own error
    });
    const path = unstorablePath(body);
    if (path !== undefined) throw validationError({ [fieldName(path)]: MESSAGE });
  }
  await next();
};
