import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { isSealed } from "../../server/db/sealed.ts";
import { testApp, testConfig } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { OidcBrowser } from "../helpers/oidc-browser.ts";
import { CLIENT_ID, startOidcProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { staffDirectory } from "../helpers/staff.ts";

// ProConnect sign-in against a real OpenID Connect provider on this machine, driven as a browser
// would (helpers/oidc-browser.ts).

const PUBLIC_URL = "http://rdv.test";
const PASSWORD = "cheval agrafe batterie correcte";
const clock = fixedClock("2026-03-23T08:00:00Z");
let db: Database;
let provider: TestProvider;
let app: ReturnType<typeof testApp>;
let fx: Awaited<ReturnType<typeof staffDirectory>>;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await staffDirectory(db, clock.now());
  provider = await startOidcProvider(PUBLIC_URL);
  app = testApp(db, { clock, config: testConfig({ PUBLIC_URL, ...provider.env }) });
  await db.prisma.staffUser.create({
    data: {
      email: "desactive@staff.test",
      firstName: "Dé",
      lastName: "Sactivé",
      active: false,
      memberships: { create: [{ structureId: fx.structure.id, role: "advisor" }] },
    },
  });
  await db.prisma.staffUser.create({ data: { email: "sans-role@staff.test", firstName: "Sans", lastName: "Rôle" } });
  await db.prisma.staffUser.create({
    data: {
      email: "mot-de-passe@staff.test",
      firstName: "Mot",
      lastName: "Depasse",
      regionalAdmin: true,
      passwordHash: await hashPassword(PASSWORD),
    },
  });
});
afterAll(async () => {
  await provider.stop();
  await db.close();
});

/** A new browser, with nothing kept yet. */
const browser = () =>
  new OidcBrowser({ app: (path, init) => app.request(path, init), publicUrl: PUBLIC_URL, issuer: provider.issuer });

describe("ProConnect sign-in", () => {
  it("is on when the three settings are, and off (no button, no start) otherwise", async () => {
    expect(await (await app.request("/api/auth/oidc")).json()).toEqual({ enabled: true });
    const off = testApp(db, { clock });
    expect(await (await off.request("/api/auth/oidc")).json()).toEqual({ enabled: false });
    const refused = await off.request("/api/auth/oidc/start", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.message).toBe("La connexion avec ProConnect n'est pas activée sur ce service.");
  });

  it("asks the provider for a code with PKCE (S256), state, nonce and ProConnect's scopes, bound to this browser", async () => {
    const b = browser();
    const url = new URL(await b.start());
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: "code",
      redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`,
      scope: "openid email given_name usual_name",
      code_challenge_method: "S256",
    });
    for (const name of ["state", "nonce", "code_challenge"]) expect(url.searchParams.get(name)).toMatch(/^[\w-]{43}$/);
    expect(b.appCookies.has("rdv-proconnect")).toBe(true);
  });

  it("finds an account kept with its domain as written, whose address the provider sends in ASCII", async () => {
    await db.prisma.staffUser.create({
      data: { email: "agent@exämple.fr", firstName: "Agent", lastName: "Accent", regionalAdmin: true },
    });
    const b = browser();
    await b.signIn("Agent@XN--EXMPLE-CUA.fr");
    expect(await b.me()).toBe("agent@exämple.fr");
  });

  it("opens the account the provider's address names, whatever its case, and goes back to the page asked for", async () => {
    const b = browser();
    const { location, back } = await b.signIn("Conseil@Staff.TEST", "/espace/agenda?jour=2026-03-24");
    expect(location).toBe("/espace/agenda?jour=2026-03-24");
    expect(await b.me()).toBe("conseil@staff.test");
    expect(b.appCookies.has("rdv-device")).toBe(true);
    const sessions = await db.prisma.staffSession.findMany({ where: { userId: fx.users.advisor.id, revokedAt: null } });
    // Kept sealed: a copy of the database cannot end the provider's session in the agent's name.
    expect(sessions.filter((session) => isSealed(session.idToken))).toHaveLength(1);

    // The same answer from the provider, again (a replayed code): refused, no new session.
    const count = await db.prisma.staffSession.count();
    const replay = browser();
    const again = await replay.get(back);
    expect(again.headers.get("location")).toBe("/connexion?proconnect=expiree");
    expect(await db.prisma.staffSession.count()).toBe(count);
  });

  it("refuses a replay even from the browser that started, and a state that is not this browser's", async () => {
    const b = browser();
    const { back } = await b.throughProvider(await b.start(), "conseil@staff.test");
    const cookie = b.appCookies.header;
    expect((await b.get(back)).headers.get("location")).toBe("/espace");
    const replayed = await app.request(back, { headers: { Cookie: cookie } });
    expect(replayed.headers.get("location")).toBe("/connexion?proconnect=expiree");

    // Someone else's state, or the right one sent to another browser: refused before the provider is asked.
    const victim = browser();
    await victim.start();
    const attacker = browser();
    const { back: attackersBack } = await attacker.throughProvider(await attacker.start(), "region@staff.test");
    expect((await victim.get(attackersBack)).headers.get("location")).toBe("/connexion?proconnect=expiree");
    expect(await victim.me()).toBe(401);
    const wrongState = attackersBack.replace(/state=[^&]+/, "state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await attacker.get(wrongState)).headers.get("location")).toBe("/connexion?proconnect=expiree");
  });

  it("refuses an attempt older than ten minutes", async () => {
    const b = browser();
    const { back } = await b.throughProvider(await b.start(), "conseil@staff.test");
    clock.advance(11 * 60_000);
    try {
      expect((await b.get(back)).headers.get("location")).toBe("/connexion?proconnect=expiree");
    } finally {
      clock.set("2026-03-23T08:00:00Z");
    }
  });

  it("opens no account that an admin did not create and give a role, nor a deactivated one", async () => {
    const unknown = await browser().signIn("inconnu@ailleurs.gouv.fr", "/espace/compte");
    expect(unknown.location).toBe("/connexion?proconnect=inconnu&adresse=inconnu%40ailleurs.gouv.fr&retour=%2Fespace%2Fcompte");
    expect((await browser().signIn("desactive@staff.test")).location).toBe("/connexion?proconnect=desactive");
    expect((await browser().signIn("sans-role@staff.test")).location).toBe("/connexion?proconnect=sans-role");
    expect(await db.prisma.staffUser.count({ where: { email: "inconnu@ailleurs.gouv.fr" } })).toBe(0);
  });

  it("says the provider refused when it answers with an error (the person cancelled)", async () => {
    const b = browser();
    const state = new URL(await b.start()).searchParams.get("state") ?? "";
    const res = await b.get(`/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(res.headers.get("location")).toBe("/connexion?proconnect=erreur");
    expect(await b.me()).toBe(401);
  });

  it("ends the provider's session too at sign-out, and comes back to the sign-in page", async () => {
    const b = browser();
    await b.signIn("region@staff.test");
    const out = await b.post("/api/auth/logout");
    const { endSessionUrl } = await out.json();
    const url = new URL(endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${PUBLIC_URL}/connexion`);
    expect(url.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(await b.me()).toBe(401);

    // The provider accepts the request, asks to confirm, then sends the browser back here.
    const asked = await b.atProvider(endSessionUrl);
    const page = await asked.text();
    expect(asked.status).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const confirmed = await b.postForm(action, { xsrf, logout: "yes" });
    expect(confirmed.headers.get("location")).toMatch(new RegExp(`^${PUBLIC_URL}/connexion\\?state=`));
    // Signed out there too: the next sign-in asks for the login again.
    const { askedLogin } = await b.throughProvider(await b.start(), "region@staff.test");
    expect(askedLogin).toBe(true);

    // A session opened with a password has nothing to end elsewhere.
    const withPassword = browser();
    const login = await withPassword.post("/api/auth/login", { email: "mot-de-passe@staff.test", password: PASSWORD });
    expect(login.status).toBe(200);
    expect(await (await withPassword.post("/api/auth/logout")).json()).toEqual({});
  });

  it("lets one address start 30 sign-ins in a quarter of an hour, then answers 429 until it has passed", async () => {
    const start = () =>
      app.request("/api/auth/oidc/start", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    let last = await start();
    for (let i = 0; i < 40 && last.status === 200; i++) last = await start();
    expect(last.status).toBe(429);
    expect((await last.json()).error.message).toBe(
      "Trop de connexions avec ProConnect commencées depuis cette connexion : réessayez dans un quart d'heure.",
    );
    clock.advance(16 * 60_000);
    expect((await start()).status).toBe(200);
  });
});
