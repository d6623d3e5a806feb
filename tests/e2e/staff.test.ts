import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { seedDemoAccounts } from "../../prisma/seed/demo-accounts.ts";
import { type Harness, horizontalOverflow, normalise, settled, startHarness } from "./harness.ts";
import { expectAxeClean, PASSWORD, signIn } from "./staff-helpers.ts";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  await seedDemoAccounts(harness.db.prisma, PASSWORD);
});

afterAll(async () => {
  await harness?.close();
});

const staffNav = (page: Page) => page.getByRole("navigation", { name: "Votre espace" });

test("an advisor signs in with the keyboard, sees their roles and only their areas, then signs out", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto("/");
  await settled(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Espace professionnel" }).click();
  await page.waitForURL("**/connexion");
  expect(await page.title()).toBe("Connexion à l'espace professionnel — RDV Orientation");
  await expect(page.getByLabel("Adresse électronique").getAttribute("autocomplete")).resolves.toBe("username");
  await expect(page.getByLabel("Mot de passe", { exact: true }).getAttribute("autocomplete")).resolves.toBe("current-password");
  await expectAxeClean(page, "sign-in page");

  // Wrong password: the error summary says so, and takes the focus.
  await signIn(page, "conseiller@demo.example", "not-the-password");
  const summary = page.getByRole("alert");
  await summary.waitFor();
  expect(await summary.textContent()).toContain("Adresse électronique ou mot de passe incorrect.");
  expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
  await expectAxeClean(page, "sign-in page with an error");

  // The show-password toggle.
  await page.getByLabel("Mot de passe", { exact: true }).fill("abc");
  await page.getByLabel("Afficher le mot de passe").check();
  await expect(page.getByLabel("Mot de passe", { exact: true }).getAttribute("type")).resolves.toBe("text");

  await signIn(page, "conseiller@demo.example", PASSWORD);
  await page.waitForURL("**/espace");
  await page.getByRole("heading", { level: 1, name: "Bonjour David" }).waitFor();
  await settled(page);
  const main = page.getByRole("main");
  expect(await main.textContent()).toMatch(/Conseiller·ère — \S/);
  const nav = staffNav(page);
  expect(await nav.getByRole("link", { name: "Mon compte" }).count()).toBe(1);
  expect(await nav.getByRole("link", { name: "Agenda" }).getAttribute("href")).toBe("/espace/agenda");
  // Referrals are open to every membership; the reception desk is not an advisor's.
  expect(await nav.getByRole("link", { name: "Orientations" }).getAttribute("href")).toBe("/espace/orientations");
  expect(await nav.textContent()).not.toContain("Accueil");
  expect(await nav.textContent()).not.toContain("Tableaux de bord");
  expect(await nav.textContent()).not.toContain("Annuaire");
  await expectAxeClean(page, "staff home at 1280 px");

  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page)).toBe(0);
  await expectAxeClean(page, "staff home at 320 px");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL("**/connexion");
  await page.locator("h1").waitFor();
  await page.goto("/espace");
  await page.waitForURL("**/connexion");
  await page.getByRole("heading", { level: 1, name: "Connexion à l'espace professionnel" }).waitFor();
  expect(problems.filter((problem) => !problem.includes("401"))).toEqual([]);
  await close();
});

test("the regional admin sees the region's areas", async () => {
  const { page, close } = await harness.openPage();
  await signIn(page, "admin@demo.example", PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Bonjour Anne" }).waitFor();
  expect(await page.getByRole("main").textContent()).toContain("Administration régionale");
  const nav = await staffNav(page).textContent();
  expect(nav).toContain("Tableaux de bord");
  expect(nav).toContain("Annuaire");
  expect(nav).toContain("Mon compte");
  await close();
});

test("a staff member changes their password; the old one no longer signs in", async () => {
  const { page, close } = await harness.openPage();
  await signIn(page, "accueil@demo.example", PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Bonjour Emma" }).waitFor();
  await staffNav(page).getByRole("link", { name: "Mon compte" }).click();
  await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
  await expect(page.getByLabel("Nouveau mot de passe").getAttribute("autocomplete")).resolves.toBe("new-password");
  expect(await page.getByRole("main").textContent()).toContain("Au moins 12 caractères");
  await expectAxeClean(page, "account page at 1280 px");

  // A wrong current password is refused on its field.
  await page.getByLabel("Mot de passe actuel").fill("wrong-password-123");
  await page.getByLabel("Nouveau mot de passe").fill("une autre phrase secrète");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await page.getByRole("link", { name: "Le mot de passe actuel est incorrect." }).waitFor();
  await expectAxeClean(page, "account page with an error");

  await page.getByLabel("Mot de passe actuel").fill(PASSWORD);
  await page.getByLabel("Nouveau mot de passe").fill("une autre phrase secrète");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await page.getByText("Votre mot de passe a été changé.").waitFor();
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page)).toBe(0);
  await expectAxeClean(page, "account page at 320 px");

  await page.getByRole("button", { name: "Se déconnecter de tous les appareils" }).click();
  await page.waitForURL("**/connexion");

  await signIn(page, "accueil@demo.example", PASSWORD);
  await page.getByRole("alert").waitFor();
  expect(await page.getByRole("alert").textContent()).toContain("incorrect");

  await signIn(page, "accueil@demo.example", "une autre phrase secrète");
  await page.getByRole("heading", { level: 1, name: "Bonjour Emma" }).waitFor();
  await close();
});

test("the header says who is signed in, opens their account and signs out, at 320 px too", async () => {
  const { page, close } = await harness.openPage({ width: 320, height: 640 });
  await signIn(page, "partenaire@demo.example", PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Bonjour Farid" }).waitFor();
  const banner = page.getByRole("banner");
  expect(normalise(await banner.textContent())).toContain("Farid Partenaire");
  expect(await horizontalOverflow(page)).toBe(0);
  await expectAxeClean(page, "staff home, header with the account, at 320 px");

  await banner.getByRole("link", { name: "Mon compte" }).click();
  await page.getByRole("heading", { level: 1, name: "Mon compte" }).waitFor();
  expect(await banner.getByRole("link", { name: "Mon compte" }).getAttribute("aria-current")).toBe("page");
  expect(normalise(await banner.textContent())).toContain("Farid Partenaire");
  expect(await horizontalOverflow(page)).toBe(0);
  await expectAxeClean(page, "account page at 320 px");

  // From anywhere in the space, the header leads back to its home.
  await banner.getByRole("link", { name: "Espace professionnel" }).click();
  await page.getByRole("heading", { level: 1, name: "Bonjour Farid" }).waitFor();
  expect(await banner.getByRole("link", { name: "Espace professionnel" }).getAttribute("aria-current")).toBe("page");

  await banner.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Connexion à l'espace professionnel" }).waitFor();
  // Outside the staff area, the header carries nothing of it.
  expect(normalise(await banner.textContent())).not.toContain("Farid");
  expect(await banner.getByRole("button").count()).toBe(0);
  await close();
});

test("/connexion goes on to the staff space when already signed in", async () => {
  const { page, close } = await harness.openPage();
  await signIn(page, "coordination@demo.example", PASSWORD);
  await page.getByRole("heading", { level: 1, name: "Bonjour Bruno" }).waitFor();
  await page.goto("/connexion");
  await page.waitForURL("**/espace");
  await page.getByRole("heading", { level: 1, name: "Bonjour Bruno" }).waitFor();
  await close();
});
