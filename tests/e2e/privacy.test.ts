import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { DEMO_LEGAL_NOTICE } from "../../prisma/seed/index.ts";
import { focused, NOW, normalise, settled, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// A person's data as the structure admin hands it over and erases it, the retention period as
// the Région sets it, and the public notice and accessibility statement.

const staff = useStaffHarness();

/** Adam, met last month at the structure admin's structure by its demo advisor (a homonym: another e-mail). */
async function personMetLastMonth(email = "adam.dewitte@example.org", daysAgo = 30) {
  const p = staff.harness.db.prisma;
  const admin = await p.membership.findFirstOrThrow({
    where: { user: { email: "admin-structure@demo.example" }, role: "structure_admin" },
  });
  const advisor = await p.membership.findFirstOrThrow({
    where: { user: { email: "conseiller@demo.example" }, structureId: admin.structureId },
  });
  const offering = await p.offering.findFirstOrThrow({ where: { structureId: admin.structureId } });
  const person = await p.person.create({
    data: { firstName: "Adam", lastName: "Dewitte", email, phone: "+33611223344", birthYear: 1990 },
  });
  const startsAt = new Date(new Date(NOW).getTime() - daysAgo * 86_400_000);
  const appointment = await p.appointment.create({
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
  return { ...person, appointmentId: appointment.id };
}

test("the structure admin exports a person's data, then erases them with the keyboard", { timeout: 60_000 }, async () => {
  const person = await personMetLastMonth();
  await personMetLastMonth("a.dewitte@example.net", 31);
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  // From the desk's search, as an admin: the person's page.
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Accueil" }).click();
  await page.getByLabel("Retrouver une personne déjà venue").fill("Dewitte");
  await page.getByRole("button", { name: "Rechercher" }).click();
  // Two « Adam Dewitte »: each link says which one.
  const links = page.getByRole("list", { name: /Données personnelles/ }).getByRole("link");
  await expect.poll(() => links.count()).toBe(2);
  await links
    .filter({ hasText: /adam\.dewitte@example\.org — 06 11 22 33 44 — né·e en 1990 — dernier rendez-vous ici le/ })
    .click();
  await page.getByRole("heading", { level: 1, name: "Données personnelles d'Adam Dewitte" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "person page");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter les données (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`donnees-personnelles-${person.id}.json`);
  const data = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
  expect(data.person).toMatchObject({ firstName: "Adam", email: "adam.dewitte@example.org" });
  expect(data.appointments[0]).toMatchObject({
    outcome: "rendez-vous honoré",
    mode: "par téléphone",
    notes: "Souhaite une VAE.",
  });

  const erase = page.getByRole("button", { name: "Effacer les données détenues par votre structure" });
  await erase.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Effacer les données d'Adam Dewitte ?" });
  await dialog.waitFor();
  await dialog.getByText("L'effacement est irréversible").waitFor();
  await expectAccessibleAtEveryWidth(page, "erase dialog");
  // It opens on « Ne pas effacer »: Enter twice erases nothing.
  await expect.poll(async () => (await focused(page)).name).toBe("Ne pas effacer");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "hidden" });
  expect((await staff.harness.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).anonymisedAt).toBeNull();
  await erase.focus();
  await page.keyboard.press("Enter");
  await dialog.waitFor();
  await tabTo(page, (f) => f.name === "Effacer définitivement");
  await page.keyboard.press("Enter");
  await page.getByText("Ce que votre structure détenait de la personne est effacé.").waitFor();
  expect(await page.getByRole("button", { name: /Effacer les données/ }).count()).toBe(0);
  // Nobody else knew Adam: he is anonymised whole (the page does not say so, whoever else knows him).
  expect(await staff.harness.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
    firstName: "Personne",
    email: null,
    phone: null,
  });
  await expectAccessibleAtEveryWidth(page, "person page, erased");
  // Their meeting stays, without a name, and without a form for notes about them.
  await page.goto(`/espace/rendez-vous/${person.appointmentId}`);
  await page.getByRole("heading", { level: 1, name: "Rendez-vous d'une personne anonymisée" }).waitFor();
  expect(await page.getByRole("heading", { name: "Notes privées" }).count()).toBe(0);
  // The sign-in page asks /me first: its 401 is expected.
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("the legal notice names the publisher, the director of publication and the host the Région set", async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/mentions-legales");
  await settled(page);
  const main = page.getByRole("main");
  for (const [heading, text] of [
    ["Éditeur", DEMO_LEGAL_NOTICE.publisher],
    ["Directeur ou directrice de la publication", DEMO_LEGAL_NOTICE.publicationDirector],
    ["Hébergement", DEMO_LEGAL_NOTICE.host],
  ]) {
    await main.getByRole("heading", { level: 2, name: heading }).waitFor();
    expect(normalise(await main.textContent())).toContain(normalise(text));
  }
  expect(problems).toEqual([]);
  await close();
});

test("the accessibility statement gives a contact and the Défenseur des droits' recourse", async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/accessibilite");
  await settled(page);
  const main = page.getByRole("main");
  const contact = main.getByRole("link", { name: DEMO_LEGAL_NOTICE.accessibilityContact });
  expect(await contact.getAttribute("href")).toBe(`mailto:${DEMO_LEGAL_NOTICE.accessibilityContact}`);
  await main.getByRole("heading", { level: 2, name: "Voies de recours" }).waitFor();
  expect(await main.getByRole("link", { name: "formulaire en ligne" }).getAttribute("href")).toBe(
    "https://formulaire.defenseurdesdroits.fr/",
  );
  const text = normalise(await main.textContent());
  expect(text).toContain("délégué ou la déléguée du Défenseur des droits dans votre région");
  expect(text).toContain("par téléphone au 09 69 39 00 00");
  expect(text).toContain("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
  expect(problems).toEqual([]);
  await close();
});

test("the Région edits the legal notice, which /mentions-legales then shows", async () => {
  const { page, problems, close } = await staff.signedIn("admin@demo.example", "Anne");
  await page.goto("/espace/annuaire/donnees-personnelles");
  const host = page.getByLabel("Hébergeur");
  await expect.poll(() => host.inputValue()).toBe(DEMO_LEGAL_NOTICE.host);
  const contact = page.getByLabel("Contact pour signaler un défaut d'accessibilité");
  await contact.fill("http://formulaire.example");
  await page.getByRole("button", { name: "Enregistrer les mentions légales" }).click();
  await page.getByRole("link", { name: /Adresse électronique ou adresse web en https/ }).waitFor();
  await contact.fill(DEMO_LEGAL_NOTICE.accessibilityContact);
  await host.fill("Autre hébergeur SA, 1 quai de l'Exemple, 69000 Lyon");
  await host.press("Enter");
  await page.getByText("Les mentions légales sont enregistrées.").waitFor();
  await expectAccessibleAtEveryWidth(page, "legal notice settings");
  await page.goto("/mentions-legales");
  await page.getByText("Autre hébergeur SA, 1 quai de l'Exemple, 69000 Lyon").waitFor();
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("the Région changes the retention period, and the public notice states it", { timeout: 90_000 }, async () => {
  const p = staff.harness.db.prisma;
  const today = new Date(`${NOW.slice(0, 10)}T00:00:00Z`);
  await p.jobRun.upsert({
    where: { job_day: { job: "waiting-times", day: today } },
    create: {
      job: "waiting-times",
      day: today,
      startedAt: new Date(NOW),
      finishedAt: new Date(NOW),
      result: { recorded: 127, withoutSlot: 0 },
    },
    update: { result: { recorded: 127, withoutSlot: 0 } },
  });
  const region = await p.staffUser.findFirstOrThrow({ where: { email: "admin@demo.example" } });
  const structure = await p.structure.findFirstOrThrow({ select: { id: true } });
  await p.auditEvent.create({
    data: {
      at: new Date(NOW),
      actorId: region.id,
      action: "appointments.export",
      entity: "Structure",
      entityId: structure.id,
      details: { structureId: structure.id, period: { from: "2026-10-01", to: "2026-10-31" } },
    },
  });
  const { page, problems, close } = await staff.signedIn("admin@demo.example", "Anne");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Annuaire" }).click();
  await page
    .getByRole("navigation", { name: "Administration régionale" })
    .getByRole("link", { name: "Données personnelles" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Données personnelles" }).waitFor();
  const field = page.getByLabel("Durée de conservation, en mois");
  await expect.poll(() => field.inputValue()).toBe("24");
  await page.getByText("127 relevés, dont 0 sans créneau").waitFor();
  const contact = page.getByLabel("Contact du délégué à la protection des données");
  await expect.poll(() => contact.inputValue()).toBe("dpo@hautsdefrance.example");
  await expectAccessibleAtEveryWidth(page, "privacy settings");

  await field.fill("3");
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await page.getByRole("link", { name: /Saisissez un nombre entier de mois, de 6 à 120/ }).waitFor();
  await expectAccessibleAtEveryWidth(page, "privacy settings, refused");
  await field.fill("36");
  await contact.fill("dpo@region.example");
  await field.press("Enter");
  await page.getByText("La durée de conservation est de 36 mois").waitFor();
  expect(await p.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
    retentionMonths: 36,
    dpoContact: "dpo@region.example",
  });
  // Shorter: how many would be anonymised, asked first, the focus on keeping the period.
  await field.fill("6");
  await field.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Raccourcir la conservation à 6 mois ?" });
  await dialog.getByText(/au prochain traitement de nuit/).waitFor();
  await expectAccessibleAtEveryWidth(page, "shorter period dialog");
  await expect.poll(async () => (await focused(page)).name).toBe("Garder la durée actuelle");
  await page.keyboard.press("Enter");
  await page.getByText(/Rien n'a changé/).waitFor();
  expect((await p.platformSettings.findUniqueOrThrow({ where: { id: 1 } })).retentionMonths).toBe(36);
  await field.fill("36");

  // The journal says what changed, from what to what, and what an export covered.
  await page.goto("/espace/annuaire/journal");
  await page.getByText("Durée de conservation\u00a0: 24\u00a0mois → 36\u00a0mois").waitFor();
  await page
    .getByText(
      /Contact du délégué à la protection des données\u00a0: «\u00a0dpo@hautsdefrance\.example\u00a0» → «\u00a0dpo@region\.example\u00a0»/,
    )
    .waitFor();
  // In the log's rows: the filter's list of actions names it too.
  await page
    .locator(".directory-row")
    .getByText(/^Export des rendez-vous/)
    .first()
    .waitFor();
  await page.getByText("Période\u00a0: du 1er octobre 2026 au 31 octobre 2026").waitFor();
  await expectAccessibleAtEveryWidth(page, "audit log");

  await page.goto("/donnees-personnelles");
  await page.getByRole("heading", { level: 1, name: "Données personnelles" }).waitFor();
  await page.getByText(/anonymisées 36\s+mois après votre dernier rendez-vous/).waitFor();
  expect(await page.getByRole("link", { name: "dpo@region.example" }).getAttribute("href")).toBe("mailto:dpo@region.example");
  await page.getByText(/il ne contient ni votre nom ni vos coordonnées/).waitFor();
  await expectAccessibleAtEveryWidth(page, "privacy notice");
  await page.goto("/accessibilite");
  await page.getByRole("heading", { level: 1, name: "Accessibilité" }).waitFor();
  await page.getByText(/«\u00a0Statistiques\u00a0» \(\/statistiques\)/).waitFor();
  await page.getByText(/tableaux de bord\s+\(\/espace\/tableaux-de-bord\)/).waitFor();
  await expectAccessibleAtEveryWidth(page, "accessibility statement");
  // The sign-in page asks /me first: its 401 is expected.
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
