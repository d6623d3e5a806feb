import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase, TEST_DATABASE_URL } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// Every endpoint of the OpenAPI document, called with random query strings, path parameters,
// headers and JSON bodies (plausible and absurd), on a real database with a bookable directory:
// never a 5xx, always { error: { code, message } } for a 4xx, and never a write by a request that
// was refused — every table is fingerprinted (row count and newest row version) before and after
// each request. Requests that succeed may write; POST /api/bookings must then write the
// appointment, its person, its idempotency key and its e-mails together, or nothing (a replay).
//
// Short by default (CI: FUZZ_RUNS=12); `npm run test:fuzz` runs 300 per endpoint (FUZZ_RUNS to change).
// FUZZ_SEED replays a run.

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Endpoints behind a staff session get fewer runs: without one, they must refuse, and write nothing. */
const STAFF_RUNS = Math.max(2, Math.ceil(RUNS / 4));
const LONG = RUNS > 50;

/** Paths (under /api) that need a staff session; every other operation of the document is public. */
const STAFF = [
  /^\/admin\//,
  /^\/agenda(\/|$)/,
  /^\/desk\//,
  /^\/availability(\/|$)/,
  /^\/calendar-feed$/,
  /^\/referrals(\/|$)/,
  /^\/people\//,
  /^\/dashboards(\/|$)/,
  /^\/auth\/(me|logout|logout-everywhere|password)$/,
];
/**
 * What a refused request may still write, by design: a failed sign-in or reset request, or a
 * request for one's lost links, is counted against its address (LoginThrottle), which is the
 * point of refusing the next ones.
 */
const WRITES_WHEN_REFUSED: Record<string, string[]> = {
  "POST /auth/login": ["LoginThrottle"],
  "POST /auth/password-reset": ["LoginThrottle"],
  "POST /manage/lost": ["LoginThrottle"],
};

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
};
interface Operation {
  method: string;
  path: string;
  name: string;
  staff: boolean;
  pathParams: string[];
  queryParams: { name: string; schema?: Schema }[];
  headerParams: string[];
  body: Schema | undefined;
}

let db: Database;
let app: ReturnType<typeof testApp>;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
const operations: Operation[] = [];
let schemas: Record<string, Schema> = {};
let tables: string[] = [];
let fingerprintSql = "";
let manageToken = "";
let slotKeys: string[] = [];
const clock = fixedClock("2026-03-20T08:00:00Z");

/** Per operation: statuses seen, and the tables written by accepted requests. */
const seen = new Map<string, { statuses: Map<number, number>; writes: Set<string>; slowestMs: number }>();
let bookingsMade = 0;
let started = 0;

beforeAll(async () => {
  started = performance.now();
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
  app = testApp(db, { clock });
  const doc = await (await app.request("/api/openapi.json")).json();
  schemas = doc.components?.schemas ?? {};
  for (const [path, item] of Object.entries<
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema?: Schema }[];
        requestBody?: { content?: Record<string, { schema: Schema }> };
      }
    >
  >(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params = op.parameters ?? [];
      const of = (where: string) => params.filter((p) => p.in === where).map((p) => p.name);
      operations.push({
        method: method.toUpperCase(),
        path,
        name: `${method.toUpperCase()} ${path}`,
        staff: STAFF.some((re) => re.test(path)),
        pathParams: of("path"),
        queryParams: params
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, ...(p.schema ? { schema: p.schema } : {}) })),
        headerParams: of("header"),
        body: op.requestBody?.content?.["application/json"]?.schema,
      });
    }
  }
  tables = (
    await db.prisma.$queryRawUnsafe<{ name: string }[]>(
      "SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
    )
  ).map((t) => t.name);
  // One statement: per table, its row count and its newest row version (xmin): an insert, an
  // update (even to the same values) or a delete changes one or the other.
  fingerprintSql = `SELECT json_build_object(${tables
    .map((t) => `'${t}', (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM "${t}")`)
    .join(", ")})::text AS f`;

  const slots = await (
    await app.request(`/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-03-30&to=2026-04-10`)
  ).json();
  slotKeys = slots.slots.map((s: { key: string }) => s.key);
  const booked = await app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": "fuzz-setup-booking" },
    body: JSON.stringify({
      slotKey: slotKeys.pop(),
      person: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org" },
      noticeAccepted: true,
    }),
  });
  expect(booked.status).toBe(201);
  manageToken = (await booked.json()).manageUrl.split("/").at(-1);
});

afterAll(async () => {
  const lines = [...seen].map(([name, s]) => {
    const statuses = [...s.statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    const writes = s.writes.size ? `  writes on success: ${[...s.writes].join(", ")}` : "";
    return `  ${name.padEnd(48)} ${statuses.join(" ")}  slowest ${s.slowestMs.toFixed(0)} ms${writes}`;
  });
  const total = [...seen.values()].reduce((n, s) => n + [...s.statuses.values()].reduce((a, b) => a + b, 0), 0);
  console.log(
    `fuzz on ${db?.kind ?? "?"}: ${total} requests over ${seen.size} operations, ${bookingsMade} bookings, FUZZ_RUNS=${RUNS}, ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s\n${lines.join("\n")}`,
  );
  await db?.close();
});

async function fingerprint(): Promise<Record<string, string>> {
  const [row] = await db.prisma.$queryRawUnsafe<{ f: string }[]>(fingerprintSql);
  return JSON.parse(row?.f ?? "{}");
}
const changed = (before: Record<string, string>, after: Record<string, string>) => tables.filter((t) => before[t] !== after[t]);
const rows = (print: Record<string, string>, table: string) => Number(print[table]?.split(":")[0]);

// ---------------------------------------------------------------------------------------------
// Values, plausible and absurd.

const DATES = [
  "2026-03-30",
  "2026-03-29",
  "2026-10-25",
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "9999-12-31",
  "+275760-09-13",
  "2026-3-3",
  "1970-01-01",
  "2100-01-01",
];
const ABSURD = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%",
  "%zz",
  "%E0%A4%A",
  "%00",
  "..",
  "../..",
  "null",
  "undefined",
  "true",
  "false",
  "NaN",
  "-1",
  "0",
  "1e400",
  "99999999999999999999999",
  "-0",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "Ω≈ç√∫˜µ≤≥÷",
  "👩🏽‍🚀🇫🇷",
  "\ud800",
  "x".repeat(5000),
  "é".repeat(70_000),
];
const plausible = () =>
  fc.constantFrom(
    ...DATES,
    "59350",
    "59512",
    "2A004",
    "information-conseil-vae",
    "reunion-information-vae",
    "pic-vae-lille",
    "onsite",
    "phone",
    "video",
    "structure",
    "place",
    "month",
    "network",
    "lea.durand@example.org",
    "0612345678",
    "00000000-0000-0000-0000-000000000000",
    fx.structure.id,
    fx.site.id,
    fx.advisor.id,
    fx.offering.id,
    manageToken,
    ...slotKeys.slice(0, 5),
  );
const anyString = () =>
  fc.oneof(
    { weight: 4, arbitrary: plausible() },
    { weight: 3, arbitrary: fc.constantFrom(...ABSURD) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
  );

/** A URL-encoded component, or the raw text (malformed percent-escapes included) now and then. */
const component = (value: string, raw: boolean) => {
  if (raw) return value.replace(/[#?&/=\s]/g, "");
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\ud800-\udfff]/g, "%ED%A0%80"); // a lone surrogate, as a client might send it
  }
};

/** Values a parameter of this name would plausibly take: its enum, the fixture's ids, dates. */
function goodValues(name: string, schema: Schema | undefined, path = ""): string[] {
  const s = schema ? resolve(schema) : {};
  const enums = [...(s.enum ?? []), ...(s.anyOf ?? []).flatMap((v) => resolve(v).enum ?? [])].map(String);
  const byName: Record<string, string[]> = {
    service: ["information-conseil-vae", "reunion-information-vae", "cep-premier-entretien"],
    structure: [fx.structure.id, fx.other.structureId],
    site: [fx.site.id],
    commune: ["59350", "59512", "2A004"],
    from: ["2026-03-23", "2026-03-30", "2026-10-25", "2026-04-06"],
    to: ["2026-03-29", "2026-04-05", "2026-04-12", "2026-10-31"],
    before: ["2026-03-20T08:00:00Z", "2026-03-20"],
    first: ["true", "false"],
    q: ["lil", "Lille", "VAE", "é"],
    limit: ["1", "5", "50", "1000"],
    page: ["1", "2", "0", "100000"],
    network: ["pic-vae", "cibc", "ccas"],
    months: ["1", "24", "600"],
    token: [manageToken],
    code: ["59350", "59512", "2A004"],
    slug: ["pic-vae-lille", "cibc-lille", "ccas-roubaix"],
    id: path.startsWith("/structures")
      ? [fx.structure.id, fx.other.structureId]
      : [fx.structure.id, fx.advisor.id, fx.offering.id],
    key: ["ABCD-EFGH", "0000-0000"],
    file: [`${fx.advisor.id}.ics`, "x.ics"],
  };
  return [...enums, ...(byName[name] ?? [])];
}
const arbParamValue = (name: string, schema: Schema | undefined, path = "") => {
  const good = goodValues(name, schema, path);
  return fc.oneof(
    { weight: good.length ? 6 : 0, arbitrary: good.length ? fc.constantFrom(...good) : fc.constant("") },
    { weight: 3, arbitrary: anyString() },
  );
};

/** Known parameters (each present or not, plausible or absurd), then random and repeated keys. */
const noisyQuery = (known: { name: string; schema?: Schema }[], path: string) =>
  fc
    .tuple(
      fc.tuple(
        ...known.map((p) =>
          fc.option(fc.record({ key: fc.constant(p.name), value: arbParamValue(p.name, p.schema, path), raw: fc.boolean() }), {
            freq: 3,
          }),
        ),
      ),
      fc.array(
        fc.record({
          key: fc.oneof(
            { weight: 2, arbitrary: known.length ? fc.constantFrom(...known.map((p) => p.name)) : fc.constant("q") },
            { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
          ),
          value: anyString(),
          raw: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      fc.integer({ min: 0, max: 7 }),
    )
    .map(([known, extra, rawness]) =>
      // Now and then a value goes unencoded: malformed percent-escapes, bare non-ASCII.
      [...known.filter((p) => p !== null), ...extra].map(
        (p) => `${component(p.key, false)}=${component(p.value, p.raw && rawness === 0)}`,
      ),
    );

/** Known parameters only, each present or not, with plausible values: to get past validation. */
const cleanQuery = (known: { name: string; schema?: Schema }[], path: string) =>
  fc
    .tuple(
      ...known.map((p) => {
        const good = goodValues(p.name, p.schema, path);
        return fc.option(good.length ? fc.constantFrom(...good) : anyString(), { freq: 2 });
      }),
    )
    .map((values) =>
      values.flatMap((v, i) => (v === null ? [] : [`${(known[i] as { name: string }).name}=${component(v, false)}`])),
    );

const arbQuery = (known: { name: string; schema?: Schema }[], path = "") =>
  fc
    .oneof({ weight: 3, arbitrary: noisyQuery(known, path) }, { weight: 2, arbitrary: cleanQuery(known, path) })
    .map((pairs) => (pairs.length ? `?${pairs.join("&")}` : ""));

const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(1e308),
    anyString(),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  );

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(schemas[schema.$ref.split("/").at(-1) as string] ?? {}) : schema;

/** A body of the right shape now and then, with wrong types, missing and extra keys otherwise. */
function shaped(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const variants = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  if (variants.length && depth < 4) return fc.oneof(...variants.map((v) => shaped(v, depth + 1)));
  if (s.const !== undefined)
    return fc.oneof({ weight: 4, arbitrary: fc.constant(s.const) }, { weight: 1, arbitrary: wrongValue() });
  if (s.enum) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: wrongValue() });
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if ((type === "object" || s.properties) && depth < 5) {
    const entries = Object.entries(s.properties ?? {});
    return fc
      .tuple(
        fc.tuple(
          ...entries.map(([, p]) =>
            fc.option(fc.oneof({ weight: 4, arbitrary: shaped(p, depth + 1) }, { weight: 1, arbitrary: wrongValue() }), {
              freq: 6,
            }),
          ),
        ),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        fc.boolean(),
      )
      .map(([values, extra, withExtra]) => {
        const body: Record<string, unknown> = withExtra ? { ...extra } : {};
        entries.forEach(([key], i) => {
          if (values[i] !== null) body[key] = values[i];
        });
        return body;
      });
  }
  if (type === "array" && depth < 5) return fc.array(shaped(s.items ?? {}, depth + 1), { maxLength: 3 });
  if (type === "integer" || type === "number")
    return fc.oneof(fc.integer({ min: -5, max: 500 }), fc.double(), fc.constantFrom(1e21, -1e21, 2 ** 53, 0.5), wrongValue());
  if (type === "boolean") return fc.oneof(fc.boolean(), wrongValue());
  if (type === "string") return fc.oneof({ weight: 4, arbitrary: anyString() }, { weight: 1, arbitrary: wrongValue() });
  return wrongValue();
}

const nested = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
/** A raw request body: shaped JSON, any JSON, deep nesting, huge strings, or not JSON at all. */
const arbBody = (schema: Schema | undefined) =>
  fc.oneof(
    { weight: schema ? 6 : 1, arbitrary: schema ? shaped(schema).map((v) => JSON.stringify(v)) : fc.constant("{}") },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(5, 500, 5000, 30_000, 50_000).map((n) => nested(n, "[", "]")) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }).map((k) => `${nested(10 ** k, '{"a":', "")}1${"}".repeat(10 ** k)}`) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 100_000 })
        .map((n) => JSON.stringify({ slotKey: "k".repeat(n), reason: "r".repeat(n) })),
    },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "nul", '{"a":1,}', "\u0000", "[1,2", '"\\ud800"', "{}".repeat(1000)) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 50 }) },
  );

const arbPathParam = (name: string, path: string) =>
  fc.oneof(
    { weight: 6, arbitrary: arbParamValue(name, undefined, path).map((v) => ({ value: v, raw: false })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom("%", "%zz", "%E0%A4%A", "%00", "%2F", "%2e%2e", "é", "a b")
        .map((v) => ({ value: v, raw: true })),
    },
  );

const arbRequest = (op: Operation) =>
  fc.record({
    params: fc.tuple(...op.pathParams.map((name) => arbPathParam(name, op.path))),
    query: arbQuery(op.queryParams, op.path),
    body: op.method === "GET" ? fc.constant(undefined) : fc.option(arbBody(op.body), { freq: 12 }),
    contentType: fc.constantFrom(
      "application/json",
      "application/json",
      "application/json",
      "application/json; charset=utf-8",
      "text/plain",
      "application/x-www-form-urlencoded",
      undefined,
    ),
    idempotencyKey: op.headerParams.includes("idempotency-key")
      ? fc.option(
          fc.oneof(
            fc.uuid(),
            fc.constantFrom("short", "k".repeat(300), "fuzz-replay-1", "fuzz-replay-2"),
            fc.string({ maxLength: 30 }),
          ),
          { freq: 8 },
        )
      : fc.constant(null),
    origin: fc.constantFrom(undefined, undefined, undefined, "http://localhost", "https://evil.example", "null"),
  });

type Req = ReturnType<typeof arbRequest> extends fc.Arbitrary<infer T> ? T : never;

function urlOf(op: Operation, r: Req): string {
  let path = op.path;
  op.pathParams.forEach((name, i) => {
    const p = r.params[i] as { value: string; raw: boolean };
    path = path.replace(`{${name}}`, component(p.value, p.raw));
  });
  return `/api${path}${r.query}`;
}

function headersOf(r: Req): Record<string, string> {
  const headers: Record<string, string> = {};
  if (r.contentType) headers["Content-Type"] = r.contentType;
  if (r.idempotencyKey !== null) headers["Idempotency-Key"] = r.idempotencyKey.replace(/[^\x20-\x7e]/g, "");
  if (r.origin) headers.Origin = r.origin;
  return headers;
}

/** One request: never a 5xx, a JSON error for a 4xx, and no write unless it succeeded. */
async function check(op: Operation, method: string, url: string, init: RequestInit) {
  const before = await fingerprint();
  const t0 = performance.now();
  const res = await app.request(url, { method, ...init });
  const text = await res.text();
  const ms = performance.now() - t0;
  const after = await fingerprint();
  const stats = seen.get(op.name) ?? { statuses: new Map(), writes: new Set<string>(), slowestMs: 0 };
  seen.set(op.name, stats);
  stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1);
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  const what = `${method} ${url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  const written = changed(before, after);
  // ".." and "%2e%2e" segments may lead out of /api, to the web app: only "no 5xx" holds there.
  const inApi = new URL(url, "http://localhost").pathname.startsWith("/api/");
  if (res.status >= 400 && inApi) {
    const body = JSON.parse(text);
    expect(res.headers.get("content-type"), what).toMatch(/^application\/json/);
    expect(typeof body.error?.code, what).toBe("string");
    expect(typeof body.error?.message, what).toBe("string");
    expect(body.error.message.length, what).toBeGreaterThan(0);
    const allowed = WRITES_WHEN_REFUSED[op.name] ?? [];
    expect(
      written.filter((t) => !allowed.includes(t)),
      `${what}\nwritten by a refused request`,
    ).toEqual([]);
  } else if (res.status >= 400) {
    expect(written, `${what}\nwritten by a refused request`).toEqual([]);
  } else {
    for (const t of written) stats.writes.add(t);
  }
  return { res, text, before, after, written };
}

describe(`every endpoint of the OpenAPI document, fuzzed (${TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("lists the public endpoints the brief names", () => {
    const publicOps = operations.filter((o) => !o.staff).map((o) => o.name);
    for (const name of [
      "GET /health",
      "GET /services",
      "GET /structures",
      "GET /slots",
      "GET /communes",
      "GET /directory",
      "GET /faq",
      "GET /orientation",
      "GET /statistics",
      "GET /privacy",
      "POST /bookings",
      "GET /manage/{token}",
      "POST /manage/{token}/cancel",
      "POST /manage/lost",
      "GET /invitations/{key}",
      "POST /auth/login",
      "POST /auth/password-reset",
      "POST /auth/password-link/use",
    ])
      expect(publicOps).toContain(name);
    expect(operations.length).toBeGreaterThan(60);
  });

  it("public endpoints: random path parameters, query strings, headers and bodies", { timeout: 600_000 }, async () => {
    for (const op of operations.filter((o) => !o.staff)) {
      await fc.assert(
        fc.asyncProperty(arbRequest(op), async (r) => {
          const { res, text, before, after, written } = await check(op, op.method, urlOf(op, r), {
            headers: headersOf(r),
            ...(r.body !== undefined && r.body !== null ? { body: r.body } : {}),
          });
          if (op.name === "POST /bookings" && res.status < 300) expectWholeBooking(text, before, after, written);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: !LONG },
      );
    }
  });

  it("POST /api/bookings with valid bodies: a booking writes all its rows together, a replay nothing", {
    timeout: 600_000,
  }, async () => {
    const op = operations.find((o) => o.name === "POST /bookings") as Operation;
    const person = fc.record(
      {
        firstName: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom("Léa", "Zoë", "Jean-Noël", "O'Brien", "Ærøskøbing", "李") },
          { weight: 1, arbitrary: fc.constantFrom(...ABSURD) },
          { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
        ),
        lastName: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom("Durand", "N'Diaye", "de La Fontaine", "Ñúñez") },
          { weight: 1, arbitrary: fc.constantFrom(...ABSURD) },
        ),
        email: fc.constantFrom("lea.durand@example.org", "LEA.DURAND@EXAMPLE.ORG", "zoe@example.fr", "x@y.z"),
        phone: fc.constantFrom("06 12 34 56 78", "+33612345678", "0612"),
        commune: fc.constantFrom("59350", "99999", "2A004"),
      },
      { requiredKeys: ["firstName", "lastName"] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          slot: fc.nat(),
          person,
          accessibilityNeeds: fc.option(
            fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }), fc.constantFrom(...ABSURD)),
          ),
          key: fc.oneof(fc.uuid(), fc.constantFrom("fuzz-valid-replay-1", "fuzz-valid-replay-2")),
        }),
        async (b) => {
          const slotKey = slotKeys[b.slot % slotKeys.length] as string;
          const body = {
            slotKey,
            person: b.person,
            noticeAccepted: true,
            ...(b.accessibilityNeeds === null ? {} : { accessibilityNeeds: b.accessibilityNeeds }),
          };
          const { res, text, before, after, written } = await check(op, "POST", "/api/bookings", {
            headers: { "Content-Type": "application/json", "Idempotency-Key": b.key },
            body: JSON.stringify(body),
          });
          if (res.status < 300) expectWholeBooking(text, before, after, written);
          else expect([409, 413, 422], text).toContain(res.status);
        },
      ),
      { numRuns: Math.max(10, RUNS * 2), seed: SEED, endOnFailure: !LONG },
    );
  });

  it("the private link's verbs on a live appointment: random bodies, then cancel and move", { timeout: 600_000 }, async () => {
    for (const name of ["POST /manage/{token}/reschedule", "POST /manage/{token}/cancel", "GET /manage/{token}/ics"]) {
      const op = operations.find((o) => o.name === name) as Operation;
      await fc.assert(
        fc.asyncProperty(arbBody(op.body), arbQuery([]), async (body, query) => {
          await check(op, op.method, `/api${op.path.replace("{token}", manageToken)}${query}`, {
            headers: { "Content-Type": "application/json" },
            ...(op.method === "GET" ? {} : { body }),
          });
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: !LONG },
      );
    }
  });

  it("staff endpoints without a session: a refusal, never a 5xx, nothing written", { timeout: 600_000 }, async () => {
    for (const op of operations.filter((o) => o.staff)) {
      await fc.assert(
        fc.asyncProperty(arbRequest(op), async (r) => {
          const { res } = await check(op, op.method, urlOf(op, r), {
            headers: headersOf(r),
            ...(r.body !== undefined && r.body !== null ? { body: r.body } : {}),
          });
          // Signing out without a session is a success that changes nothing.
          if (op.name !== "POST /auth/logout" && op.name !== "POST /auth/logout-everywhere")
            expect(res.status).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: STAFF_RUNS, seed: SEED, endOnFailure: !LONG },
      );
    }
  });

  it("unknown addresses and methods under /api: a JSON 4xx", { timeout: 600_000 }, async () => {
    const pseudo: Operation = {
      method: "*",
      path: "*",
      name: "* /api/<random>",
      staff: false,
      pathParams: [],
      queryParams: [],
      headerParams: [],
      body: undefined,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
        fc.array(
          fc.oneof(
            fc.constantFrom(...operations.map((o) => o.path.split("/")[1] as string), "openapi.json", "manage", "%", "%zz", ".."),
            fc.string({ maxLength: 10 }).map((s) => component(s, false)),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        arbQuery([]),
        async (method, segments, query) => {
          const url = `/api/${segments.join("/")}${query}`;
          const { res } = await check(pseudo, method, url, {
            headers: { "Content-Type": "application/json" },
            ...(method === "GET" ? {} : { body: "{}" }),
          });
          // Only reads succeed at an address of the API (a ".." may lead to the web app's files).
          if (res.status < 300 && new URL(url, "http://localhost").pathname.startsWith("/api/")) expect(method).toBe("GET");
        },
      ),
      { numRuns: RUNS * 3, seed: SEED, endOnFailure: !LONG },
    );
  });
});

/** A booking's rows come together: one appointment, its idempotency key, its e-mails, its person. */
function expectWholeBooking(text: string, before: Record<string, string>, after: Record<string, string>, written: string[]) {
  const added = (t: string) => rows(after, t) - rows(before, t);
  if (written.length === 0) return; // a replay of an Idempotency-Key: the first answer again, nothing written
  bookingsMade++;
  expect(JSON.parse(text).appointment?.id, text).toBeDefined();
  expect(added("Appointment"), written.join()).toBe(1);
  expect(added("IdempotencyKey"), written.join()).toBe(1);
  expect(added("OutboxMessage"), written.join()).toBeGreaterThanOrEqual(1);
  expect([0, 1]).toContain(added("Person"));
  for (const t of written)
    expect(["Appointment", "IdempotencyKey", "OutboxMessage", "Person", "AuditEvent", "Referral", "ReferralEvent"]).toContain(t);
}
