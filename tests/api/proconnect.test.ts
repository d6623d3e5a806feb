import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { isSealed } from "../../server/db/sealed.ts";
import { testApp, testConfig } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { CLIENT_ID, startOidcProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { staffDirectory } from "../helpers/staff.ts";

// ProConnect sign-in against a real OpenID Connect provider on this machine, driven as a browser
// would: the app's and the provider's cookies kept apart, every redirection followed by hand,
// the provider's login form posted.

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

/** One side's cookies, as a browser keeps them. */
class Jar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      if (!value || attributes.some((a) => /max-age=0\b/i.test(a.trim()))) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }
  get header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  has(name: string) {
    return this.cookies.has(name);
  }
}

/** A browser: its cookies for the app and for the provider. */
const browser = () => ({ app: new Jar(), op: new Jar() });
type Browser = ReturnType<typeof browser>;

const appGet = async (b: Browser, path: string) => b.app.take(await app.request(path, { headers: { Cookie: b.app.header } }));
const appPost = async (b: Browser, path: string, body: unknown = {}) =>
  b.app.take(
    await app.request(path, {
      method: "POST",
      headers: { Cookie: b.app.header, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
const opFetch = async (b: Browser, url: string, init: RequestInit = {}) =>
  b.op.take(await fetch(url, { ...init, redirect: "manual", headers: { ...init.headers, Cookie: b.op.header } }));

/** Asks the app to start, and gives the provider's authorization address. */
async function start(b: Browser, retour?: string): Promise<string> {
  const res = await appPost(b, "/api/auth/oidc/start", retour ? { retour } : {});
  expect(res.status).toBe(200);
  return (await res.json()).url;
}

/**
 * Follows the provider from `url` as a browser would, signing in as `login` on its login page
 * when it shows one, until it sends the browser back to the app: that address (path and query).
 */
async function throughProvider(b: Browser, url: string, login?: string): Promise<{ back: string; askedLogin: boolean }> {
  let next = url;
  let askedLogin = false;
  for (let hops = 0; hops < 10; hops++) {
    if (next.startsWith(PUBLIC_URL)) return { back: next.slice(PUBLIC_URL.length), askedLogin };
    const res = await opFetch(b, new URL(next, provider.issuer).href);
    const location = res.headers.get("location");
    if (location) {
      next = new URL(location, next).href;
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (res.status !== 200 || !action || !page.includes('name="login"') || !login)
      throw new Error(`provider: ${res.status} ${page}`);
    askedLogin = true;
    const posted = await opFetch(b, new URL(action, provider.issuer).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "peu importe" }).toString(),
    });
    next = new URL(posted.headers.get("location") ?? "", next).href;
  }
  throw new Error("the provider never sent the browser back");
}

/** A whole sign-in as `login`: where the app's callback sends the browser. */
async function signIn(b: Browser, login: string, retour?: string) {
  const { back } = await throughProvider(b, await start(b, retour), login);
  const res = await appGet(b, back);
  expect(res.status).toBe(302);
  return { location: res.headers.get("location") ?? "", back };
}

const me = async (b: Browser) => {
  const res = await appGet(b, "/api/auth/me");
  return res.status === 200 ? (await res.json()).user.email : res.status;
};

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
    const url = new URL(await start(b));
    expect(url.origin).toBe(provider.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: "code",
      redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`,
      scope: "openid email given_name usual_name",
      code_challenge_method: "S256",
    });
    for (const name of ["state", "nonce", "code_challenge"]) expect(url.searchParams.get(name)).toMatch(/^[\w-]{43}$/);
    expect(b.app.has("rdv-proconnect")).toBe(true);
  });

  it("opens the account the provider's address names, whatever its case, and goes back to the page asked for", async () => {
    const b = browser();
    const { location, back } = await signIn(b, "Conseil@Staff.TEST", "/espace/agenda?jour=2026-03-24");
    expect(location).toBe("/espace/agenda?jour=2026-03-24");
    expect(await me(b)).toBe("conseil@staff.test");
    expect(b.app.has("rdv-device")).toBe(true);
    const sessions = await db.prisma.staffSession.findMany({ where: { userId: fx.users.advisor.id, revokedAt: null } });
    // Kept sealed: a copy of the database cannot end the provider's session in the agent's name.
    expect(sessions.filter((session) => isSealed(session.idToken))).toHaveLength(1);

    // The same answer from the provider, again (a replayed code): refused, no new session.
    const count = await db.prisma.staffSession.count();
    const replay = browser();
    const again = await appGet(replay, back);
    expect(again.headers.get("location")).toBe("/connexion?proconnect=expiree");
    expect(await db.prisma.staffSession.count()).toBe(count);
  });

  it("refuses a replay even from the browser that started, and a state that is not this browser's", async () => {
    const b = browser();
    const { back } = await throughProvider(b, await start(b), "conseil@staff.test");
    const cookie = b.app.header;
    expect((await appGet(b, back)).headers.get("location")).toBe("/espace");
    const replayed = await app.request(back, { headers: { Cookie: cookie } });
    expect(replayed.headers.get("location")).toBe("/connexion?proconnect=expiree");

    // Someone else's state, or the right one sent to another browser: refused before the provider is asked.
    const victim = browser();
    await start(victim);
    const attacker = browser();
    const { back: attackersBack } = await throughProvider(attacker, await start(attacker), "region@staff.test");
    expect((await appGet(victim, attackersBack)).headers.get("location")).toBe("/connexion?proconnect=expiree");
    expect(await me(victim)).toBe(401);
    const wrongState = attackersBack.replace(/state=[^&]+/, "state=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await appGet(attacker, wrongState)).headers.get("location")).toBe("/connexion?proconnect=expiree");
  });

  it("refuses an attempt older than ten minutes", async () => {
    const b = browser();
    const { back } = await throughProvider(b, await start(b), "conseil@staff.test");
    clock.advance(11 * 60_000);
    try {
      expect((await appGet(b, back)).headers.get("location")).toBe("/connexion?proconnect=expiree");
    } finally {
      clock.set("2026-03-23T08:00:00Z");
    }
  });

  it("opens no account that an admin did not create and give a role, nor a deactivated one", async () => {
    const unknown = await signIn(browser(), "inconnu@ailleurs.gouv.fr", "/espace/compte");
    expect(unknown.location).toBe("/connexion?proconnect=inconnu&adresse=inconnu%40ailleurs.gouv.fr&retour=%2Fespace%2Fcompte");
    expect((await signIn(browser(), "desactive@staff.test")).location).toBe("/connexion?proconnect=desactive");
    expect((await signIn(browser(), "sans-role@staff.test")).location).toBe("/connexion?proconnect=sans-role");
    expect(await db.prisma.staffUser.count({ where: { email: "inconnu@ailleurs.gouv.fr" } })).toBe(0);
  });

  it("says the provider refused when it answers with an error (the person cancelled)", async () => {
    const b = browser();
    const state = new URL(await start(b)).searchParams.get("state") ?? "";
    const res = await appGet(b, `/api/auth/oidc/callback?error=access_denied&state=${state}`);
    expect(res.headers.get("location")).toBe("/connexion?proconnect=erreur");
    expect(await me(b)).toBe(401);
  });

  it("ends the provider's session too at sign-out, and comes back to the sign-in page", async () => {
    const b = browser();
    await signIn(b, "region@staff.test");
    const out = await appPost(b, "/api/auth/logout");
    const { endSessionUrl } = await out.json();
    const url = new URL(endSessionUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${PUBLIC_URL}/connexion`);
    expect(url.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(await me(b)).toBe(401);

    // The provider accepts the request, asks to confirm, then sends the browser back here.
    const asked = await opFetch(b, endSessionUrl);
    const page = await asked.text();
    expect(asked.status).toBe(200);
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? "";
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
    const confirmed = await opFetch(b, new URL(action, provider.issuer).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ xsrf, logout: "yes" }).toString(),
    });
    expect(confirmed.headers.get("location")).toMatch(new RegExp(`^${PUBLIC_URL}/connexion\\?state=`));
    // Signed out there too: the next sign-in asks for the login again.
    const { askedLogin } = await throughProvider(b, await start(b), "region@staff.test");
    expect(askedLogin).toBe(true);

    // A session opened with a password has nothing to end elsewhere.
    const withPassword = browser();
    const login = await appPost(withPassword, "/api/auth/login", { email: "mot-de-passe@staff.test", password: PASSWORD });
    expect(login.status).toBe(200);
    expect(await (await appPost(withPassword, "/api/auth/logout")).json()).toEqual({});
  });

  // Last: the provider stays down.
  it("when the provider is down, says so in French, and the password still signs in", async () => {
    const b = browser();
    const { back } = await throughProvider(b, await start(b), "conseil@staff.test");
    await provider.stop();
    // The code came back, but the provider cannot exchange it.
    expect((await appGet(b, back)).headers.get("location")).toBe("/connexion?proconnect=indisponible");
    const refused = await appPost(b, "/api/auth/oidc/start");
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.message).toBe("ProConnect ne répond pas : connectez-vous avec votre mot de passe.");
    const login = await appPost(b, "/api/auth/login", { email: "mot-de-passe@staff.test", password: PASSWORD });
    expect(login.status).toBe(200);
    expect(await me(b)).toBe("mot-de-passe@staff.test");
  });
});
