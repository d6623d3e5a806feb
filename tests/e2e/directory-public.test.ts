import { expect, test } from "vitest";
import { normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// « Où s'adresser ? », a structure's page and « Questions / Réponses » as a person uses them,
// and the Région editing the questions in the staff space. The demo directory, clock at NOW.

const staff = useStaffHarness();

test("finds structures by commune, then by network, opens one and books from it", { timeout: 90_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/ou-s-adresser");
  await page.getByRole("heading", { level: 1, name: "Où s'adresser ?" }).waitFor();
  await page.getByText(/^\d+ structures correspondent à votre recherche\.$/).waitFor();
  expect(await page.title()).toBe("Où s'adresser\u00a0? — RDV Orientation");
  await expectAccessibleAtEveryWidth(page, "directory, no filter");

  const form = page.getByRole("form", { name: "Rechercher une structure" });
  await form.getByRole("combobox", { name: "Commune" }).fill("Lille");
  await page
    .getByRole("option", { name: /^Lille/ })
    .first()
    .click();
  await form.getByRole("button", { name: "Rechercher" }).click();
  await page.waitForURL("**/ou-s-adresser?commune=59350");
  await page.getByText("10 structures correspondent à votre recherche.").waitFor();
  const results = page.locator(".directory-list > li h3");
  expect(await results.allTextContents()).toContain("Mission Locale de Lille");

  await form.getByLabel("Réseau").selectOption("cio");
  await form.getByRole("button", { name: "Rechercher" }).click();
  await page.waitForURL("**/ou-s-adresser?commune=59350&network=cio");
  await page.getByText("1 structure correspond à votre recherche.").waitFor();
  expect(await results.allTextContents()).toEqual(["CIO de Lille Centre"]);
  const card = page.locator(".directory-list > li");
  expect(normalise(await card.locator(".directory-entry__next").textContent())).toMatch(
    /^Prochaine disponibilité : lundi 23 mars à 13 h 45 \(/,
  );
  expect(await card.getByText("Du lundi au vendredi, 8 h 45 – 12 h 15 et 13 h 45 – 17 h").count()).toBe(1);
  await expectAccessibleAtEveryWidth(page, "directory, commune and network");

  // The search is the address: Back shows the previous one, form included.
  await page.goBack();
  await page.getByText("10 structures correspondent à votre recherche.").waitFor();
  expect(await form.getByLabel("Réseau").inputValue()).toBe("");
  await page.goForward();
  await page.getByText("1 structure correspond à votre recherche.").waitFor();

  await page.getByRole("link", { name: "CIO de Lille Centre", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "CIO de Lille Centre" }).waitFor();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/structures/cio-lille-centre?commune=59350");
  for (const section of ["Services proposés", "Lieux d'accueil"]) {
    await page.getByRole("heading", { level: 2, name: section }).waitFor();
  }
  await expectAccessibleAtEveryWidth(page, "structure page");

  const book = page.getByRole("link", { name: /^Prendre rendez-vous\s+: Entretien d.orientation/ });
  const href = (await book.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/rendez-vous\?service=entretien-orientation-cio&commune=59350&structure=[0-9a-f-]{36}$/);
  await book.click();
  await page.getByRole("heading", { level: 1, name: "Prendre rendez-vous" }).waitFor();
  await page.waitForFunction(() => document.title.startsWith("Étape 2 sur 4"));
  expect(problems).toEqual([]);
  await close();
});

test("searches with the keyboard alone, and opens a result", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/ou-s-adresser");
  await page.getByText(/^\d+ structures correspondent/).waitFor();
  await tabTo(page, (focus) => focus.role === "combobox");
  await page.keyboard.type("Roubaix");
  await page
    .getByRole("option", { name: /^Roubaix/ })
    .first()
    .waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await tabTo(page, (focus) => focus.tag === "select" && focus.name.startsWith("Tous les services"));
  await page.keyboard.press("End"); // the last service; a select changes with the arrows and Home / End
  const service = await page.getByLabel("Service").inputValue();
  expect(service).not.toBe("");
  await tabTo(page, (focus) => focus.name === "Rechercher");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/ou-s-adresser?commune=59512&service=${service}`);
  await page.getByText(/correspond/).waitFor();
  await page.getByRole("link", { name: "Effacer les filtres" }).waitFor();
  expect(problems).toEqual([]);
  await close();
});

test("a structure's page has a stable address, and says so when there is none", async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/structures/pic-vae-nord");
  await page.getByRole("heading", { level: 1, name: "PIC VAE Nord" }).waitFor();
  // Without the person's commune, booking starts by asking for it.
  const book = page.getByRole("link", { name: /^Prendre rendez-vous\s+: Information-conseil VAE/ });
  expect(await book.getAttribute("href")).toBe("/rendez-vous?service=information-conseil-vae");
  await page.goto("/structures/nulle-part");
  await page.getByRole("heading", { level: 1, name: "Structure introuvable" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "structure not found");
  expect(problems.filter((problem) => !/\b404\b/.test(problem))).toEqual([]);
  await close();
});

test("the questions lead to the questionnaire or to booking", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Questions / Réponses" }).click();
  await page.getByRole("heading", { level: 1, name: "Questions / Réponses" }).waitFor();
  const questions = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(questions).toContain("Quels sont les métiers d'avenir ?");
  expect(questions).toContain(
    "J'ai 45 ans, je travaille depuis 20 ans dans le même domaine et je veux changer de métier : que faire ?",
  );
  expect(
    await page
      .getByRole("link", { name: "Trouver le bon interlocuteur : Quels sont les métiers d'avenir ?" })
      .getAttribute("href"),
  ).toBe("/trouver-le-bon-interlocuteur?besoin=jobs_information");
  await expectAccessibleAtEveryWidth(page, "questions and answers");

  await page.getByRole("link", { name: "Prendre rendez-vous : Information-conseil VAE" }).click();
  await page.getByRole("heading", { level: 1, name: "Prendre rendez-vous" }).waitFor();
  expect(new URL(page.url()).search).toBe("?service=information-conseil-vae");
  expect(problems).toEqual([]);
  await close();
});

test("the Région edits a question, hides another, and the public page follows", { timeout: 90_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin@demo.example", "Anne");
  await page.goto("/espace/annuaire");
  await page
    .getByRole("navigation", { name: "Administration régionale" })
    .getByRole("link", { name: "Questions / Réponses" })
    .click();
  await page.getByRole("heading", { level: 1, name: "Questions / Réponses" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Quels sont les métiers d'avenir ?" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "questions, staff");

  await page.getByRole("button", { name: /^Modifier Quels sont les métiers d'avenir/ }).click();
  const form = page.getByRole("form", { name: "Modifier la question Quels sont les métiers d'avenir ?" });
  await form.getByLabel("Question", { exact: true }).fill("Quels métiers recrutent près de chez moi ?");
  await form.getByLabel("Réponse").fill("Ceux de la santé et du numérique.\n\nUn conseiller vous les présente.");
  await form.getByLabel("Position").fill("0");
  await expectAccessibleAtEveryWidth(page, "questions, staff, editing");
  await form.getByRole("button", { name: "Enregistrer la question" }).click();
  await page.getByText("« Quels métiers recrutent près de chez moi ? » est enregistrée.").waitFor();

  await page.getByRole("button", { name: /^Retirer de la page publique : Mon enfant est au lycée/ }).click();
  await page.getByText(/est retirée de la page publique\.$/).waitFor();
  await page.getByText("non publiée").waitFor();
  const audit = await staff.harness.db.prisma.auditEvent.count({ where: { entity: "FaqEntry", action: "faq.update" } });
  expect(audit).toBe(2);

  await page.goto("/questions-reponses");
  await page.getByRole("heading", { level: 1, name: "Questions / Réponses" }).waitFor();
  const questions = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(questions[0]).toBe("Quels métiers recrutent près de chez moi ?");
  expect(questions.some((q) => q.startsWith("Mon enfant est au lycée"))).toBe(false);
  await page.getByText("Un conseiller vous les présente.").waitFor();
  // 401: /me before signing in.
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
