import { expect, test } from "vitest";
import { sessionKeyOf } from "../../server/domain/availability.ts";
import { NOW, normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// A collective session as its advisor lives it: from the agenda to the session's page, the
// attendance marked for each participant, then the attendance sheet printed for signatures.

const staff = useStaffHarness();

type NewPerson = { firstName: string; lastName: string; email?: string; phone?: string };

/**
 * A collective offering of the demo's advisor at the Mission Locale de Lille, and a session of it
 * at `start` with these people, booked at the reception desk.
 */
async function session(service: { slug: string; name: string }, start: Date, minutes: number, people: NewPerson[]) {
  const p = staff.harness.db.prisma;
  const structure = await p.structure.findUniqueOrThrow({
    where: { slug: "mission-locale-lille" },
    include: { sites: { take: 1, orderBy: { name: "asc" } } },
  });
  const advisor = await p.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const { id: serviceId } = await p.service.create({ data: service });
  const offering = await p.offering.create({
    data: { structureId: structure.id, serviceId, durationMinutes: minutes, seats: 12, modes: ["onsite"] },
  });
  const siteId = structure.sites[0]?.id ?? null;
  const sessionKey = sessionKeyOf(offering.id, advisor.id, start);
  const ids: string[] = [];
  for (const data of people) {
    const person = await p.person.create({ data });
    const seat = await p.appointment.create({
      data: {
        offeringId: offering.id,
        structureId: structure.id,
        siteId,
        mode: "onsite",
        advisorId: advisor.id,
        personId: person.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + minutes * 60_000),
        sessionKey,
        channel: "reception",
      },
    });
    ids.push(seat.id);
  }
  return { sessionKey, ids, structure, advisor, offering, siteId };
}

test("an advisor opens a session from the agenda, marks attendance, and prints the attendance sheet", {
  timeout: 90_000,
}, async () => {
  // 06:00 in Paris, three hours before the server's clock and the advisor's hours: no demo meeting of theirs is there.
  const { sessionKey } = await session(
    { slug: "atelier-cv", name: "Atelier CV collectif" },
    new Date(Date.parse(NOW) - 3 * 3_600_000),
    90,
    [
      { firstName: "Inès", lastName: "Bernard", email: "ines.bernard@example.org" },
      { firstName: "Hugo", lastName: "Lambert", phone: "+33611223344" },
      { firstName: "Yasmine", lastName: "Cordier", phone: "+33320112233" },
    ],
  );
  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.goto(`/espace/agenda?date=${NOW.slice(0, 10)}&vue=jour`);
  await page.getByRole("heading", { level: 1, name: "Agenda" }).waitFor();
  // The agenda's grid draws the session as one block, its link naming the session.
  await page.getByRole("link", { name: "Session collective « Atelier CV collectif » : participants et présences" }).click();

  await page.getByRole("heading", { level: 1, name: "Session « Atelier CV collectif » du lundi 23 mars 2026" }).waitFor();
  const facts = normalise(await page.locator(".directory-facts").textContent());
  expect(facts).toContain("lundi 23 mars 2026, de 6 h 00 à 7 h 30");
  expect(facts).toContain("3 prises sur 12, 9 libres");
  expect(page.url()).not.toMatch(/Bernard|Lambert|Cordier|example/);
  expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/espace/sessions/${sessionKey.replaceAll("/", "~")}`);
  await expectAccessibleAtEveryWidth(page, "session");

  // Participants by name, with how to reach them; the landline is to be called.
  const names = await page.locator(".session-participant__name").allTextContents();
  expect(names).toEqual(["Inès Bernard", "Yasmine Cordier", "Hugo Lambert"]);
  expect(normalise(await page.locator(".session-attendance").textContent())).toContain(
    "03 20 11 22 33 (à prévenir par téléphone)",
  );

  await page.getByRole("group", { name: "Présence d'Inès Bernard" }).getByRole("radio", { name: "Honoré" }).check();
  await page.getByRole("group", { name: "Présence d'Hugo Lambert" }).getByRole("radio", { name: "Absent·e" }).check();
  await page.getByRole("group", { name: "Présence de Yasmine Cordier" }).getByRole("radio", { name: "Excusé·e" }).check();
  await page.getByRole("button", { name: "Enregistrer les présences" }).click();
  await page.getByText("Présences enregistrées (3 participants).").waitFor();
  const seats = await staff.harness.db.prisma.appointment.findMany({
    where: { sessionKey },
    select: { outcome: true, person: { select: { lastName: true } } },
    orderBy: { person: { lastName: "asc" } },
  });
  expect(seats.map((s) => [s.person.lastName, s.outcome])).toEqual([
    ["Bernard", "honoured"],
    ["Cordier", "excused"],
    ["Lambert", "no_show"],
  ]);
  // Marked, the session took place: it may no longer be cancelled, and the choices stay shown.
  expect(await page.getByRole("button", { name: "Annuler la session" }).count()).toBe(0);
  expect(
    await page.getByRole("group", { name: "Présence d'Hugo Lambert" }).getByRole("radio", { name: "Absent·e" }).isChecked(),
  ).toBe(true);
  await expectAccessibleAtEveryWidth(page, "session, attendance marked");

  // On paper: the sheet alone, with a signature column; none of the screen around it.
  expect(await page.locator(".emargement").isVisible()).toBe(false);
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".site-header").isVisible()).toBe(false);
  expect(await page.getByRole("navigation").first().isVisible()).toBe(false);
  expect(await page.getByRole("heading", { level: 1 }).isVisible()).toBe(false);
  expect(await page.getByRole("button", { name: "Enregistrer les présences" }).isVisible()).toBe(false);
  const sheet = page.locator(".emargement");
  expect(await sheet.isVisible()).toBe(true);
  expect(await sheet.getByRole("columnheader").allTextContents()).toEqual(["Nom", "Prénom", "Signature"]);
  const rows = await sheet
    .locator("tbody tr")
    .evaluateAll((found) => found.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent ?? "")));
  expect(rows).toEqual([
    ["Bernard", "Inès", ""],
    ["Cordier", "Yasmine", ""],
    ["Lambert", "Hugo", ""],
  ]);
  const printed = normalise(await sheet.textContent());
  expect(printed).toContain("Feuille d'émargement");
  expect(printed).toContain("Atelier CV collectif — Mission Locale de Lille");
  expect(printed).toContain("Animée par David Conseil");
  await page.emulateMedia({ media: "screen" });
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("a coming session moves whole from its page, then is cancelled with every participant told", {
  timeout: 90_000,
}, async () => {
  const p = staff.harness.db.prisma;
  const { ids, structure, advisor, offering, siteId } = await session(
    { slug: "atelier-entretien", name: "Atelier entretien d'embauche" },
    new Date("2026-03-27T17:00:00Z"),
    60,
    [
      { firstName: "Nora", lastName: "Petit", email: "nora.petit@example.org" },
      { firstName: "Paul", lastName: "Roux", phone: "+33320445566" },
    ],
  );
  // Friday 27 March and 3 April, 18:00 in Paris: the advisor's range for this workshop only.
  await p.availabilityRule.create({
    data: {
      advisorId: advisor.id,
      structureId: structure.id,
      siteId,
      modes: ["onsite"],
      weekdays: [5],
      startTime: "18:00",
      endTime: "19:00",
      validFrom: new Date("2026-03-23"),
      offerings: { create: [{ offeringId: offering.id }] },
    },
  });

  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  // From a seat's own page.
  await page.goto(`/espace/rendez-vous/${ids[0]}`);
  await page.getByRole("link", { name: "Voir la session, ses participants et la feuille d'émargement" }).click();
  await page
    .getByRole("heading", { level: 1, name: /^Session « Atelier entretien d'embauche » du vendredi 27 mars 2026$/ })
    .waitFor();
  await page.getByText("La présence de chacun se note à partir de l'heure de la session").waitFor();

  const move = page.getByRole("group", { name: "Nouveau créneau" });
  await move.getByRole("radio").first().waitFor();
  const choices = await move
    .getByRole("radio")
    .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? ""));
  expect(normalise(choices[0])).toMatch(/^vendredi 3 avril à 18 h 00 — Sur place/);
  await move.getByRole("radio").first().check();
  await expectAccessibleAtEveryWidth(page, "session, a new time chosen");
  await page.getByRole("button", { name: "Déplacer la session" }).click();
  const dialog = page.getByRole("dialog", { name: "Déplacer toute la session ?" });
  // Paul has a landline only: nobody will text him.
  expect(normalise(await dialog.textContent())).toContain("Paul Roux, 03 20 44 55 66");
  await expectAccessibleAtEveryWidth(page, "session, move dialog");
  await dialog.getByRole("button", { name: "Confirmer le déplacement" }).click();
  await page.getByRole("heading", { level: 1, name: /du vendredi 3 avril 2026$/ }).waitFor();
  const moved = await p.appointment.findMany({ where: { id: { in: ids } } });
  expect(moved.map((a) => [a.startsAt.toISOString(), a.icsSequence])).toEqual([
    ["2026-04-03T16:00:00.000Z", 1],
    ["2026-04-03T16:00:00.000Z", 1],
  ]);
  expect(await p.outboxMessage.count({ where: { appointmentId: { in: ids }, type: "appointment.moved" } })).toBe(1);

  await page.getByRole("button", { name: "Annuler la session" }).click();
  const cancel = page.getByRole("dialog", { name: "Annuler toute la session ?" });
  await cancel.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await cancel.getByText("Saisissez le motif de l'annulation.").waitFor();
  await cancel.getByLabel("Motif").fill("Salle indisponible");
  await cancel.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await page.getByText("Cette session est annulée : elle n'a plus d'inscrit.").waitFor();
  expect(await p.appointment.count({ where: { id: { in: ids }, status: "cancelled" } })).toBe(2);
  await expectAccessibleAtEveryWidth(page, "session cancelled");
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
