import { readFile } from "node:fs/promises";
import type { Locator } from "playwright-core";
import { expect, test } from "vitest";
import { recordWaitingTimes } from "../../server/features/dashboards/waiting-times.ts";
import { testDeps } from "../helpers/app.ts";
import { NOW, normalise, settled, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// The coordinator of the Lille territory reads its figures, changes the breakdown with the
// keyboard, downloads them; anyone reads the public statistics.

const staff = useStaffHarness();

/** A table row as read aloud: its cells, one space apart. */
const cells = async (row: Locator) => (await row.locator("th, td").allInnerTexts()).map(normalise).join(" ");

/**
 * Twelve meetings this month at the demo's Mission Locale de Lille (in the coordinator's
 * territory): seven honoured, five no-shows; six booked online, six at the desk; six people on its
 * waiting list. And tonight's waiting times.
 */
async function monthOfActivity() {
  const p = staff.harness.db.prisma;
  const advisor = await p.membership.findFirstOrThrow({
    where: { user: { email: "conseiller@demo.example" }, role: "advisor" },
    include: { structure: { include: { offerings: true } } },
  });
  const offering = advisor.structure.offerings[0];
  if (!offering) throw new Error("the demo structure offers nothing");
  for (let i = 0; i < 12; i++) {
    const person = await p.person.create({ data: { firstName: "Léa", lastName: `Chiffrée-${i}` } });
    const startsAt = new Date(Date.UTC(2026, 2, 2 + i, 8));
    await p.appointment.create({
      data: {
        offeringId: offering.id,
        structureId: advisor.structureId,
        mode: "phone",
        advisorId: advisor.userId,
        personId: person.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * 60_000),
        channel: i < 6 ? "online" : "reception",
        outcome: i < 7 ? "honoured" : "no_show",
        createdAt: new Date(startsAt.getTime() - 3 * 86_400_000),
      },
    });
  }
  // Six people waiting for an earlier meeting there, since the 1st of March.
  for (let i = 0; i < 6; i++) {
    const person = await p.person.create({ data: { firstName: "Malik", lastName: `Attente-${i}` } });
    await p.waitlistEntry.create({
      data: {
        offeringId: offering.id,
        personId: person.id,
        otherwiseAt: new Date("2026-04-20T08:00:00Z"),
        channel: "online",
        createdAt: new Date("2026-03-01T08:00:00Z"),
      },
    });
  }
  await recordWaitingTimes(testDeps(staff.harness.db), new Date(NOW));
  return advisor.structure;
}

test("the coordinator reads, breaks down and downloads their territory's figures", { timeout: 90_000 }, async () => {
  const structure = await monthOfActivity();
  const { page, problems, close } = await staff.signedIn("coordination@demo.example", "Bruno");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Tableaux de bord" }).click();
  await page.getByRole("heading", { level: 1, name: "Tableaux de bord" }).waitFor();
  await settled(page);
  // By default: January to today, a line per month.
  await page.getByText("Du 1er janvier 2026 au 23 mars 2026, une ligne par mois.").waitFor();
  const byMonth = page.getByRole("table", { name: "Rendez-vous par mois", exact: true });
  const march = await cells(byMonth.getByRole("row", { name: /mars 2026/ }));
  // 12 taken, 7 honoured, 5 no-shows, a 41,7 % no-show rate, 3 days from booking to meeting.
  expect(march).toMatch(/^mars 2026 12 7 5 0 0 0 41,7 % .* 3 jours$/);
  expect(await page.locator(".chart__drawing svg").count()).toBeGreaterThan(0);
  await page.getByRole("heading", { name: "Délai jusqu'au premier créneau libre" }).waitFor();
  const waitlist = page.getByRole("region", { name: "Liste d'attente" });
  const waitingNow = waitlist.locator(".key-figures__item", { hasText: "Personnes en attente à la fin de la période" });
  expect(await waitingNow.locator("dd").textContent()).toBe("6");
  await expectAccessibleAtEveryWidth(page, "dashboards");
  // The outcomes of the referrals with a meeting: right under « Avec un rendez-vous », indented,
  // and said « dont … » to those who hear the table rather than see it.
  const outcomes = page.getByRole("table", { name: "Ce que sont devenues les orientations" });
  const heads = outcomes.getByRole("rowheader");
  expect((await heads.allTextContents()).slice(2, 6)).toEqual([
    "Avec un rendez-vous",
    "dont rendez-vous honorés",
    "dont absences au rendez-vous",
    "dont absences excusées",
  ]);
  const indent = (name: string) =>
    outcomes
      .getByRole("rowheader", { name, exact: true })
      .evaluate((cell) => Number.parseFloat(getComputedStyle(cell).paddingLeft));
  expect(await indent("dont rendez-vous honorés")).toBeGreaterThan((await indent("Avec un rendez-vous")) + 16);

  // One line per structure, with the keyboard alone.
  await page.getByLabel("Une ligne par").focus();
  await page.keyboard.press("End"); // « service », the last; then up to « structure »
  await page.keyboard.press("ArrowUp");
  expect(await page.getByLabel("Une ligne par").inputValue()).toBe("structure");
  await tabTo(page, (f) => f.name === "Afficher les chiffres");
  await page.keyboard.press("Enter");
  await page.waitForURL(/by=structure/);
  const byStructure = page.getByRole("table", { name: "Rendez-vous par structure", exact: true });
  await byStructure.waitFor();
  expect(await cells(byStructure.getByRole("row", { name: new RegExp(structure.name) }))).toMatch(
    new RegExp(`^${structure.name} 12 7 5 0 0 0 41,7 %`),
  );

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("link", { name: /Télécharger ces chiffres/ })
      .first()
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe("rdv-orientation-rendez-vous-2026-01-01-2026-03-23.csv");
  const csv = await readFile((await download.path()) ?? "", "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`${structure.name};12;7;5;0;0;0;6;6;0;0;41,7;`);

  // A mistyped address says what is wrong beside the form, which stays to correct it.
  const other = await staff.harness.db.prisma.territory.findFirstOrThrow({
    where: { coordinators: { none: {} }, communes: { none: { communeCode: "59350" } } },
  });
  await page.goto(`/espace/tableaux-de-bord?from=2026-13-01&territory=${other.slug}`);
  const summary = page.getByRole("alert");
  await summary.getByRole("link", { name: "Du : cette date n'existe pas (format AAAA-MM-JJ)." }).waitFor();
  await page.goto(`/espace/tableaux-de-bord?territory=${other.slug}`);
  await page.getByRole("alert").getByRole("link", { name: "Territoire : vous ne suivez pas ce territoire." }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("tdb-territoire");
  await page.getByRole("button", { name: "Afficher les chiffres" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "dashboards with a refused filter");
  // The sign-in page asks who is signed in before anyone is: a 401, expected; so are the refused filters.
  expect(problems.filter((problem) => !/\b(401|404|422)\b/.test(problem))).toEqual([]);
  await close();
});

test("anyone reads the public statistics, charts and tables", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.harness.openPage();
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Statistiques" }).click();
  await page.getByRole("heading", { level: 1, name: "Statistiques" }).waitFor();
  await settled(page);
  // Since the first appointment (March), twelve months at most.
  await page.getByText("Du 1er mars 2026 au 22 mars 2026.").waitFor();
  const months = page.getByRole("table", { name: "Rendez-vous par mois", exact: true });
  expect(await months.getByRole("row").count()).toBe(1 + 1 + 1);
  expect(await cells(months.getByRole("row", { name: /^mars 2026/ }))).toMatch(/^mars 2026 12 7 5 0 0 0 41,7 %/);
  await page.getByRole("table", { name: "Rendez-vous par réseau", exact: true }).waitFor();
  await page.locator(".chart__drawing svg").first().waitFor();
  expect(await page.getByText(/Chiffrée/).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "public statistics");
  expect(problems).toEqual([]);
  await close();
});

test("a structure admin downloads their structure's appointments of a period", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Agenda" }).click();
  const section = page.getByRole("region", { name: "Exporter les rendez-vous" });
  await section.waitFor();
  await section.getByLabel("Du").fill("2026-03-01");
  await section.getByLabel("Au (inclus)").fill("2026-03-31");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    section.getByRole("link", { name: "Télécharger les rendez-vous (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^rendez-vous-.+-2026-03-01-2026-03-31\.csv$/);
  const lines = (await readFile((await download.path()) ?? "", "utf8")).split("\r\n");
  expect(lines[0]).toBe(
    "\uFEFFDate;Début;Fin;Service;Lieu;Conseiller·ère;Nom;Prénom;Courriel;Téléphone;Canal;Statut;Issue;Pris le;Pris par;Besoins d'accessibilité",
  );
  // The twelve meetings of March, 9 h 00 in Paris (winter time) from the 2nd.
  const march = lines.filter((line) => line.includes("Chiffrée"));
  expect(march).toHaveLength(12);
  expect(march[0]).toMatch(
    /^02\/03\/2026;09:00;09:30;.*;Téléphone;David Conseil;Chiffrée-0;Léa;;;En ligne;Réservé;Honoré;27\/02\/2026;La personne;$/,
  );
  await expectAccessibleAtEveryWidth(page, "agenda with the export");
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
