import { expect, test } from "vitest";
import { NOW, normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, useStaffHarness } from "./staff-helpers.ts";

// Issue 23: the reception desk of the Mission Locale de Lille sees who waits for a freed slot, in
// order, takes someone off the list after a confirmation, and puts a caller on it from the desk.

const staff = useStaffHarness();

test("the waiting list: shown in order, someone removed, someone added at the desk", { timeout: 120_000 }, async () => {
  const prisma = staff.harness.db.prisma;
  const structure = await prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  const offering = await prisma.offering.findFirstOrThrow({
    where: { structureId: structure.id, seats: 1, active: true },
    include: { service: true },
    orderBy: { id: "asc" },
  });
  for (const [i, person] of [
    { firstName: "Inès", lastName: "Attente", phone: "+33611223344" },
    { firstName: "Yves", lastName: "Patient", email: "yves.patient@example.org" },
  ].entries()) {
    const { id } = await prisma.person.create({ data: person });
    await prisma.waitlistEntry.create({
      data: {
        offeringId: offering.id,
        personId: id,
        channel: "online",
        otherwiseAt: new Date(Date.parse(NOW) + 60 * 86_400_000),
        createdAt: new Date(Date.parse(NOW) - (2 - i) * 86_400_000),
      },
    });
  }

  const desk = await staff.signedIn("accueil@demo.example", "Emma");
  const { page } = desk;
  await page.getByRole("link", { name: "Liste d'attente" }).click();
  await page.getByRole("heading", { level: 1, name: "Liste d'attente" }).waitFor();
  const rows = page.locator(".waitlist-table tbody tr");
  await rows.nth(1).waitFor();
  // In join order, with what the desk needs to call them.
  expect(normalise(await rows.nth(0).textContent())).toMatch(/^Inès Attente.*06 11 22 33 44/);
  expect(normalise(await rows.nth(1).textContent())).toMatch(/^Yves Patient.*yves\.patient@example\.org/);
  expect(await page.getByLabel("Service", { exact: true }).textContent()).toContain(`${offering.service.name} (2 personnes)`);
  await expectAccessibleAtEveryWidth(page, "waiting list");

  // « Retirer » asks first, then says it and the row goes.
  await page.getByRole("button", { name: "Retirer Inès Attente de la liste" }).click();
  const dialog = page.getByRole("dialog", { name: "Retirer Inès Attente de la liste d'attente ?" });
  await dialog.waitFor();
  await expectAxeClean(page, "confirm dialog");
  await dialog.getByRole("button", { name: "Retirer de la liste" }).click();
  await page.getByRole("status").getByText("Inès Attente ne figure plus sur la liste d'attente.").waitFor();
  await page.getByText("Inès Attente", { exact: true }).waitFor({ state: "detached" });
  expect(await rows.count()).toBe(1);
  expect((await prisma.waitlistEntry.findFirstOrThrow({ where: { person: { lastName: "Attente" } } })).endReason).toBe("removed");

  // At the desk: a caller for whom no slot suits goes on the list of the service chosen.
  await page.goto("/espace/accueil");
  await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
  await page.getByLabel("Prénom").fill("Sami");
  await page.getByLabel("Nom", { exact: true }).fill("Rappel");
  await page.getByLabel("Téléphone (facultatif)").fill("06 98 76 54 32");
  // Another structure's list is its own desk's: the section goes when the meeting would be elsewhere.
  const target = page.getByLabel("Structure du rendez-vous");
  const own = await target.inputValue();
  const other = (await target.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
    .filter((value) => value && value !== own)
    .at(0);
  expect(other).toBeDefined();
  await target.selectOption(other as string);
  await page.getByRole("heading", { name: "Aucun créneau ne convient ?" }).waitFor({ state: "detached" });
  await target.selectOption(own);
  await page.getByLabel("Service", { exact: true }).selectOption({ label: offering.service.name });
  // She can come on Monday mornings only.
  await page
    .getByRole("group", { name: /Demi-journées possibles/ })
    .getByLabel("lundi matin")
    .check();
  await page.getByRole("button", { name: "Mettre en liste d'attente" }).click();
  await page.getByText(`Sami Rappel est en liste d'attente pour « ${offering.service.name} ».`).waitFor();
  await expectAccessibleAtEveryWidth(page, "desk after putting someone on the list");
  await page.getByRole("link", { name: "Voir la liste d'attente" }).click();
  await rows.nth(1).waitFor();
  expect(normalise(await rows.nth(1).textContent())).toMatch(
    /^Sami Rappel.*06 98 76 54 32.*lundi matin.*À l'accueil.*par Emma Accueil/,
  );
  // The sign-in page asks /me before anyone is signed in: its 401 is expected.
  expect(desk.problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await desk.close();
});
