import { afterAll, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/password.ts";
import { openDatabase } from "../../server/db/database.ts";
import { createPostgresqlUrl, TEST_DATABASE_URL } from "../helpers/db.ts";
import { OidcBrowser } from "../helpers/oidc-browser.ts";
import { providerEnv, startOidcProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { freePort, killAllServers, type ServerProcess, startServer } from "./harness.ts";

// ProConnect down under a running server (a process, as `npm start` runs it): the sign-in under
// way is refused with the reason, the button says so in French (503), the password still signs
// in; the provider back — new keys, its sessions lost — and ProConnect works again, without a
// restart of ours.

const PASSWORD = "cheval agrafe batterie correcte";

afterAll(killAllServers);

it("the provider down: a French refusal, the password still works; back up: ProConnect works again", {
  timeout: 120_000,
}, async ({ skip }) => {
  skip(!TEST_DATABASE_URL, "needs PostgreSQL: set TEST_DATABASE_URL");
  const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
  const db = await openDatabase({ kind: "postgresql", url, poolSize: 2 });
  const providerPort = await freePort();
  let server: ServerProcess | undefined;
  let provider: TestProvider | undefined;
  try {
    server = await startServer({ DATABASE_URL: url, ...providerEnv(providerPort) }); // which migrates the database
    provider = await startOidcProvider(server.url, { port: providerPort });
    await db.prisma.staffUser.create({
      data: { email: "agente@region.test", firstName: "Agnès", lastName: "Publique", regionalAdmin: true },
    });
    await db.prisma.staffUser.create({
      data: {
        email: "mot-de-passe@region.test",
        firstName: "Mot",
        lastName: "Depasse",
        regionalAdmin: true,
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    const { url: publicUrl } = server;
    const browser = () =>
      new OidcBrowser({
        app: (path, init) => fetch(`${publicUrl}${path}`, { ...init, redirect: "manual" }),
        publicUrl,
        issuer: provider?.issuer ?? "",
      });

    const before = browser();
    expect((await before.signIn("agente@region.test")).location).toBe("/espace");
    expect(await before.me()).toBe("agente@region.test");

    // Down between the provider's answer and our callback, then for the next sign-in.
    const caught = browser();
    const { back } = await caught.throughProvider(await caught.start(), "agente@region.test");
    await provider.stop();
    expect((await caught.get(back)).headers.get("location")).toBe("/connexion?proconnect=indisponible");
    const refused = await caught.post("/api/auth/oidc/start");
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.message).toBe("ProConnect ne répond pas : connectez-vous avec votre mot de passe.");
    expect((await caught.post("/api/auth/login", { email: "mot-de-passe@region.test", password: PASSWORD })).status).toBe(200);
    expect(await caught.me()).toBe("mot-de-passe@region.test");
    // A session opened before the outage goes on.
    expect(await before.me()).toBe("agente@region.test");

    // Back, with new signing keys: discovered again, they are taken.
    provider = await startOidcProvider(server.url, { port: providerPort });
    const after = browser();
    expect((await after.signIn("agente@region.test", "/espace/compte")).location).toBe("/espace/compte");
    expect(await after.me()).toBe("agente@region.test");
  } finally {
    await provider?.stop().catch(() => {});
    await server?.stop();
    await db.close();
    await drop();
  }
});
