import { expect, test } from "vitest";
import { normalise, settled } from "./harness.ts";
import { PARTNER, refer, TARGET } from "./referral-helpers.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// The partner's day with an inbox that speaks up: the CCAS of Roubaix refers someone, sees it
// waiting for an answer among its many referrals, the Mission Locale's reception finds it behind
// the count in its header and declines it, and the partner sees the answer arrive, then sends
// the person elsewhere without typing them again.

const staff = useStaffHarness();

/** « 12 » from a heading or a link that reads « Envoyées (12 en attente) »; 0 without a count. */
async function waiting(text: () => Promise<string | null>): Promise<number> {
  const match = normalise(await text()).match(/\((\d+) en attente\)/);
  return match ? Number(match[1]) : 0;
}

test("a partner refers, finds the referral waiting, and sees the answer arrive; then re-addresses it", {
  timeout: 180_000,
}, async () => {
  const partner = await staff.signedIn(PARTNER.email, PARTNER.firstName);
  const page = partner.page;
  const sentTitle = () => page.getByRole("heading", { level: 2, name: "Envoyées" }).textContent();
  await page.goto("/espace/orientations");
  await page.getByRole("heading", { level: 2, name: "Envoyées" }).waitFor();
  await settled(page);
  const before = await waiting(sentTitle);

  await refer(page, { firstName: "Théo", lastName: "Morel" });
  await page.goto("/espace/orientations");
  const sent = page.getByRole("region", { name: "Envoyées" });
  await sent.getByRole("listitem").first().waitFor();
  await expect.poll(() => waiting(sentTitle)).toBe(before + 1);

  // Among many: by the name, then « en attente de réponse ».
  await sent.getByLabel("Nom de la personne").fill("morel");
  await sent.getByRole("button", { name: "Rechercher" }).click();
  await sent.getByText("1 orientation correspond").waitFor();
  await sent.getByLabel("Statut").selectOption({ label: "En attente de réponse" });
  const item = sent.getByRole("listitem").filter({ hasText: "Théo Morel" });
  await item.waitFor();
  expect(normalise(await item.textContent())).toContain("Statut : Envoyée");
  await expectAccessibleAtEveryWidth(page, "sent referrals, searched and filtered");

  // The Mission Locale's reception: the count in the header leads to the inbox.
  const desk = await staff.signedIn("accueil@demo.example", "Emma");
  const inbox = desk.page.getByRole("link", { name: /^Orientations reçues/ });
  await expect.poll(() => waiting(() => inbox.textContent())).toBeGreaterThan(0);
  const received = await waiting(() => inbox.textContent());
  await inbox.click();
  const box = desk.page.getByRole("region", { name: "Reçues" });
  await box.getByLabel("Nom de la personne").fill("Théo Morel");
  await box.getByRole("button", { name: "Rechercher" }).click();
  await box.getByRole("link", { name: "Théo Morel" }).click();
  await desk.page.getByRole("heading", { level: 1, name: "Orientation de Théo Morel" }).waitFor();
  await desk.page.getByRole("button", { name: "Refuser" }).click();
  const decline = desk.page.getByRole("dialog", { name: "Refuser cette orientation ?" });
  await decline.getByLabel("Motif du refus").fill("Plus de place en alternance avant mars.");
  await decline.getByRole("button", { name: "Confirmer le refus" }).click();
  await desk.page.getByText("L'orientation est refusée ; l'orienteur est prévenu.").waitFor();
  await expect.poll(() => waiting(() => inbox.textContent())).toBe(received - 1);
  await desk.close();

  // The partner sees the answer arrive: one fewer waiting, and the refusal among the refused.
  await page.reload();
  await sent.getByRole("listitem").first().waitFor();
  await expect.poll(() => waiting(sentTitle)).toBe(before);
  await sent.getByLabel("Statut").selectOption({ label: "Refusées" });
  await sent.getByLabel("Nom de la personne").fill("Morel");
  await sent.getByRole("button", { name: "Rechercher" }).click();
  const refused = sent.getByRole("listitem").filter({ hasText: "Théo Morel" });
  await refused.waitFor();
  expect(normalise(await refused.textContent())).toContain("Statut : Refusée");
  await refused.getByRole("link", { name: "Théo Morel" }).click();
  await page.getByRole("heading", { level: 1, name: "Orientation de Théo Morel" }).waitFor();

  // Sent elsewhere without typing the person again: the structures near Lille first.
  await page.getByRole("button", { name: "Adresser à une autre structure" }).click();
  const dialog = page.getByRole("dialog", { name: "Adresser la personne à une autre structure ?" });
  const structure = dialog.getByLabel("Structure", { exact: true });
  await structure.locator("option").nth(1).waitFor({ state: "attached" });
  await dialog.getByText("Les plus proches de Lille d'abord.").waitFor();
  const options = (await structure.locator("option").allTextContents()).slice(1);
  expect(options).not.toContain(TARGET);
  // The nearest says how near: the Mission Locale de Roubaix, a few kilometres away.
  expect(options[0]).toMatch(/ — (même commune|\d+(,\d)? km)$/);
  expect(await dialog.getByLabel("Son besoin").inputValue()).toContain("Sortie du lycée sans diplôme");
  await expectAccessibleAtEveryWidth(page, "re-address dialog");
  const elsewhere = (options[0] ?? "").replace(/ — .*$/, "");
  await structure.selectOption({ index: 1 });
  await dialog.getByRole("button", { name: "Envoyer la nouvelle orientation" }).click();
  await page.getByRole("heading", { level: 1, name: "Orientation de Théo Morel" }).waitFor();
  await page.getByText("Après le refus de", { exact: true }).waitFor();
  // The declined referral is one link away.
  await page.getByRole("main").getByRole("link", { name: TARGET }).waitFor();
  expect(normalise(await page.getByRole("main").textContent())).toContain(`CCAS de Roubaix → vers ${elsewhere}`);
  await expectAccessibleAtEveryWidth(page, "re-addressed referral");
  expect(partner.problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await partner.close();
});

test("a partner chooses a daily digest for the answers to their referrals, on their account page", {
  timeout: 120_000,
}, async () => {
  const { page, close } = await staff.signedIn(PARTNER.email, PARTNER.firstName);
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Mon compte" }).click();
  const section = page.getByRole("region", { name: "Mes courriels" });
  const answers = section.getByRole("group", { name: "Une orientation que j'ai envoyée est refusée ou réorientée" });
  await answers.getByRole("radio", { name: "Chaque courriel" }).waitFor();
  expect(await answers.getByRole("radio", { name: "Chaque courriel" }).isChecked()).toBe(true);
  await expectAccessibleAtEveryWidth(page, "account, e-mail choices");
  await answers.getByRole("radio", { name: "Un résumé par jour" }).check();
  await section.getByRole("button", { name: "Enregistrer mes choix" }).click();
  await section.getByText("Vos choix de courriels sont enregistrés.").waitFor();
  await page.reload();
  await answers.getByRole("radio", { name: "Un résumé par jour" }).waitFor();
  expect(await answers.getByRole("radio", { name: "Un résumé par jour" }).isChecked()).toBe(true);
  const partner = await staff.harness.db.prisma.staffUser.findUniqueOrThrow({ where: { email: PARTNER.email } });
  const stored = await staff.harness.db.prisma.noticeChoice.findMany({
    where: { userId: partner.id, delivery: { not: "every" } },
  });
  expect(stored.map((choice) => [choice.kind, choice.delivery])).toEqual([["referral_answered", "digest"]]);
  await close();
});
