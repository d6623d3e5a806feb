import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import { LINK_LIFETIME_MS, RESETS_PER_WINDOW } from "../../server/auth/password-links.ts";
import { LIMITS } from "../../server/auth/throttle.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { carryOutTasks, messageOf, testApp, testDeps } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

const OLD = "cheval agrafe batterie correcte";
const NEW = "un tout autre mot de passe long";
let db: Database;
let app: ReturnType<typeof testApp>;
const clock = fixedClock("2026-10-24T08:00:00Z");
let userId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  userId = (
    await db.prisma.staffUser.create({
      data: {
        email: "nadia.benali@cio-lens.test",
        firstName: "Nadia",
        lastName: "Benali",
        passwordHash: await hashPassword(OLD),
      },
    })
  ).id;
  app = testApp(db, { clock });
});
afterAll(() => db.close());
beforeEach(async () => {
  clock.set("2026-10-24T08:00:00Z");
  await db.prisma.loginThrottle.deleteMany();
  await db.prisma.passwordLink.deleteMany();
  await db.prisma.outboxMessage.deleteMany();
});

const post = (path: string, body: unknown, { cookie = "", address = "192.0.2.10" } = {}) =>
  app.request(
    `/api/auth/${path}`,
    { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: address } } },
  );
const cookieOf = (res: Response) => (res.headers.get("Set-Cookie") ?? "").split(";")[0] as string;

/** The resets asked for, carried out as the outbox worker does. */
const carriedOut = () => carryOutTasks(testDeps(db, { clock }));

/** The token of the last link e-mailed to the user, read from the message as they would. */
async function lastLinkToken(): Promise<string> {
  await carriedOut();
  const message = await db.prisma.outboxMessage.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  const { text } = messageOf(message);
  const match = /\/connexion\/mot-de-passe#([A-Za-z0-9_-]{43})/.exec(text);
  if (!match?.[1]) throw new Error(`no link in: ${text}`);
  return match[1];
}

describe("forgotten password", () => {
  it("answers the same whether the account exists or not, and e-mails a link only to a real account", async () => {
    const known = await post("password-reset", { email: " Nadia.Benali@cio-lens.test" });
    const unknown = await post("password-reset", { email: "personne@nulle-part.test" });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(await known.json()).toEqual(await unknown.json());
    // The same work either way: the request is queued; nothing is looked up before answering.
    const queued = await db.prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
    expect(queued.map((m) => [m.type, m.recipient])).toEqual([
      ["staff.reset_asked", "nadia.benali@cio-lens.test"],
      ["staff.reset_asked", "personne@nulle-part.test"],
    ]);
    await carriedOut();
    const messages = await db.prisma.outboxMessage.findMany();
    expect(messages.map((m) => [m.type, m.recipient])).toEqual([["staff.reset", "nadia.benali@cio-lens.test"]]);
    const token = await lastLinkToken();
    const [link] = await db.prisma.passwordLink.findMany();
    expect(link?.id).not.toContain(token); // only the hash is stored
    expect(link?.expiresAt.getTime()).toBe(clock.now().getTime() + 30 * 60_000);
  });

  it("sets the new password once: signs in, ends the other sessions, and the link is then dead", async () => {
    const before = cookieOf(await post("login", { email: "nadia.benali@cio-lens.test", password: OLD }));
    await post("password-reset", { email: "nadia.benali@cio-lens.test" });
    const token = await lastLinkToken();
    const check = await post("password-link", { token });
    expect(await check.json()).toEqual({ kind: "reset", email: "nadia.benali@cio-lens.test", firstName: "Nadia" });

    const used = await post("password-link/use", { token, newPassword: NEW });
    expect(used.status).toBe(200);
    const after = cookieOf(used);
    expect((await app.request("/api/auth/me", { headers: { Cookie: after } })).status).toBe(200);
    expect((await app.request("/api/auth/me", { headers: { Cookie: before } })).status).toBe(401);
    expect((await post("login", { email: "nadia.benali@cio-lens.test", password: OLD })).status).toBe(401);
    expect((await post("login", { email: "nadia.benali@cio-lens.test", password: NEW })).status).toBe(200);

    const again = await post("password-link/use", { token, newPassword: "encore un autre mot de passe" });
    expect(again.status).toBe(404);
    expect((await again.json()).error.message).toMatch(/déjà servi ou il a expiré/);
    expect((await post("password-link", { token })).status).toBe(404);
    const audit = await db.prisma.auditEvent.findMany({ where: { entityId: userId } });
    expect(audit.map((e) => [e.action, e.actorId, e.details])).toEqual([["user.password_set", userId, null]]);
    await db.prisma.staffUser.update({ where: { id: userId }, data: { passwordHash: await hashPassword(OLD) } });
  });

  it("lets one of two simultaneous uses win, never both", async () => {
    await post("password-reset", { email: "nadia.benali@cio-lens.test" });
    const token = await lastLinkToken();
    const results = await Promise.all([
      post("password-link/use", { token, newPassword: NEW }),
      post("password-link/use", { token, newPassword: "une seconde tentative concurrente" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    await db.prisma.staffUser.update({ where: { id: userId }, data: { passwordHash: await hashPassword(OLD) } });
  });

  it("expires after 30 minutes", async () => {
    await post("password-reset", { email: "nadia.benali@cio-lens.test" });
    const token = await lastLinkToken();
    clock.advance(LINK_LIFETIME_MS.reset);
    expect((await post("password-link", { token })).status).toBe(404);
    expect((await post("password-link/use", { token, newPassword: NEW })).status).toBe(404);
  });

  it("refuses a weak password and keeps the link usable", async () => {
    await post("password-reset", { email: "nadia.benali@cio-lens.test" });
    const token = await lastLinkToken();
    const weak = await post("password-link/use", { token, newPassword: "trop court" });
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.fields.newPassword).toBeTruthy();
    expect((await post("password-link", { token })).status).toBe(200);
  });

  it("sends at most a few links per account, then says the same without sending", async () => {
    for (let i = 0; i < RESETS_PER_WINDOW + 2; i++) {
      expect((await post("password-reset", { email: "nadia.benali@cio-lens.test" })).status).toBe(200);
    }
    await carriedOut();
    expect(await db.prisma.outboxMessage.count()).toBe(RESETS_PER_WINDOW);
  });

  it("slows down an address that asks too often", async () => {
    for (let i = 0; i < LIMITS.resetRequests; i++) {
      expect((await post("password-reset", { email: `x${i}@nulle-part.test` })).status).toBe(200);
    }
    expect((await post("password-reset", { email: "y@nulle-part.test" })).status).toBe(429);
    expect((await post("password-reset", { email: "y@nulle-part.test" }, { address: "192.0.2.99" })).status).toBe(200);
  });

  it("refuses a deactivated account's link", async () => {
    await post("password-reset", { email: "nadia.benali@cio-lens.test" });
    const token = await lastLinkToken();
    await db.prisma.staffUser.update({ where: { id: userId }, data: { active: false } });
    expect((await post("password-link/use", { token, newPassword: NEW })).status).toBe(404);
    await db.prisma.staffUser.update({ where: { id: userId }, data: { active: true } });
  });

  it("rejects malformed tokens and unknown fields with 4xx", async () => {
    expect((await post("password-reset", { email: "pas-une-adresse" })).status).toBe(422);
    expect((await post("password-link", { token: "../../etc" })).status).toBe(404);
    expect((await post("password-link/use", { token: "x", newPassword: NEW, userId })).status).toBe(422);
  });
});
