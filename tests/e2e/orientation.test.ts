import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { LILLE } from "./booking-helpers.ts";
import { focused, normalise, settled, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// « Trouver le bon interlocuteur » as a person lives it, with the keyboard alone, and the
// Région's editor of the table behind it.

const staff = useStaffHarness();
const PATH = "/trouver-le-bon-interlocuteur";
const EMPLOYEE_45 = `${PATH}?age=from_45&situation=employee&besoin=career_change&commune=${LILLE.code}`;

/** Tabs into a radio group, then moves with the arrows (which check) to the wanted value. */
async function chooseRadio(page: Page, first: string, wanted: string) {
  await tabTo(page, (focus) => focus.type === "radio" && focus.value === first);
  for (let presses = 0; (await focused(page)).value !== wanted; presses++) {
    if (presses > 10) throw new Error(`${wanted} was never reached`);
    await page.keyboard.press("ArrowDown");
  }
  expect((await focused(page)).checked).toBe(true);
}

test("a person answers with the keyboard, reads why, and books with the structure chosen", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/");
  await settled(page);
  await tabTo(page, (focus) => focus.href === PATH && focus.name === "Trouver le bon interlocuteur");
  await page.keyboard.press("Enter");
  await page.waitForURL(`**${PATH}`);
  await settled(page);
  expect(await page.title()).toBe("Trouver le bon interlocuteur — RDV Orientation");
  await expectAccessibleAtEveryWidth(page, "questionnaire");

  await chooseRadio(page, "under_16", "from_45");
  await chooseRadio(page, "pupil", "employee");
  await chooseRadio(page, "school_orientation", "career_change");
  await tabTo(page, (focus) => focus.role === "combobox", { max: 2 });
  await page.keyboard.type("Lille");
  await page.getByRole("option", { name: LILLE.label }).waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await tabTo(page, (focus) => focus.tag === "button" && focus.name === "Voir mes interlocuteurs", { max: 2 });
  await page.keyboard.press("Enter");

  await page.waitForURL(`**${EMPLOYEE_45}`);
  await settled(page);
  expect(await page.title()).toBe("Vos interlocuteurs — Trouver le bon interlocuteur — RDV Orientation");
  expect((await focused(page)).tag).toBe("h1");
  const main = page.getByRole("main");
  const titles = (await main.getByRole("heading", { level: 2 }).allTextContents()).map(normalise);
  expect(titles[0]).toMatch(/^Transitions Pro/);
  expect(titles[1]).toMatch(/^Points? Info Conseil VAE|^PIC/);
  expect(normalise(await main.textContent())).toContain("Transitions Pro informe les salariés");
  expect(normalise(await main.textContent())).toContain("Prochaine disponibilité");
  // The answers' commune by its name, as it was chosen (not its code).
  const recap = normalise(await main.locator(".orientation__recap").textContent());
  expect(recap).toMatch(/Commune ?Lille \(59000, 59160…\)/);
  expect(recap).not.toContain(LILLE.code);
  await expectAccessibleAtEveryWidth(page, "recommendations");

  const link = await tabTo(page, (focus) => focus.name.startsWith("Prendre rendez-vous"));
  const structureId = new URL(link.href ?? "", "http://x").searchParams.get("structure");
  expect(link.href).toBe(`/rendez-vous?service=projet-transition-professionnelle&commune=${LILLE.code}&structure=${structureId}`);
  const structure = await staff.harness.db.prisma.structure.findUniqueOrThrow({
    where: { id: structureId ?? "" },
    include: { network: true },
  });
  expect(structure.network.slug).toBe("transitions-pro");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/rendez-vous?**");
  await settled(page);
  expect(await page.title()).toMatch(/^Étape 2 sur 4 : choisir un créneau/);
  expect(normalise(await page.getByRole("main").textContent())).toContain(structure.name);

  // Back: the same answers, read from the address.
  await page.goBack();
  await page.waitForURL(`**${EMPLOYEE_45}`);
  await page.getByRole("heading", { level: 1, name: "Vos interlocuteurs" }).waitFor();
  expect(problems).toEqual([]);
  await close();
});

test("a need given in the address is chosen, and missing answers are named", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto(`${PATH}?besoin=vae`);
  await settled(page);
  expect(await page.getByRole("radio", { name: "Faire valider mon expérience (VAE)" }).isChecked()).toBe(true);
  await page.getByRole("button", { name: "Voir mes interlocuteurs" }).click();
  const summary = page.getByRole("alert");
  await summary.waitFor();
  expect((await focused(page)).role).toBe("alert");
  expect(await summary.getByRole("link").allTextContents()).toEqual([
    "Choisissez votre tranche d'âge.",
    "Choisissez votre situation.",
    "Choisissez votre commune dans la liste proposée : saisissez son nom ou son code postal, puis choisissez-la.",
  ]);
  expect(await page.title()).toBe("Erreur : Trouver le bon interlocuteur — RDV Orientation");
  await expectAccessibleAtEveryWidth(page, "questionnaire with errors");
  expect(page.url()).toContain(`${PATH}?besoin=vae`);
  expect(problems).toEqual([]);
  await close();
});

test("contradictory answers are refused beside the situation before anything is sent", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto(`${PATH}?besoin=find_job&commune=${LILLE.code}`);
  await settled(page);
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/orientation")) asked.push(request.url());
  });
  await page.getByRole("radio", { name: "Moins de 16 ans" }).check();
  await page.getByRole("radio", { name: "Cadre" }).check();
  await page.getByRole("button", { name: "Voir mes interlocuteurs" }).click();
  const summary = page.getByRole("alert");
  await summary.waitFor();
  const message =
    "Cette situation ne correspond pas à l'âge choisi : on ne peut pas être cadre avant 16 ans. Changez votre âge ou votre situation.";
  expect(await summary.getByRole("link").allTextContents()).toEqual([message]);
  // Beside the question, and read with it: the fieldset is described by the message.
  const situation = page.getByRole("group", { name: "Votre situation" });
  expect(await situation.getAttribute("aria-describedby")).toBe("situation-error");
  expect(normalise(await page.locator("#situation-error").textContent())).toBe(`Erreur : ${message}`);
  await expectAccessibleAtEveryWidth(page, "questionnaire with contradictory answers");
  expect(asked).toEqual([]);

  // The new situations are offered; a retiree's answers go through.
  await page.getByRole("radio", { name: "45 ans et plus" }).check();
  await page.getByRole("radio", { name: "Retraité·e" }).check();
  await page.getByRole("button", { name: "Voir mes interlocuteurs" }).click();
  await page.getByRole("heading", { level: 1, name: "Vos interlocuteurs" }).waitFor();
  expect((await page.getByRole("heading", { level: 2 }).allTextContents()).join(" | ")).toMatch(/^Opacif.* \| France Travail/);
  expect(problems).toEqual([]);
  await close();
});

test("the Région rewrites a rule's reason, and the questionnaire gives the new one", { timeout: 90_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin@demo.example", "Anne");
  await page.goto("/espace/annuaire");
  await page.getByRole("link", { name: "Table d'orientation" }).click();
  await page.getByRole("heading", { level: 1, name: "Table d'orientation" }).waitFor();
  await settled(page);
  const rule = page.getByRole("listitem").filter({
    has: page.getByRole("heading", {
      level: 2,
      name: /Salarié·e · Changer de métier ou Choisir un métier ou une formation → Transitions Pro/,
    }),
  });
  await rule.waitFor();
  const fallback = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: /Par défaut →/ }) });
  expect(await fallback.getByRole("button", { name: /Supprimer|Désactiver|Monter|Descendre/ }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "orientation table");

  await rule.getByRole("button", { name: /^Modifier/ }).click();
  const reason = rule.getByLabel("Raison");
  await reason.fill("Transitions Pro vous aide à changer de métier, et peut financer votre formation.");
  await expectAccessibleAtEveryWidth(page, "orientation table, a rule open");
  await rule.getByRole("button", { name: "Enregistrer la règle" }).click();
  await page.getByRole("status").filter({ hasText: "est enregistrée" }).waitFor();

  // « Tester un profil » reads the table as it now is.
  const tester = page.getByRole("form", { name: "Tester un profil" });
  await tester.getByLabel("Âge").selectOption("from_45");
  await tester.getByLabel("Situation").selectOption("employee");
  await tester.getByLabel("Besoin").selectOption("career_change");
  await tester.getByRole("combobox", { name: "Commune" }).fill("Lille");
  await page.getByRole("option", { name: LILLE.label }).click();
  await tester.getByRole("button", { name: "Voir les recommandations" }).click();
  await page.getByText("Transitions Pro vous aide à changer de métier, et peut financer votre formation.").first().waitFor();

  await page.goto(EMPLOYEE_45);
  await page.getByRole("heading", { level: 1, name: "Vos interlocuteurs" }).waitFor();
  await settled(page);
  expect(normalise(await page.getByRole("main").textContent())).toContain(
    "Transitions Pro vous aide à changer de métier, et peut financer votre formation.",
  );
  // The sign-in page asks /me first: its 401 is expected.
  expect(problems.filter((problem) => !problem.includes("401"))).toEqual([]);
  await close();
});
