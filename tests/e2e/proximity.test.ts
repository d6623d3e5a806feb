import { expect, test } from "vitest";
import { normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// Nothing serves the commune (issue 21, item 1): Hirson and « Accueil jeunes 16-25 ans », on the demo directory.

const staff = useStaffHarness();

test("Hirson without a Mission Locale gets the nearest ones, how far, their phone and the questionnaire", {
  timeout: 90_000,
}, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/rendez-vous?service=accueil-jeunes-16-25&commune=02381");
  await page.getByText(/Aucune structure ne propose «\s*Accueil jeunes 16-25 ans\s*» aux habitants de Hirson\./).waitFor();

  const nearby = page.getByRole("list", { name: "Les plus proches qui le proposent, hors de votre secteur" });
  const cards = nearby.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 4 }) });
  expect(await cards.count()).toBe(3);
  for (const card of await cards.all()) {
    expect(normalise(await card.locator(".structure-card__distance").textContent())).toMatch(
      /^à \d+ km de Hirson \(à vol d'oiseau\)$/,
    );
    await card.getByText("Hirson ne fait pas partie de son secteur").waitFor();
    expect(await card.getByRole("link", { name: /^0\d( \d\d){4}$/ }).getAttribute("href")).toMatch(/^tel:0\d{9}$/);
  }
  const questionnaire = page.getByRole("link", { name: "trouver le bon interlocuteur", exact: true });
  expect(await questionnaire.getAttribute("href")).toBe("/trouver-le-bon-interlocuteur");
  await expectAccessibleAtEveryWidth(page, "Hirson's way out");

  await questionnaire.click();
  await page.getByRole("heading", { level: 1, name: "Trouver le bon interlocuteur" }).waitFor();
  expect(problems).toEqual([]);
  await close();
});
