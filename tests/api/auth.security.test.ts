import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

const PASSWORD = "cheval agrafe batterie correcte";
let db: Database;
let app: ReturnType<typeof testApp>;
const clock = fixedClock("2026-03-23T08:00:00Z");
let userId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  userId = (
    await db.prisma.staffUser.create({
      data: {
        email: "claire.martin@pic-vae-lille.test",
        firstName: "Claire",
        lastName: "Martin",
        passwordHash: await hashPassword(PASSWORD),
      },
    })
  ).id;
  app = testApp(db, { clock });
});
afterAll(() => db.close());

const json = { "Content-Type": "application/json" };
const login = (email: string, password: string, cookie?: string) =>
  app.request("/api/auth/login", {
    method: "POST",
    headers: { ...json, ...(cookie && { Cookie: cookie }) },
    body: JSON.stringify({ email, password }),
  });
const cookieOf = (res: Response) => (res.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
const me = (cookie: string) => app.request("/api/auth/me", { headers: { Cookie: cookie } });
const withoutRequestId = async (res: Response) => {
  const { error } = await res.json();
  const { requestId: _, ...rest } = error;
  return rest;
};

describe("sign-in", () => {
  it("opens a server-side session in an HttpOnly, SameSite=Lax cookie", async () => {
    const res = await login("Claire.Martin@pic-vae-lille.test ", PASSWORD);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ id: userId, firstName: "Claire", regionalAdmin: false });
    const setCookie = res.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^rdv-session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect((await me(cookieOf(res))).status).toBe(200);
    const stored = await db.prisma.staffSession.findMany({ where: { userId } });
    expect(stored.every((s) => !cookieOf(res).includes(s.id))).toBe(true); // only the hash is stored
  });

  it("answers the same, in similar time, whether the account exists or not", async () => {
    const wrong = await login("claire.martin@pic-vae-lille.test", "mauvais mot de passe");
    const unknown = await login("personne@nulle-part.test", "mauvais mot de passe");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await withoutRequestId(wrong)).toEqual(await withoutRequestId(unknown));
    // Medians of alternated attempts: both run Argon2id, so neither answers markedly sooner.
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 4; i++) {
      for (const [kind, email] of [
        ["known", "claire.martin@pic-vae-lille.test"],
        ["unknown", "personne@nulle-part.test"],
      ] as const) {
        const started = performance.now();
        await login(email, `mauvais ${i}`);
        times[kind].push(performance.now() - started);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    expect(median(times.unknown)).toBeGreaterThan(median(times.known) / 3);
    expect(median(times.known)).toBeGreaterThan(median(times.unknown) / 3);
    await db.prisma.loginThrottle.deleteMany();
  });

  it("gives a new session id at every sign-in, and closes the one it replaces (no fixation)", async () => {
    const first = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    const second = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD, first));
    expect(second).not.toBe(first);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(200);
  });

  it("signs out server-side: the old cookie no longer works", async () => {
    const cookie = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    const out = await app.request("/api/auth/logout", { method: "POST", headers: { ...json, Cookie: cookie }, body: "{}" });
    expect(out.status).toBe(200);
    expect(out.headers.get("Set-Cookie")).toMatch(/rdv-session=;/);
    expect((await me(cookie)).status).toBe(401);
  });
});

describe("session lifetime", () => {
  it("ends after 2 hours idle", async () => {
    const cookie = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    clock.advance(119 * 60_000);
    expect((await me(cookie)).status).toBe(200);
    clock.advance(2 * 3_600_000);
    expect((await me(cookie)).status).toBe(401);
  });

  it("ends after 12 hours whatever the activity", async () => {
    const cookie = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    for (let hour = 1; hour < 12; hour++) {
      clock.advance(3_600_000);
      expect((await me(cookie)).status).toBe(200);
    }
    clock.advance(3_600_000);
    expect((await me(cookie)).status).toBe(401);
  });

  it("ends when the account is deactivated", async () => {
    const cookie = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    await db.prisma.staffUser.update({ where: { id: userId }, data: { active: false } });
    try {
      expect((await me(cookie)).status).toBe(401);
      expect((await login("claire.martin@pic-vae-lille.test", PASSWORD)).status).toBe(401);
    } finally {
      await db.prisma.staffUser.update({ where: { id: userId }, data: { active: true } });
    }
  });
});

describe("throttling", () => {
  it("stops an address after 5 failures on one account for 15 minutes, without locking the account for others", async () => {
    await db.prisma.loginThrottle.deleteMany();
    for (let i = 0; i < 5; i++) expect((await login("claire.martin@pic-vae-lille.test", `essai ${i}`)).status).toBe(401);
    const blocked = await login("claire.martin@pic-vae-lille.test", PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.message).toMatch(/Réessayez dans 15 minutes/);
    // The same account from another address still signs in: the failures were this address's.
    await db.prisma.loginThrottle.updateMany({
      where: { key: { startsWith: "pair:local:" } },
      data: { key: "pair:10.0.0.9:claire.martin@pic-vae-lille.test" },
    });
    expect((await login("claire.martin@pic-vae-lille.test", PASSWORD)).status).toBe(200);
    clock.advance(16 * 60_000);
    expect((await login("claire.martin@pic-vae-lille.test", PASSWORD)).status).toBe(200);
  });
});

describe("cross-site requests", () => {
  it("refuses a text/plain POST (what a form on another site can send)", async () => {
    const res = await app.request("/api/auth/logout", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "{}" });
    expect(res.status).toBe(415);
  });

  it("refuses a JSON POST whose Origin is another site, accepts its own", async () => {
    const body = JSON.stringify({ email: "claire.martin@pic-vae-lille.test", password: PASSWORD });
    const evil = await app.request("http://localhost:3000/api/auth/login", {
      method: "POST",
      headers: { ...json, Origin: "https://evil.example", Host: "localhost:3000" },
      body,
    });
    expect(evil.status).toBe(403);
    const own = await app.request("http://localhost:3000/api/auth/login", {
      method: "POST",
      headers: { ...json, Origin: "http://localhost:3000", Host: "localhost:3000" },
      body,
    });
    expect(own.status).toBe(200);
  });

  it("accepts a DELETE without a body from here, refuses it from another site", async () => {
    const res = (origin?: string) =>
      app.request("http://localhost:3000/api/admin/closures/00000000-0000-4000-8000-000000000000", {
        method: "DELETE",
        headers: { Host: "localhost:3000", ...(origin && { Origin: origin }) },
      });
    // Past the cross-site check: anonymous, so 401 — not 415.
    expect((await res()).status).toBe(401);
    expect((await res("http://localhost:3000")).status).toBe(401);
    expect((await res("https://evil.example")).status).toBe(403);
  });
});

describe("the account", () => {
  const post = (path: string, cookie: string, body: unknown = {}) =>
    app.request(path, { method: "POST", headers: { ...json, Cookie: cookie }, body: JSON.stringify(body) });

  it("/me lists the memberships and territories the navigation is built from", async () => {
    const cookie = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    const { user } = await (await me(cookie)).json();
    expect(user).toMatchObject({
      email: "claire.martin@pic-vae-lille.test",
      memberships: [],
      territories: [],
      areas: ["account"],
    });
  });

  it("signs out everywhere: every session of the account ends", async () => {
    const a = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    const b = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    expect((await post("/api/auth/logout-everywhere", a)).status).toBe(200);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
  });

  it("changes the password: the current one is required, the new one follows the policy, other sessions end", async () => {
    const other = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    const mine = cookieOf(await login("claire.martin@pic-vae-lille.test", PASSWORD));
    const wrong = await post("/api/auth/password", mine, {
      currentPassword: "faux",
      newPassword: "un tout nouveau mot de passe",
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.fields.currentPassword).toMatch(/incorrect/);
    const common = await post("/api/auth/password", mine, { currentPassword: PASSWORD, newPassword: "password1234" });
    expect((await common.json()).error.fields.newPassword).toMatch(/plus courants/);
    const changed = await post("/api/auth/password", mine, {
      currentPassword: PASSWORD,
      newPassword: "un tout nouveau mot de passe",
    });
    expect(changed.status).toBe(200);
    expect((await me(other)).status).toBe(401);
    expect((await me(cookieOf(changed))).status).toBe(200);
    expect((await login("claire.martin@pic-vae-lille.test", "un tout nouveau mot de passe")).status).toBe(200);
    expect(await db.prisma.auditEvent.count({ where: { action: "user.password_change", actorId: userId } })).toBe(1);
    await db.prisma.staffUser.update({ where: { id: userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
  });

  it("asks to sign in when there is no session", async () => {
    const res = await app.request("/api/auth/me");
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe("Connectez-vous pour continuer.");
  });
});
