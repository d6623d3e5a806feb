import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { focused, NOW, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// A person's data as the structure admin hands it over and erases it, the retention period as
// the Région sets it, and the public notice and accessibility statement.

const staff = useStaffHarness();

/** Léa, met last month at the structure admin's structure by its demo advisor. */
async function personMetLastMonth() {
  const p = staff.harness.db.prisma;
  const admin = await p.membership.findFirstOrThrow({
    where: { user: { email: "admin-structure@demo.example" }, role: "structure_admin" },
  });
  const advisor = await p.membership.findFirstOrThrow({
    where: { user: { email: "conseiller@demo.example" }, structureId: admin.structureId },
  });
  const offering = await p.offering.findFirstOrThrow({ where: { structureId: admin.structureId } });
  const person = await p.person.create({
    data: { firstName: "Léa", lastName: "Exportée", email: "lea.exportee@example.org", phone: "0611223344" },
  });
  const startsAt = new Date(new Date(NOW).getTime() - 30 * 86_400_000);
  await p.appointment.create({
    data: {
      offeringId: offering.id,
      structureId: admin.structureId,
      mode: "phone",
      advisorId: advisor.userId,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      channel: "online",
      outcome: "honoured",
      notes: "Souhaite une VAE.",
    },
  });
  return person;
}

test("the structure admin exports a person's data, then erases them with the keyboard", { timeout: 60_000 }, async () => {
  const person = await personMetLastMonth();
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  // From the desk's search, as an admin: the person's page.
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Accueil" }).click();
  await page.getByLabel("Retrouver une personne déjà venue").fill("Exportée");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page
    .getByRole("list", { name: /Données personnelles/ })
    .getByRole("link", { name: "Léa Exportée" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Données personnelles de Léa Exportée" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "person page");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter les données (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`donnees-personnelles-${person.id}.json`);
  const data = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
  expect(data.person).toMatchObject({ firstName: "Léa", email: "lea.exportee@example.org" });
  expect(data.appointments[0]).toMatchObject({ outcome: "honoured", notes: "Souhaite une VAE." });

  await page.getByRole("button", { name: "Effacer les données" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Effacer les données de Léa Exportée ?" });
  await dialog.waitFor();
  await dialog.getByText("L'effacement est irréversible").waitFor();
  await expectAccessibleAtEveryWidth(page, "erase dialog");
  const focus = await focused(page);
  if (focus.name !== "Effacer définitivement") await tabTo(page, (f) => f.name === "Effacer définitivement");
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText("Les données de la personne sont effacées.").waitFor();
  await page.getByRole("heading", { level: 1, name: "Données personnelles de Personne anonymisée" }).waitFor();
  await page.getByText(/Les données de cette personne ont été effacées le/).waitFor();
  expect(await page.getByRole("button", { name: "Effacer les données" }).count()).toBe(0);
  expect(await staff.harness.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
    firstName: "Personne",
    email: null,
    phone: null,
  });
  await expectAccessibleAtEveryWidth(page, "person page, erased");
  // The sign-in page asks /me first: its 401 is expected.
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("the Région changes the retention period, and the public notice states it", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin@demo.example", "Anne");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Annuaire" }).click();
  await page
    .getByRole("navigation", { name: "Administration régionale" })
    .getByRole("link", { name: "Données personnelles" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Données personnelles" }).waitFor();
  const field = page.getByLabel("Durée de conservation, en mois");
  await expect.poll(() => field.inputValue()).toBe("24");
  await page
    .getByText(/Aucun traitement ces sept derniers jours|Anonymisation/)
    .first()
    .waitFor();
  await expectAccessibleAtEveryWidth(page, "privacy settings");

  await field.fill("3");
  await page.getByRole("button", { name: "Enregistrer la durée" }).click();
  await page.getByRole("link", { name: /Saisissez un nombre entier de mois, de 6 à 120/ }).waitFor();
  await expectAccessibleAtEveryWidth(page, "privacy settings, refused");
  await field.fill("36");
  await field.press("Enter");
  await page.getByText("La durée de conservation est de 36 mois").waitFor();
  expect((await staff.harness.db.prisma.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).retentionMonths).toBe(36);

  await page.goto("/donnees-personnelles");
  await page.getByRole("heading", { level: 1, name: "Données personnelles" }).waitFor();
  await page.getByText(/anonymisées 36\s+mois après votre dernier rendez-vous/).waitFor();
  await expectAccessibleAtEveryWidth(page, "privacy notice");
  await page.goto("/accessibilite");
  await page.getByRole("heading", { level: 1, name: "Accessibilité" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "accessibility statement");
  // The sign-in page asks /me first: its 401 is expected.
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
