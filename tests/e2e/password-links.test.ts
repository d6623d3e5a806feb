import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { issuePasswordLink } from "../../server/auth/password-links.ts";
import { fixedClock } from "../../server/clock.ts";
import { carryOutTasks, messageOf, TEST_SECRET, testDeps } from "../helpers/app.ts";
import { focused, NOW, normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, signIn, useStaffHarness } from "./staff-helpers.ts";

// Forgotten password and invitation links, as a person lives them: the e-mail is read from the
// outbox, where the server queued it, and its link opened in the browser.

const SENT =
  "Si un compte existe pour cette adresse, un lien pour choisir un nouveau mot de passe vient d'y être envoyé. Il est valable 30 minutes.";
const staff = useStaffHarness();

/** The token of the last reset (or invitation) e-mail queued for `email`, read from the link in its text. */
async function resetToken(email: string, type = "staff.reset"): Promise<string> {
  // The server's outbox worker issues a reset link within a second of the request; here, now.
  await carryOutTasks(testDeps(staff.harness.db, { clock: fixedClock(NOW) }));
  const message = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { type, recipient: email },
    orderBy: { createdAt: "desc" },
  });
  const { text } = messageOf(message);
  const token = text.match(/\/connexion\/mot-de-passe#([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no link in the e-mail:\n${text}`);
  return token;
}

async function requestLink(page: Page, email: string) {
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await page.getByText("Si un compte existe pour cette adresse").waitFor();
}

test("a forgotten password: ask for a link, open it, choose a password, then sign in with it", async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/connexion");
  await page.locator("h1").waitFor();
  await expectAccessibleAtEveryWidth(page, "sign-in page");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
  expect(await page.title()).toBe("Mot de passe oublié — RDV Orientation");
  await expectAccessibleAtEveryWidth(page, "forgotten-password page");

  // Nothing typed: the error summary says so, and takes the focus.
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await page.getByRole("link", { name: "Saisissez votre adresse électronique." }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
  await expectAccessibleAtEveryWidth(page, "forgotten-password page with an error");

  await requestLink(page, "admin-structure@demo.example");
  expect(normalise(await page.getByRole("status").textContent())).toContain(normalise(SENT));
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("status");
  await expectAccessibleAtEveryWidth(page, "forgotten-password page, link sent");

  // The e-mail's link; the token leaves the address bar at once.
  const token = await resetToken("admin-structure@demo.example");
  await page.goto(`/connexion/mot-de-passe#${token}`);
  await page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" }).waitFor();
  expect(page.url()).not.toContain("#");
  expect(page.url()).toMatch(/\/connexion\/mot-de-passe$/);
  expect(normalise(await page.getByRole("main").textContent())).toContain("admin-structure@demo.example");
  await expect(page.getByLabel("Nouveau mot de passe").getAttribute("autocomplete")).resolves.toBe("new-password");
  await expectAccessibleAtEveryWidth(page, "new-password page");

  // Two different passwords, then a common one: each refused on its field.
  await page.getByLabel("Nouveau mot de passe").fill("une phrase pour Chloé");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase pour Chloe");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await page.getByRole("link", { name: "Les deux mots de passe saisis sont différents." }).waitFor();
  await expectAccessibleAtEveryWidth(page, "new-password page with an error");
  await page.getByLabel("Nouveau mot de passe").fill("qwerty123456");
  await page.getByLabel("Confirmation du mot de passe").fill("qwerty123456");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await page.getByRole("link", { name: /fait partie des plus courants/ }).waitFor();

  await page.getByLabel("Nouveau mot de passe").fill("une phrase pour Chloé");
  await page.getByLabel("Confirmation du mot de passe").fill("une phrase pour Chloé");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await page.waitForURL("**/espace");
  await page.getByRole("heading", { level: 1, name: "Bonjour Chloé" }).waitFor();

  await page.getByRole("banner").getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await page.waitForURL("**/connexion");
  await signIn(page, "admin-structure@demo.example", "une phrase pour Chloé");
  await page.getByRole("heading", { level: 1, name: "Bonjour Chloé" }).waitFor();

  // The link worked once.
  await page.goto(`/connexion/mot-de-passe#${token}`);
  await page.getByRole("heading", { level: 1, name: "Ce lien n'est plus valable" }).waitFor();
  expect(problems.filter((problem) => !/40[14]|422/.test(problem))).toEqual([]);
  await close();
});

test("a dead or incomplete link says so, and leads to a new one", async () => {
  const { page, close } = await staff.harness.openPage();
  for (const path of [`/connexion/mot-de-passe#${"A".repeat(43)}`, "/connexion/mot-de-passe"]) {
    await page.goto(path);
    await page.getByRole("heading", { level: 1, name: "Ce lien n'est plus valable" }).waitFor();
    expect(page.url()).not.toContain("#");
    await expectAccessibleAtEveryWidth(page, `dead link (${path})`);
  }
  await page.getByRole("link", { name: "Demander un nouveau lien" }).click();
  await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
  await close();
});

test("the forgotten-password form is completed with the keyboard only", async () => {
  const { page, close } = await staff.harness.openPage({ width: 320, height: 640 });
  await page.goto("/connexion");
  await page.locator("h1").waitFor();
  await tabTo(page, (focus) => focus.tag === "a" && focus.name === "Mot de passe oublié ?");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
  await tabTo(page, (focus) => focus.tag === "input" && focus.name === "Adresse électronique");
  await page.keyboard.type("conseiller@demo.example");
  await page.keyboard.press("Enter");
  await page.getByText("Si un compte existe pour cette adresse").waitFor();
  // The focus is on the answer, so that a screen reader reads it and the keyboard starts there.
  expect(normalise((await focused(page)).name)).toContain(normalise(SENT));
  expect(await resetToken("conseiller@demo.example")).toHaveLength(43);
  await close();
});

test("an invitation link: the person creates their password and lands in their space", async () => {
  const user = await staff.harness.db.prisma.staffUser.findUniqueOrThrow({ where: { email: "partenaire@demo.example" } });
  // Accounts are opened by an administrator; here the server's own function issues the link.
  await staff.harness.db.prisma.$transaction((tx) =>
    issuePasswordLink(tx, user, "invitation", { now: new Date(NOW), publicUrl: staff.harness.baseUrl, secret: TEST_SECRET }),
  );
  const token = await resetToken("partenaire@demo.example", "staff.invitation");
  const { page, close } = await staff.harness.openPage();
  await page.goto(`/connexion/mot-de-passe#${token}`);
  await page.getByRole("heading", { level: 1, name: "Créer votre mot de passe" }).waitFor();
  expect(await page.title()).toBe("Créer votre mot de passe — RDV Orientation");
  expect(normalise(await page.getByRole("main").textContent())).toContain("partenaire@demo.example");
  await page.getByLabel("Mot de passe", { exact: true }).fill("la phrase de Farid");
  await page.getByLabel("Confirmation du mot de passe").fill("la phrase de Farid");
  await page.getByRole("button", { name: "Créer le mot de passe" }).click();
  await page.getByRole("heading", { level: 1, name: "Bonjour Farid" }).waitFor();
  expect(normalise(await page.getByRole("banner").textContent())).toContain("Farid Partenaire");
  await close();
});

// Last: it spends this address's allowance of requests for the rest of the file.
test("too many requests from one address are refused with the error summary", async () => {
  for (let request = 0; request < 20; request++) {
    await fetch(`${staff.harness.baseUrl}/api/auth/password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `personne${request}@exemple.fr` }),
    });
  }
  const { page, close } = await staff.harness.openPage();
  await page.goto("/connexion/mot-de-passe-oublie");
  await page.locator("h1").waitFor();
  await page.getByLabel("Adresse électronique").fill("accueil@demo.example");
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  const summary = page.getByRole("alert");
  await summary.waitFor();
  expect(normalise(await summary.textContent())).toContain("Trop de demandes depuis cette connexion");
  expect(await page.getByText("Si un compte existe").count()).toBe(0);
  await expectAxeClean(page, "forgotten-password page, too many requests");
  await close();
});
