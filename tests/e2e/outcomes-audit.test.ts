import { expect, test } from "vitest";
import { NOW, normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, lilleMeeting, useStaffHarness } from "./staff-helpers.ts";

// Issue 22: an outcome is final — the page of a meeting marked honoured offers no « Annuler » —
// and the Région's journal traces who opened it, found with the journal's filters.

const staff = useStaffHarness();

test("a meeting marked honoured is no longer offered to cancel, and its opening is in the journal", {
  timeout: 90_000,
}, async () => {
  // Started twenty minutes before the server's clock (8 h 00 UTC), over at 8 h 10.
  const { appointment, advisor } = await lilleMeeting(
    staff.harness.db.prisma,
    { firstName: "Inès", lastName: "Venue", phone: "+33611223355" },
    { startsAt: new Date(Date.parse(NOW) - 20 * 60_000), endsAt: new Date(Date.parse(NOW) + 10 * 60_000) },
  );

  const advisorPage = await staff.signedIn("conseiller@demo.example", "David");
  const { page } = advisorPage;
  await page.goto(`/espace/rendez-vous/${appointment.id}`);
  await page.getByRole("heading", { level: 1, name: "Rendez-vous d'Inès Venue" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Annuler le rendez-vous" }).waitFor();
  await page.getByRole("button", { name: "Honoré" }).click();
  await page.getByText("Issue enregistrée : honoré.").waitFor();
  // Outcomes are final: the cancellation goes with the outcome noted; a correction stays offered.
  await page.getByRole("heading", { level: 2, name: "Annuler le rendez-vous" }).waitFor({ state: "detached" });
  expect(await page.getByRole("button", { name: "Annuler le rendez-vous" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Absent·e" }).isEnabled()).toBe(true);
  // A correction says its own date at once, not the first one's (the user trial saw the old date
  // until a reload): the first outcome is dated the day before here.
  await staff.harness.db.prisma.appointment.update({
    where: { id: appointment.id },
    data: { outcomeAt: new Date(Date.parse(NOW) - 24 * 3600_000) },
  });
  await page.reload();
  const hint = page.locator("#outcome-hint");
  await hint.getByText("Honoré").waitFor();
  const first = normalise(await hint.textContent());
  await page.getByRole("button", { name: "Absent·e" }).click();
  await page.getByText("Issue enregistrée : absent·e.").waitFor();
  await hint.getByText("Absent·e").waitFor();
  const corrected = normalise(await hint.textContent());
  expect(corrected.match(/\(le ([^)]+)\)/)?.[1]).not.toBe(first.match(/\(le ([^)]+)\)/)?.[1]);
  await expectAccessibleAtEveryWidth(page, "appointment with its outcome");
  expect(advisorPage.problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await advisorPage.close();

  const region = await staff.signedIn("admin@demo.example", "Anne");
  await region.page.goto("/espace/annuaire/journal");
  await region.page.getByRole("heading", { level: 1, name: "Journal des modifications" }).waitFor();
  const filter = region.page.getByRole("form", { name: "Filtrer le journal" });
  await filter.getByLabel("Action").locator("option", { hasText: "Rendez-vous consulté" }).waitFor({ state: "attached" });
  await filter.getByLabel("Action").selectOption({ label: "Rendez-vous consulté" });
  await filter.getByLabel("Auteur").selectOption({ label: `${advisor.firstName} ${advisor.lastName}` });
  await filter.getByRole("button", { name: "Filtrer" }).click();
  const rows = region.page.locator(".directory-row");
  await rows.first().waitFor();
  const text = normalise((await rows.allTextContents()).join(" "));
  expect(text).toContain("Rendez-vous consulté : rendez-vous du");
  expect(text).toContain(`par ${advisor.firstName} ${advisor.lastName}`);
  expect(text).not.toContain("Venue");
  await region.page.getByRole("link", { name: "Voir le rendez-vous" }).first().waitFor();
  await expectAccessibleAtEveryWidth(region.page, "journal filtered");

  // The end before the start is said beside the field, and nothing is asked.
  await filter.getByLabel("Du").fill("2026-03-23");
  await filter.getByLabel("Au (inclus)").fill("2026-03-01");
  await region.page.getByText("La date de fin précède la date de début.").waitFor();
  expect(region.problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await region.close();
});
