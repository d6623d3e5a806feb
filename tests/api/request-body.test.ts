import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// Bodies read from Node's request (server/http/request-body.ts), through a real socket: the
// other API tests go through app.request(), where Hono's own limit reads them.

let db: Database;
let server: ServerType;
let base: string;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
  const app = testApp(db, { clock: fixedClock("2026-03-20T08:00:00Z") });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

/** A POST with the body as given, in one piece or in chunks without a declared length. */
function post(path: string, body: Buffer, options: { chunked?: boolean } = {}) {
  return new Promise<{ status: number; body: { error?: { code: string; message: string; fields?: object } } }>(
    (resolve, reject) => {
      const req = httpRequest(`${base}${path}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": `body-${Math.random()}`,
          ...(options.chunked ? {} : { "Content-Length": String(body.length) }),
        },
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      });
      // The server may answer 413 and close before the whole body is sent.
      req.on("error", reject);
      if (options.chunked) {
        for (let i = 0; i < body.length; i += 8192) req.write(body.subarray(i, i + 8192));
        req.end();
      } else req.end(body);
    },
  );
}

const booking = async () => {
  const res = await fetch(
    `${base}/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-03-30&to=2026-03-30`,
  );
  const [slot] = (await res.json()).slots as { key: string }[];
  return {
    slotKey: slot?.key,
    person: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org" },
    noticeAccepted: true,
  };
};

describe("request bodies through a socket", () => {
  it("a booking is read and made (201), its body sent in chunks without a declared length", async () => {
    const res = await post("/api/bookings", Buffer.from(JSON.stringify(await booking())), { chunked: true });
    expect(res.status).toBe(201);
  });

  it("a byte order mark before the JSON is no part of it, as with fetch's own reading", async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(await booking()))]);
    expect((await post("/api/bookings", body)).status).toBe(201);
  });

  it("a field missing → 422 naming it; malformed JSON → 400; a NUL in a text → 422 naming it", async () => {
    const { person, ...rest } = await booking();
    const missing = await post(
      "/api/bookings",
      Buffer.from(JSON.stringify({ ...rest, person: { ...person, lastName: undefined } })),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.error?.fields).toHaveProperty(["person.lastName"]);
    expect((await post("/api/bookings", Buffer.from('{"slotKey": '))).status).toBe(400);
    const nul = await post(
      "/api/bookings",
      Buffer.from(JSON.stringify({ ...rest, person: { ...person, firstName: "Lé\u0000a" } })),
    );
    expect(nul.status).toBe(422);
    expect(nul.body.error?.fields).toHaveProperty(["person.firstName"]);
  });

  it("a body over 64 Kio → 413 in French, whether its length is declared or not", async () => {
    const big = Buffer.from(JSON.stringify({ padding: "x".repeat(70_000) }));
    for (const chunked of [false, true]) {
      const res = await post("/api/bookings", big, { chunked });
      expect(res.status).toBe(413);
      expect(res.body.error?.message).toMatch(/taille maximale acceptée \(64 Kio\)/);
    }
  });
});
