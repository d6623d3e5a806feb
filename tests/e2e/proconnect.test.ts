import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort } from "../helpers/net.ts";
import { providerEnv, startOidcProvider, type TestProvider } from "../helpers/oidc-provider.ts";
import { type Harness, horizontalOverflow, startHarness } from "./harness.ts";
import { expectAxeClean } from "./staff-helpers.ts";

// ProConnect sign-in in Chromium, through a real OpenID Connect provider's own pages.

let harness: Harness;
let provider: TestProvider;

beforeAll(async () => {
  const port = await freePort();
  harness = await startHarness({ env: providerEnv(port) });
  provider = await startOidcProvider(harness.baseUrl, { port });
  await harness.db.prisma.staffUser.create({
    data: { email: "agente@region.test", firstName: "Agnès", lastName: "Publique", regionalAdmin: true },
  });
});

afterAll(async () => {
  await provider?.stop();
  await harness?.close();
});

const proConnectButton = (page: Page) => page.getByRole("button", { name: "S'identifier avec ProConnect" });

/** On the provider's own login page (any login goes; it becomes the asserted address). */
async function signInAtProvider(page: Page, login: string) {
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("peu importe");
  await page.locator('button[type="submit"]').click();
}

test("an agent signs in with ProConnect, signs out of both, and an address without an account is told so", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto("/connexion?retour=%2Fespace%2Fcompte");
  await proConnectButton(page).waitFor();
  await expectAxeClean(page, "sign-in page with ProConnect");

  await proConnectButton(page).click();
  await signInAtProvider(page, "Agente@Region.test");
  await page.waitForURL(`${harness.baseUrl}/espace/compte`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  expect(await page.getByRole("main").textContent()).toContain("agente@region.test");

  // Signing out goes through the provider, which ends its session too, and back here.
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.getByRole("button", { name: "Oui, me déconnecter" }).click();
  await page.waitForURL(`${harness.baseUrl}/connexion**`);
  await proConnectButton(page).waitFor();
  expect((await page.request.get(`${harness.baseUrl}/api/auth/me`)).status()).toBe(401);

  // The provider asks who it is again: someone else at this computer, without an account here.
  await proConnectButton(page).click();
  await signInAtProvider(page, "inconnu@ailleurs.gouv.fr");
  await page.waitForURL(`${harness.baseUrl}/connexion?proconnect=inconnu**`);
  const refusal = page.getByRole("alert");
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain(
    "Aucun compte n'existe pour l'adresse inconnu@ailleurs.gouv.fr : demandez une invitation à l'administrateur de votre structure.",
  );
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page)).toBe(0);
  await expectAxeClean(page, "sign-in page with a ProConnect refusal at 320 px");

  // The provider down: the button says so where it is, and the password form is still there.
  await provider.stop();
  await proConnectButton(page).click();
  await page.getByText("ProConnect ne répond pas : connectez-vous avec votre mot de passe.").waitFor();
  expect(page.url()).toContain(`${harness.baseUrl}/connexion`);
  await page.getByLabel("Mot de passe", { exact: true }).waitFor();

  expect(problems.filter((problem) => problem.startsWith("exception") || /Content Security Policy/i.test(problem))).toEqual([]);
  await close();
});
