import { expect, test } from "vitest";
import { messageOf } from "../helpers/app.ts";
import { NOW, normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, useStaffHarness } from "./staff-helpers.ts";

// Moving a meeting as staff live it: reception finds a caller's meeting in one search, moves it
// and prints the confirmation again; an advisor moves one from its page.

const staff = useStaffHarness();

/**
 * A meeting at Mission Locale de Lille with David Conseil, in an offering his hours open,
 * `days` days on at 6 h 00 (before opening hours: no slot another test books), for someone new.
 */
async function meetingFor(person: { firstName: string; lastName: string; email?: string; phone?: string }, days: number) {
  const p = staff.harness.db.prisma;
  const advisor = await p.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const structure = await p.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  const rule = await p.availabilityRule.findFirstOrThrow({
    where: { advisorId: advisor.id, structureId: structure.id, offerings: { some: { offering: { seats: 1 } } } },
    include: { offerings: { where: { offering: { seats: 1 } }, take: 1 } },
  });
  const offeringId = rule.offerings[0]?.offeringId ?? "";
  const created = await p.person.create({ data: person });
  const startsAt = new Date(Date.parse(`${NOW.slice(0, 10)}T05:00:00Z`) + days * 86_400_000);
  return p.appointment.create({
    data: {
      offeringId,
      structureId: structure.id,
      mode: "phone",
      advisorId: advisor.id,
      personId: created.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      channel: "online",
    },
  });
}

test("reception finds a caller's meeting in one search, moves it, and prints the confirmation again", {
  timeout: 90_000,
}, async () => {
  const meeting = await meetingFor(
    { firstName: "Lucie", lastName: "Vasseur", email: "lucie.vasseur@example.org", phone: "+33655443322" },
    4,
  );
  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Accueil" }).click();
  await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
  await page.getByLabel("Retrouver une personne déjà venue").fill("06 55 44 33");
  await page.getByRole("button", { name: "Rechercher" }).click();
  const upcoming = page.getByRole("list", { name: "Rendez-vous à venir" });
  const link = upcoming.getByRole("link", { name: /^Lucie Vasseur, le / });
  await link.waitFor();
  expect(normalise(await upcoming.textContent())).toMatch(/avec David Conseil — Par téléphone/);
  await expectAccessibleAtEveryWidth(page, "desk, a caller's meeting found");
  await link.click();

  await page.getByRole("heading", { level: 1, name: "Rendez-vous de Lucie Vasseur" }).waitFor();
  await page.getByRole("button", { name: "Déplacer", exact: true }).click();
  const slots = page.getByRole("group", { name: "Nouveau créneau" });
  await slots.getByRole("radio").first().check();
  const chosen = normalise(
    await slots
      .getByRole("radio")
      .first()
      .evaluate((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent),
  );
  await expectAccessibleAtEveryWidth(page, "appointment, moving");
  await page.getByRole("button", { name: "Déplacer le rendez-vous" }).click();
  const dialog = page.getByRole("dialog", { name: "Déplacer ce rendez-vous ?" });
  await dialog.waitFor();
  // Who is told, said before it is done.
  const said = normalise(await dialog.textContent());
  expect(said).toContain(`passe au ${chosen}.`);
  expect(said).toContain("La personne est prévenue par courriel, avec le rendez-vous mis à jour pour son agenda, et par SMS.");
  await expectAxeClean(page, "move confirmation");
  await dialog.getByRole("button", { name: "Confirmer le déplacement" }).click();
  const done = page.getByRole("status").filter({ hasText: /^Rendez-vous déplacé au / });
  await done.waitFor();

  const moved = await staff.harness.db.prisma.appointment.findUniqueOrThrow({
    where: { id: meeting.id },
    include: { advisor: true },
  });
  expect(moved.startsAt.getTime()).not.toBe(meeting.startsAt.getTime());
  expect(moved.icsSequence).toBe(1);
  // The slot chosen names who has the meeting now.
  expect(chosen).toContain(`${moved.advisor.firstName} ${moved.advisor.lastName}`);
  const mail = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { appointmentId: meeting.id, type: "appointment.moved", channel: "email" },
  });
  expect(messageOf(mail).ics?.content).toContain("SEQUENCE:1");
  await expectAccessibleAtEveryWidth(page, "appointment, moved");

  await page.getByRole("link", { name: "Réimprimer la confirmation" }).click();
  await page.getByRole("heading", { level: 1, name: "Confirmation du rendez-vous de Lucie Vasseur" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "confirmation printed again");
  await page.emulateMedia({ media: "print" });
  expect(await page.getByRole("button", { name: "Imprimer la confirmation" }).isVisible()).toBe(false);
  const printed = normalise(await page.locator(".desk-print").textContent());
  expect(printed).toContain("Votre rendez-vous, Lucie Vasseur");
  expect(printed).toContain(`Avec ${moved.advisor.firstName} ${moved.advisor.lastName}.`);
  // Booked without a private link the server still knows: the sheet says whom to tell.
  expect(printed).toContain("Prévenez Mission Locale de Lille, qui le déplacera ou l'annulera pour vous.");
  await page.emulateMedia({ media: "screen" });
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("an advisor moves a meeting from its page; someone to call is named", { timeout: 60_000 }, async () => {
  const meeting = await meetingFor({ firstName: "Hervé", lastName: "Delattre", phone: "+33320998877" }, 5);
  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.goto(`/espace/rendez-vous/${meeting.id}`);
  await page.getByRole("heading", { level: 1, name: "Rendez-vous d'Hervé Delattre" }).waitFor();
  const date = page.locator("dl.directory-facts dd").first();
  const before = normalise(await date.textContent());
  await page.getByRole("button", { name: "Déplacer", exact: true }).click();
  await page.getByRole("group", { name: "Nouveau créneau" }).getByRole("radio").nth(1).check();
  await page.getByRole("button", { name: "Déplacer le rendez-vous" }).click();
  const dialog = page.getByRole("dialog", { name: "Déplacer ce rendez-vous ?" });
  expect(normalise(await dialog.textContent())).toContain("prévenez-la par téléphone au 03 20 99 88 77.");
  await dialog.getByRole("button", { name: "Confirmer le déplacement" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /^Rendez-vous déplacé au / })
    .waitFor();
  // The page shows the new time at once.
  await expect.poll(async () => normalise(await date.textContent())).not.toBe(before);
  const moved = await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } });
  expect(moved.icsSequence).toBe(1);
  expect(moved.startsAt.getTime()).not.toBe(meeting.startsAt.getTime());
  expect(await page.getByRole("button", { name: "Déplacer", exact: true }).getAttribute("aria-expanded")).toBe("false");
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
