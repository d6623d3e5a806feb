import { expect, test } from "vitest";
import { normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// The staff's forms as their users meet them when something is wrong: every error at once, each
// named as the form names its field, the field marked and described by it; an error goes as its
// field is changed; a form that added something is empty again for the next one.

const staff = useStaffHarness();

test("the desk is told both fields the server refused, by their names, and each goes once changed", {
  timeout: 60_000,
}, async () => {
  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.goto("/espace/accueil");
  const form = page.getByRole("form", { name: "Réserver pour la personne" });
  await form.getByLabel("Service").locator("option").nth(1).waitFor({ state: "attached" });
  await form.getByLabel("Prénom").fill("Eva");
  await form.getByLabel("Nom", { exact: true }).fill("Martin");
  await form.getByLabel("Téléphone (facultatif)").fill("12");
  await form.getByLabel("Adresse électronique (facultative)").fill("eva.martin@");
  await form.getByLabel("Service").selectOption({ index: 1 });
  await page
    .getByRole("group", { name: /Créneau/ })
    .getByRole("radio")
    .first()
    .check();
  await page.getByRole("button", { name: "Réserver le rendez-vous" }).click();

  // The server's 422: both fields, in the order of the form, said as people read them.
  const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient 2 erreurs" });
  await summary.waitFor();
  expect((await summary.getByRole("link").allTextContents()).map(normalise)).toEqual([
    "Numéro de téléphone invalide, par exemple 06 12 34 56 78",
    "Adresse électronique invalide, par exemple prenom.nom@exemple.fr",
  ]);
  expect(normalise(await summary.textContent())).not.toMatch(/person\.|Plusieurs champs/);
  const phone = form.getByLabel("Téléphone (facultatif)");
  const email = form.getByLabel("Adresse électronique (facultative)");
  for (const field of [phone, email]) {
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const described = (await field.getAttribute("aria-describedby")) ?? "";
    const error = page.locator(`[id="${described.split(" ").at(-1)}"]`);
    expect(normalise(await error.textContent())).toMatch(/^Erreur : .+ invalide, par exemple/);
  }
  // The link takes the keyboard to its field.
  await summary.getByRole("link", { name: /Adresse électronique invalide/ }).click();
  expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
  await expectAccessibleAtEveryWidth(page, "desk, two fields refused");

  // Fixing the phone: its error goes from the field and from the summary; the other stays.
  await phone.fill("06 12 34 56 78");
  await page.getByRole("alert").filter({ hasText: "Le formulaire contient une erreur" }).waitFor();
  expect(await phone.getAttribute("aria-invalid")).toBeNull();
  expect(await email.getAttribute("aria-invalid")).toBe("true");
  expect(await form.getByText("Numéro de téléphone invalide").count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "desk, one field left to fix");

  await email.fill("eva.martin@exemple.fr");
  expect(await page.getByRole("alert").filter({ hasText: "Le formulaire contient" }).count()).toBe(0);
  await page.getByRole("button", { name: "Réserver le rendez-vous" }).click();
  await page.getByRole("heading", { level: 1, name: "Rendez-vous réservé" }).waitFor();
  expect(await staff.harness.db.prisma.person.count({ where: { email: "eva.martin@exemple.fr" } })).toBe(1);
  // The sign-in page's 401 (nobody yet), and the 422 this test asked for.
  expect(problems.filter((problem) => !/\b(401|422)\b/.test(problem))).toEqual([]);
  await close();
});

test("a closure refused, then added: the form is empty again for the next one", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await page.goto("/espace/annuaire");
  await page.getByRole("link", { name: "Mission Locale de Lille" }).click();
  await page.getByRole("tab", { name: "Fermetures" }).click();
  const form = page.getByRole("form", { name: "Ajouter une fermeture" });
  await form.waitFor();
  const first = form.getByLabel("Premier jour");
  const last = form.getByLabel("Dernier jour (inclus)");
  const reason = form.getByLabel("Motif (facultatif)");

  // Sent without a day: the field is named and marked; it is unmarked as soon as a day is typed.
  await form.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await page.getByRole("link", { name: "Saisissez le premier jour de fermeture." }).waitFor();
  expect(await first.getAttribute("aria-invalid")).toBe("true");
  await expectAccessibleAtEveryWidth(page, "closures, a day missing");
  await first.fill("2026-07-24");
  expect(await first.getAttribute("aria-invalid")).toBeNull();
  expect(await page.getByRole("link", { name: "Saisissez le premier jour de fermeture." }).count()).toBe(0);

  await last.fill("2026-07-20");
  await form.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await page.getByRole("link", { name: "Le dernier jour ne peut précéder le premier." }).waitFor();
  await last.fill("2026-07-31");
  await reason.fill("Fermeture d'été");
  await form.getByRole("button", { name: "Ajouter la fermeture" }).click();
  await page.getByText("La fermeture du 24 juillet 2026 au 31 juillet 2026 est enregistrée.").waitFor();
  expect([await first.inputValue(), await last.inputValue(), await reason.inputValue()]).toEqual(["", "", ""]);
  expect(await form.getByRole("alert").count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "closures, one added");
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
