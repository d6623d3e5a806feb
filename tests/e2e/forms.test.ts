import { expect, test } from "vitest";
import { normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// The staff's forms as their users meet them when something is wrong: every error at once, each
// named as the form names its field, the field marked and described by it; an error goes as its
// field is changed; a form that added something is empty again for the next one.

const staff = useStaffHarness();

test("the desk is told every mistake at once — a missing name and two bad formats — by their names, and each goes once changed", {
  timeout: 60_000,
}, async () => {
  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.goto("/espace/accueil");
  const form = page.getByRole("form", { name: "Réserver pour la personne" });
  await form.getByLabel("Service").locator("option").nth(1).waitFor({ state: "attached" });
  await form.getByLabel("Prénom").fill("Eva");
  await form.getByLabel("Téléphone (facultatif)").fill("12ab");
  await form.getByLabel("Adresse électronique (facultative)").fill("eva.martin@");
  await form.getByLabel("Service").selectOption({ index: 1 });
  await page
    .getByRole("group", { name: /Créneau/ })
    .getByRole("radio")
    .first()
    .check();
  await page.getByRole("button", { name: "Réserver le rendez-vous" }).click();

  // All three at once, in the order of the form, said as people read them (the user trial got
  // the name alone, then the formats at the next try).
  const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient 3 erreurs" });
  await summary.waitFor();
  const links = (await summary.getByRole("link").allTextContents()).map(normalise);
  expect(links).toHaveLength(3);
  expect(links[0]).toMatch(/Saisissez le nom/);
  expect(links[1]).toMatch(/numéro de téléphone valide, par exemple 06 12 34 56 78/);
  expect(links[2]).toMatch(/adresse électronique valide, par exemple prenom.nom@exemple.fr/);
  expect(normalise(await summary.textContent())).not.toMatch(/person\.|Plusieurs champs/);
  await form.getByLabel("Nom", { exact: true }).fill("Martin");
  const phone = form.getByLabel("Téléphone (facultatif)");
  const email = form.getByLabel("Adresse électronique (facultative)");
  for (const field of [phone, email]) {
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const described = (await field.getAttribute("aria-describedby")) ?? "";
    const error = page.locator(`[id="${described.split(" ").at(-1)}"]`);
    expect(normalise(await error.textContent())).toMatch(/^Erreur : .+ valide, par exemple/);
  }
  // The link takes the keyboard to its field.
  const left = page.getByRole("alert").filter({ hasText: "Le formulaire contient 2 erreurs" });
  await left.getByRole("link", { name: /adresse électronique valide/ }).click();
  expect(await email.evaluate((element) => element === document.activeElement)).toBe(true);
  await expectAccessibleAtEveryWidth(page, "desk, three mistakes at once");

  // Fixing the phone: its error goes from the field and from the summary; the other stays.
  await phone.fill("06 12 34 56 78");
  await page.getByRole("alert").filter({ hasText: "Le formulaire contient une erreur" }).waitFor();
  expect(await phone.getAttribute("aria-invalid")).toBeNull();
  expect(await email.getAttribute("aria-invalid")).toBe("true");
  expect(await form.getByText("numéro de téléphone valide").count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "desk, one field left to fix");

  await email.fill("eva.martin@exemple.fr");
  expect(await page.getByRole("alert").filter({ hasText: "Le formulaire contient" }).count()).toBe(0);
  await page.getByRole("button", { name: "Réserver le rendez-vous" }).click();
  await page.getByRole("heading", { level: 1, name: "Rendez-vous réservé" }).waitFor();
  expect(await staff.harness.db.prisma.person.count({ where: { email: "eva.martin@exemple.fr" } })).toBe(1);
  // The sign-in page's 401 (nobody yet); the mistakes were found before anything was sent.
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
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
