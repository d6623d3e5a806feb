import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import { openSession } from "../../server/auth/sessions.ts";
import { ACCOUNT, accountDelayMs, LIMITS } from "../../server/auth/throttle.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { purgeSpent } from "../../server/features/privacy/purge.ts";
import { testApp, testConfig, testDeps } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

// Sign-in throttling behind a load balancer (TRUST_PROXY), an account's back-off that never
// locks its owner out for good, the password change's own limit, and the counters' purge.

const PASSWORD = "cheval agrafe batterie correcte";
const clock = fixedClock("2026-10-24T08:00:00Z");
let db: Database;
let userId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  for (const name of ["nadia", "omar", "paul"]) {
    const user = await db.prisma.staffUser.create({
      data: { email: `${name}@cio-lens.test`, firstName: name, lastName: "Test", passwordHash },
    });
    if (name === "nadia") userId = user.id;
  }
});
afterAll(() => db.close());

const PROXY = "10.0.0.2";
/** A sign-in through the load balancer (its socket), for a client whose address it forwards. */
const signIn = (
  app: ReturnType<typeof testApp>,
  email: string,
  password: string,
  client: string,
  forwarded = client,
  cookie = "",
) =>
  app.request(
    "/api/auth/login",
    {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": forwarded, Cookie: cookie },
      body: JSON.stringify({ email, password }),
    },
    { incoming: { socket: { remoteAddress: PROXY } } },
  );

describe("behind a load balancer", () => {
  it("counts each client by the address its proxy forwards: one client's failures lock nobody else out", async () => {
    await db.prisma.loginThrottle.deleteMany();
    const app = testApp(db, { clock, config: testConfig({ TRUST_PROXY: "1" }) });
    // An attacker behind the balancer fails on many accounts: its own address waits.
    for (let i = 0; i < LIMITS.address; i++) {
      await signIn(app, `personne${i}@nulle-part.test`, "mauvais", "203.0.113.7");
    }
    expect((await signIn(app, "omar@cio-lens.test", PASSWORD, "203.0.113.7")).status).toBe(429);
    // Everybody else, behind the same balancer, signs in.
    expect((await signIn(app, "omar@cio-lens.test", PASSWORD, "198.51.100.20")).status).toBe(200);
    // What the client writes itself in X-Forwarded-For is not believed: the balancer's last entry is.
    const forged = await signIn(app, "omar@cio-lens.test", PASSWORD, "203.0.113.7", "198.51.100.99, 203.0.113.7");
    expect(forged.status).toBe(429);
  });

  it("without TRUST_PROXY, takes the socket's address, the balancer's: as documented, one address for all", async () => {
    await db.prisma.loginThrottle.deleteMany();
    const app = testApp(db, { clock });
    for (let i = 0; i < LIMITS.address; i++) await signIn(app, `personne${i}@nulle-part.test`, "mauvais", "203.0.113.7");
    expect((await signIn(app, "omar@cio-lens.test", PASSWORD, "198.51.100.20")).status).toBe(429);
  });
});

describe("an account attacked from many addresses", () => {
  it("waits twice as long after each failure past 10, up to 15 minutes, and lets its owner in once the wait is over", async () => {
    await db.prisma.loginThrottle.deleteMany();
    clock.set("2026-10-24T08:00:00Z");
    const app = testApp(db, { clock, config: testConfig({ TRUST_PROXY: "1" }) });
    const address = (i: number) => `198.51.100.${i}`;
    // Ten failures, each from another address: no address is over its own limit.
    for (let i = 0; i < ACCOUNT.free; i++) {
      expect((await signIn(app, "nadia@cio-lens.test", "mauvais", address(i))).status).toBe(401);
    }
    expect((await signIn(app, "nadia@cio-lens.test", "mauvais", address(50))).status).toBe(401);
    // The eleventh: a second's wait, for everyone, the owner too.
    const waiting = await signIn(app, "nadia@cio-lens.test", PASSWORD, address(99));
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get("Retry-After")).toBe("1");
    expect((await waiting.json()).error.message).toMatch(/Réessayez dans 1 seconde/);
    clock.advance(1000);
    expect((await signIn(app, "nadia@cio-lens.test", "mauvais", address(51))).status).toBe(401);
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, address(99))).status).toBe(429);
    clock.advance(2000);
    // The owner, once the wait is over: in, and the count starts again.
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, address(99))).status).toBe(200);
    expect(await db.prisma.loginThrottle.count({ where: { key: "account:nadia@cio-lens.test" } })).toBe(0);
    // Another account is not slowed down by it.
    expect((await signIn(app, "paul@cio-lens.test", PASSWORD, address(98))).status).toBe(200);
  });

  it("lets its owner in from a browser she signed in from before, while the attack goes on", async () => {
    await db.prisma.loginThrottle.deleteMany();
    clock.set("2026-10-24T08:00:00Z");
    const app = testApp(db, { clock, config: testConfig({ TRUST_PROXY: "1" }) });
    // Monday at the office: signed in, her browser keeps a proof of it (not the password, not a session).
    const before = await signIn(app, "nadia@cio-lens.test", PASSWORD, "192.0.2.10");
    const device = /rdv-device=([^;]+)/.exec(before.headers.get("set-cookie") ?? "")?.[1] ?? "";
    expect(before.headers.get("set-cookie")).toMatch(/rdv-device=[^;]+;.*HttpOnly/);
    expect(device).not.toContain("nadia");
    // Someone fails on purpose from forty addresses: the account waits 15 minutes…
    for (let i = 0; i < 40; i++) await signIn(app, "nadia@cio-lens.test", "mauvais", `198.51.100.${i}`);
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, "192.0.2.11")).status).toBe(429);
    // …but not for her browser, wherever it is.
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, "192.0.2.12", undefined, `rdv-device=${device}`)).status).toBe(
      200,
    );
    // The proof is hers only: not for another account, and not altered.
    for (let i = 0; i < 40; i++) await signIn(app, "omar@cio-lens.test", "mauvais", `198.51.100.${i}`);
    expect((await signIn(app, "omar@cio-lens.test", PASSWORD, "192.0.2.12", undefined, `rdv-device=${device}`)).status).toBe(429);
    // Her success ended the wait; the attack starts again.
    for (let i = 0; i < 40; i++) await signIn(app, "nadia@cio-lens.test", "mauvais", `198.51.100.${i}`);
    const forged = `rdv-device=${device.slice(0, -2)}xx`;
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, "192.0.2.12", undefined, forged)).status).toBe(429);
    // A stolen proof is worth one address: five wrong passwords through it, from anywhere, and it waits.
    for (let i = 0; i < LIMITS.pair; i++) {
      const wrong = await signIn(app, "nadia@cio-lens.test", "mauvais", `203.0.113.${i}`, undefined, `rdv-device=${device}`);
      expect(wrong.status).toBe(401);
    }
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, "203.0.113.99", undefined, `rdv-device=${device}`)).status).toBe(
      429,
    );
  });

  it("never waits more than 15 minutes, however long the attack", () => {
    expect([10, 11, 12, 13, 20, 21, 40, 1000].map(accountDelayMs)).toEqual([
      0, 1000, 2000, 4000, 512_000, 900_000, 900_000, 900_000,
    ]);
  });

  it("ends the wait with a password reset: a new password makes the guesses pointless", async () => {
    await db.prisma.loginThrottle.upsert({
      where: { key: "account:nadia@cio-lens.test" },
      create: { key: "account:nadia@cio-lens.test", failures: 40, windowStart: clock.now() },
      update: { failures: 40, windowStart: clock.now() },
    });
    const app = testApp(db, { clock });
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, "192.0.2.1")).status).toBe(429);
    const { usePasswordLink } = await import("../../server/auth/password-links.ts");
    const { createHash } = await import("node:crypto");
    const token = "t".repeat(43);
    await db.prisma.passwordLink.create({
      data: {
        id: createHash("sha256").update(token).digest("hex"),
        userId,
        kind: "reset",
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 60_000),
      },
    });
    expect(await usePasswordLink(db, token, await hashPassword(PASSWORD), clock.now())).toBe(userId);
    expect((await signIn(app, "nadia@cio-lens.test", PASSWORD, "192.0.2.1")).status).toBe(200);
  });
});

describe("changing one's password", () => {
  it("allows 5 wrong current passwords in 15 minutes, then waits, even for the right one", async () => {
    await db.prisma.loginThrottle.deleteMany();
    const app = testApp(db, { clock });
    const cookie = `rdv-session=${await openSession(db, userId, clock.now())}`;
    const change = (currentPassword: string) =>
      app.request("/api/auth/password", {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cookie },
        body: JSON.stringify({ currentPassword, newPassword: "un tout autre mot de passe long" }),
      });
    for (let i = 0; i < LIMITS.passwordChange; i++) expect((await change(`faux ${i}`)).status).toBe(422);
    const refused = await change(PASSWORD);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/15 minutes/);
    clock.advance(15 * 60_000);
    expect((await change(PASSWORD)).status).toBe(200);
  });
});

describe("the counters", () => {
  it("are forgotten by the daily housekeeping a day after their last failure", async () => {
    await db.prisma.loginThrottle.deleteMany();
    await db.prisma.loginThrottle.createMany({
      data: [
        { key: "pair:192.0.2.1:x@y.z", failures: 3, windowStart: new Date(clock.now().getTime() - 25 * 3_600_000) },
        { key: "account:x@y.z", failures: 12, windowStart: new Date(clock.now().getTime() - 3_600_000) },
      ],
    });
    const { throttles } = await purgeSpent(testDeps(db, { clock }), clock.now());
    expect(throttles).toBe(1);
    expect((await db.prisma.loginThrottle.findMany()).map((r) => r.key)).toEqual(["account:x@y.z"]);
  });
});

describe("staff answers", () => {
  it("are never kept by a browser or a proxy", async () => {
    const app = testApp(db, { clock });
    const cookie = `rdv-session=${await openSession(db, userId, clock.now())}`;
    for (const path of ["/api/auth/me", "/api/referrals?box=sent", "/api/services"]) {
      const res = await app.request(path, { headers: { Cookie: cookie } });
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
    // The public statistics say how long they may be kept: they name nobody.
    expect((await app.request("/api/statistics")).headers.get("Cache-Control")).toBe("public, max-age=3600");
  });
});
