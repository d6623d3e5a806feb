import type { Page } from "playwright-core";
import { LILLE } from "./booking-helpers.ts";
import { expectAccessibleAtEveryWidth } from "./staff-helpers.ts";

// The referrals' browser tests share the partner's form (referrals.test.ts, referral-inbox.test.ts).

export const PARTNER = { email: "partenaire@demo.example", firstName: "Farid" };
export const TARGET = "Mission Locale de Lille";
export const SERVICE = "Accueil jeunes 16-25 ans";

/** The partner's referral form, filled for a person; the target chosen directly or from the suggestions. */
export async function refer(
  page: Page,
  person: { firstName: string; lastName: string; email?: string },
  options: { suggest?: boolean; check?: boolean } = {},
) {
  await page.goto("/espace/orientations/nouvelle");
  await page.getByRole("heading", { level: 1, name: "Nouvelle orientation" }).waitFor();
  const form = page.getByRole("form", { name: "Orienter une personne" });
  await form.getByLabel("Service").locator("option").nth(1).waitFor({ state: "attached" });
  if (options.check) await expectAccessibleAtEveryWidth(page, "referral form");
  await form.getByLabel("Prénom").fill(person.firstName);
  await form.getByLabel("Nom", { exact: true }).fill(person.lastName);
  if (person.email) await form.getByLabel("Adresse électronique (facultative)").fill(person.email);
  await form.getByLabel("Téléphone (facultatif)").fill("06 11 22 33 44");
  await form.getByRole("combobox", { name: "Commune de la personne (facultatif)" }).fill("Lille");
  await page.getByRole("option", { name: LILLE.label }).click();
  await form.getByLabel("Son besoin", { exact: true }).fill("Sortie du lycée sans diplôme, cherche une formation en alternance.");
  if (options.suggest) {
    await form.getByLabel("Son besoin principal").selectOption("find_job");
    await form.getByLabel("Sa situation").selectOption("neet");
    await form.getByLabel("Son âge").selectOption("from_16_to_25");
    await form.getByRole("button", { name: "Voir les structures conseillées" }).click();
    const choose = form.getByRole("button", { name: `Choisir ${TARGET}` });
    await choose.first().waitFor();
    if (options.check) await expectAccessibleAtEveryWidth(page, "referral form, suggestions");
    await choose.first().click();
    await form.getByText(`${TARGET} est choisie`).waitFor();
    await form
      .getByLabel("Structure", { exact: true })
      .locator(`option:checked`, { hasText: TARGET })
      .waitFor({ state: "attached" });
  } else {
    await form.getByLabel("Service").selectOption({ label: SERVICE });
    await form.getByLabel("Structure", { exact: true }).locator("option", { hasText: TARGET }).waitFor({ state: "attached" });
    await form.getByLabel("Structure", { exact: true }).selectOption({ label: TARGET });
  }
  // Without the person's agreement, nothing is sent.
  await form.getByRole("button", { name: "Envoyer l'orientation" }).click();
  await form.getByText("Cochez la case si la personne accepte").first().waitFor();
  await form.getByLabel("La personne accepte que ses coordonnées soient transmises à la structure").check();
  await form.getByRole("button", { name: "Envoyer l'orientation" }).click();
  // « d'Inès », « d'Yves », « de Yanis »: a y before a vowel is a consonant.
  const of = /^([AEIOUÉ]|Y[^aeiouéè])/.test(person.firstName) ? "d'" : "de ";
  await page.getByRole("heading", { level: 1, name: `Orientation ${of}${person.firstName} ${person.lastName}` }).waitFor();
}
