import { expect, test } from "vitest";
import { messageOf } from "../helpers/app.ts";
import { focused, NOW, normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, lilleMeeting, useStaffHarness } from "./staff-helpers.ts";

// The agenda, an appointment and the reception desk as their users live them: the desk books a
// walk-in and prints the confirmation, an advisor marks what became of a meeting and books the
// next one.

const staff = useStaffHarness();

/** The day of the server's clock: the browser's own is today's real date. */
const TODAY = NOW.slice(0, 10);

test("the reception desk books a walk-in known only by phone, and prints the confirmation", { timeout: 60_000 }, async () => {
  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Accueil" }).click();
  await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
  const form = page.getByRole("form", { name: "Réserver pour la personne" });
  await form.getByLabel("Service").locator("option").nth(1).waitFor({ state: "attached" });
  await expectAccessibleAtEveryWidth(page, "desk");
  // The meeting may be in another structure's offering open to staff: the desk's own come first.
  const groups = await form
    .getByLabel("Structure du rendez-vous")
    .locator("optgroup")
    .evaluateAll((found) => found.map((group) => group.getAttribute("label")));
  expect(groups).toEqual(["Vos structures", "Autres structures"]);

  await form.getByLabel("Prénom").fill("Karim");
  await form.getByLabel("Nom", { exact: true }).fill("Benali");
  await form.getByLabel("Téléphone (facultatif)").fill("06 98 76 54 32");
  // A mobile: « Recevoir les rappels par SMS » comes, ticked; the person does not want them.
  const sms = form.getByLabel("Recevoir les rappels par SMS");
  expect(await sms.isChecked()).toBe(true);
  await sms.uncheck();
  await form.getByLabel("Service").selectOption({ index: 1 });
  const slots = page.getByRole("group", { name: /Créneau/ });
  await slots.getByRole("radio").first().check();
  // What the person asks for the meeting, as online: the advisor reads it on the appointment.
  await form.getByRole("checkbox", { name: "Boucle magnétique" }).check();
  await form.getByLabel("Autres besoins d'aménagement, ou précisions (facultatif)").fill("Arrive avec sa fille");
  await expectAccessibleAtEveryWidth(page, "desk, slot chosen");
  await page.getByRole("button", { name: "Réserver le rendez-vous" }).click();

  await page.getByRole("heading", { level: 1, name: "Rendez-vous réservé" }).waitFor();
  await page.getByText("Aucun courriel n'est envoyé").waitFor();
  const person = await staff.harness.db.prisma.person.findFirstOrThrow({ where: { lastName: "Benali" } });
  expect(person).toMatchObject({ phone: "+33698765432", email: null, smsReminders: false });
  expect(
    await staff.harness.db.prisma.appointment.findFirstOrThrow({
      where: { personId: person.id },
      select: { accessibilityAids: true, accessibilityNeeds: true },
    }),
  ).toEqual({ accessibilityAids: ["hearing_loop"], accessibilityNeeds: "Arrive avec sa fille" });
  await expectAccessibleAtEveryWidth(page, "desk confirmation");

  // Printed: the meeting, the structure's contact and the private link; none of the screen around.
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".site-header").isVisible()).toBe(false);
  expect(await page.getByRole("button", { name: "Imprimer la confirmation" }).isVisible()).toBe(false);
  expect(await page.getByText("Aucun courriel n'est envoyé").isVisible()).toBe(false);
  const printed = normalise(await page.locator(".desk-print").textContent());
  expect(printed).toContain("Votre rendez-vous, Karim Benali");
  expect(printed).toContain("Mission Locale de Lille");
  expect(printed).toMatch(/\/rdv\/[\w-]+/);
  await page.emulateMedia({ media: "screen" });

  // The person gives an address after all: the confirmation goes, with the very link printed.
  const mail = page.getByRole("form", { name: "Envoyer la confirmation par courriel" });
  await mail.getByRole("button", { name: "Envoyer la confirmation" }).click();
  await mail.getByText("Saisissez l'adresse électronique de la personne.").first().waitFor();
  await mail.getByLabel("Adresse électronique de la personne").fill("karim.benali@example.org");
  await mail.getByRole("button", { name: "Envoyer la confirmation" }).click();
  await page.getByText("Confirmation envoyée à karim.benali@example.org.").waitFor();
  const message = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { recipient: "karim.benali@example.org", type: "appointment.booked" },
  });
  expect(messageOf(message).text).toContain(printed.match(/\/rdv\/[\w-]+/)?.[0]);
  await expectAccessibleAtEveryWidth(page, "desk confirmation, e-mailed");

  // Back at the desk, the same person is found by their phone number and booked again.
  await page.getByRole("link", { name: "Nouveau rendez-vous" }).click();
  await page.getByRole("heading", { level: 1, name: "Accueil" }).waitFor();
  await page.getByLabel("Retrouver une personne déjà venue").fill("06 98 76");
  await page.getByRole("button", { name: "Rechercher" }).click();
  // Booked at the desk or online, the person's last step is not called a visit.
  await page
    .getByRole("radio", { name: /^Karim Benali — karim\.benali@example\.org — 06 98 76 54 32 — dernier rendez-vous ici le / })
    .check();
  expect(await page.getByLabel("Prénom").count()).toBe(0);
  await form.getByLabel("Service").selectOption({ index: 1 });
  await slots.getByRole("radio").first().waitFor();
  // This time, from Tuesday next week on; then the slots after those.
  await form.getByLabel("À partir du").fill("2026-03-31");
  const said = form.getByRole("status").filter({ hasText: /^Les premiers créneaux libres à partir du mardi 31 mars/ });
  await said.waitFor();
  const labels = await slots
    .getByRole("radio")
    .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? ""));
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.every((label) => !/\b(2[3-9]|30) mars\b/.test(label))).toBe(true);
  await expectAxeClean(page, "desk, slots from a day on");
  await form.getByRole("button", { name: "Créneaux suivants" }).click();
  // Said once the next day is there (the sentence about 31 March is on screen until then).
  await form
    .getByRole("status")
    .filter({ hasText: /^(Les premiers créneaux libres|Aucun créneau libre) à partir du (?!mardi 31 mars)/ })
    .waitFor();
  const next = normalise(await form.getByLabel("À partir du").inputValue());
  expect(next > "2026-03-31").toBe(true);
  await form.getByLabel("À partir du").fill("2026-03-31");
  await said.waitFor();
  await slots.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Réserver le rendez-vous" }).click();
  await page.getByRole("heading", { level: 1, name: "Rendez-vous réservé" }).waitFor();
  const booked = await staff.harness.db.prisma.appointment.findMany({
    where: { personId: person.id },
    orderBy: { createdAt: "asc" },
  });
  expect(booked).toHaveLength(2);
  expect((booked[1]?.startsAt.toISOString() ?? "") >= "2026-03-31").toBe(true);
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("the reception desk sees its team's week, an advisor's meetings in another structure as busy time", {
  timeout: 60_000,
}, async () => {
  // The structure's advisor also works at a CIO, where someone booked them today at 15 h.
  const p = staff.harness.db.prisma;
  const advisor = await p.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const offering = (
    await p.offering.findMany({ where: { structure: { slug: { not: "mission-locale-lille" } } }, include: { structure: true } })
  ).find((o) => o.modes.includes("phone"));
  if (!offering) throw new Error("no phone offering elsewhere");
  const cio = offering.structure;
  await p.membership.create({ data: { userId: advisor.id, structureId: cio.id, role: "advisor" } });
  const elsewhere = await p.person.create({ data: { firstName: "Basile", lastName: "Ailleurs", phone: "+33611223344" } });
  await p.appointment.create({
    data: {
      offeringId: offering.id,
      structureId: cio.id,
      mode: "phone",
      advisorId: advisor.id,
      personId: elsewhere.id,
      startsAt: new Date(`${TODAY}T14:00:00Z`),
      endsAt: new Date(`${TODAY}T14:45:00Z`),
      channel: "online",
    },
  });
  const { page, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.goto(`/espace/agenda?date=${TODAY}`);
  await page.getByRole("heading", { level: 1, name: "Agenda" }).waitFor();
  // The list view (the grid is agenda-grid.test.ts's).
  await page.getByRole("button", { name: "Liste" }).click();
  await page.locator(".agenda-day").first().waitFor();
  expect(await page.getByLabel("Agenda", { exact: true }).inputValue()).not.toBe("");
  expect(await page.locator(".agenda-day").count()).toBe(7);
  // Today is the server's day (the test's browser lives at its own date).
  expect(await page.getByRole("heading", { level: 3, name: /— aujourd'hui$/ }).allTextContents()).toEqual([
    "Lundi 23 mars — aujourd'hui",
  ]);
  await expectAccessibleAtEveryWidth(page, "team agenda");
  await page.getByRole("link", { name: "Vue jour" }).click();
  await page.getByRole("heading", { level: 2, name: "Lundi 23 mars" }).waitFor();
  expect(await page.locator(".agenda-day").count()).toBe(1);
  const busy = page.locator(".agenda-item--busy");
  await busy.first().waitFor();
  expect(normalise(await busy.first().textContent())).toMatch(
    /^Occupé·e 15 h 00 à 15 h 45 ?Rendez-vous dans une autre structure/,
  );
  const day = normalise(await page.locator(".agenda-day").textContent());
  expect(day).not.toMatch(/Basile|Ailleurs/);
  expect(day).not.toContain(cio.name);
  await close();
});

test("an advisor marks a started appointment honoured and books a follow-up, with the keyboard", {
  timeout: 60_000,
}, async () => {
  // Started half an hour before the server's clock: its outcome may be noted.
  const { appointment } = await lilleMeeting(
    staff.harness.db.prisma,
    { firstName: "Léa", lastName: "Suivie", phone: "+33611223344" },
    { startsAt: new Date(Date.parse(NOW) - 30 * 60_000), endsAt: new Date(Date.parse(NOW) + 15 * 60_000) },
  );

  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Agenda" }).click();
  await page.getByRole("heading", { level: 1, name: "Agenda" }).waitFor();
  await page.goto(`/espace/agenda?date=${TODAY}`);
  await page.getByRole("link", { name: "Léa Suivie" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "own agenda");
  await page.getByRole("link", { name: "Léa Suivie" }).click();
  await page.getByRole("heading", { level: 1, name: "Rendez-vous de Léa Suivie" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "appointment");

  // From here on, the keyboard alone.
  await tabTo(page, (focus) => focus.tag === "button" && focus.name === "Honoré");
  await page.keyboard.press("Enter");
  await page.getByText("Issue enregistrée : honoré.").waitFor();
  expect((await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } })).outcome).toBe(
    "honoured",
  );

  await tabTo(page, (focus) => focus.tag === "textarea");
  await page.keyboard.type("A apporté son CV.");
  await tabTo(page, (focus) => focus.name === "Enregistrer les notes");
  await page.keyboard.press("Enter");
  await page.getByText("Les notes sont enregistrées.").waitFor();

  await tabTo(page, (focus) => focus.name === "Prendre un rendez-vous de suivi");
  await page.keyboard.press("Enter");
  await page.getByRole("group", { name: /Créneau du suivi/ }).waitFor();
  await expectAccessibleAtEveryWidth(page, "follow-up slots");
  await tabTo(page, (focus) => focus.type === "radio");
  await page.keyboard.press("Space");
  expect((await focused(page)).checked).toBe(true);
  await tabTo(page, (focus) => focus.name === "Réserver le suivi");
  await page.keyboard.press("Enter");
  await page.getByText(/Rendez-vous de suivi réservé le/).waitFor();

  const followUp = await staff.harness.db.prisma.appointment.findFirstOrThrow({ where: { followUpOfId: appointment.id } });
  expect(followUp).toMatchObject({ personId: appointment.personId, offeringId: appointment.offeringId, channel: "advisor" });
  const stored = await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: appointment.id } });
  expect(stored.notes).toBe("A apporté son CV.");

  // The follow-up has not started: the server's refusal is said where the buttons are.
  await page.getByRole("link", { name: "Ouvrir le rendez-vous de suivi" }).click();
  await page.getByRole("heading", { level: 1, name: "Rendez-vous de Léa Suivie" }).waitFor();
  await page.getByRole("link", { name: "Rendez-vous précédent" }).waitFor();
  await page.getByRole("button", { name: "Absent·e" }).click();
  await page.getByRole("alert").getByText("Le rendez-vous n'a pas encore commencé").waitFor();

  // Cancelling asks for a reason, in a dialog; « Garder le rendez-vous » leaves it as it was.
  await page.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  expect(await dialog.getByRole("button", { name: "Annuler", exact: true }).count()).toBe(0);
  await dialog.getByRole("button", { name: "Garder le rendez-vous" }).click();
  await dialog.waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await dialog.getByText("Saisissez le motif de l'annulation.").waitFor();
  await expectAxeClean(page, "cancel dialog");
  await dialog.getByLabel("Motif").fill("Conseiller en formation");
  await dialog.getByRole("button", { name: "Confirmer l'annulation" }).click();
  await page.getByText("Ce rendez-vous est annulé.").waitFor();
  expect(await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({
    status: "cancelled",
    cancelReason: "Conseiller en formation",
  });
  // 401: /me before signing in; 409: the outcome refused before the start.
  expect(problems.filter((problem) => !/\b(401|409)\b/.test(problem))).toEqual([]);
  await close();
});

test("an advisor subscribes their calendar app to a private address, and revokes it", { timeout: 60_000 }, async () => {
  const { page, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.goto("/espace/compte");
  const section = page.getByRole("region", { name: "Abonnement à votre agenda" });
  await section.getByRole("button", { name: "Créer mon adresse d'abonnement" }).click();
  const address = section.getByLabel("Votre adresse d'abonnement");
  await address.waitFor();
  const url = new URL(await address.inputValue());
  expect(url.pathname).toMatch(/^\/api\/feeds\/[\w-]{43}\.ics$/);
  await expectAccessibleAtEveryWidth(page, "calendar feed created");
  const feed = await page.request.get(url.pathname);
  expect([feed.status(), feed.headers()["content-type"]]).toEqual([200, expect.stringMatching(/^text\/calendar/)]);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");

  // Revoked: the address stops working at once.
  await section.getByRole("button", { name: "Révoquer l'abonnement" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Révoquer" }).click();
  await page.getByText("Abonnement révoqué : l'adresse ne fonctionne plus.").waitFor();
  expect((await page.request.get(url.pathname)).status()).toBe(404);
  await section.getByRole("button", { name: "Créer mon adresse d'abonnement" }).waitFor();
  await close();
});

test("an advisor has no reception desk, and is told so", async () => {
  const { page, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.goto("/espace/accueil");
  await page.getByRole("heading", { level: 1, name: "Accès non autorisé" }).waitFor();
  await page.getByText("Cet espace n'est pas ouvert à votre rôle.").waitFor();
  await close();
});

test("staff are told to call someone whose only contact is a landline, on the appointment and at the desk", {
  timeout: 60_000,
}, async () => {
  const p = staff.harness.db.prisma;
  const structure = await p.structure.findUniqueOrThrow({
    where: { slug: "mission-locale-lille" },
    include: { offerings: { take: 1, orderBy: { id: "asc" } } },
  });
  const advisor = await p.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const offering = structure.offerings[0];
  if (!offering) throw new Error("no offering at Mission Locale de Lille");
  const person = await p.person.create({ data: { firstName: "Gaston", lastName: "Fixe", phone: "+33320112233" } });
  // Three days on, before opening hours: no slot any other test books.
  const startsAt = new Date(Date.parse(`${TODAY}T05:00:00Z`) + 3 * 86_400_000);
  const appointment = await p.appointment.create({
    data: {
      offeringId: offering.id,
      structureId: structure.id,
      mode: "phone",
      advisorId: advisor.id,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      channel: "reception",
    },
  });

  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.goto(`/espace/rendez-vous/${appointment.id}`);
  await page.getByRole("heading", { level: 1, name: "Rendez-vous de Gaston Fixe" }).waitFor();
  const facts = page.getByRole("region", { name: "La personne" });
  const phone = facts.getByRole("link", { name: "03 20 11 22 33" });
  expect(await phone.getAttribute("href")).toBe("tel:0320112233");
  expect(normalise(await facts.textContent())).toContain(
    "Pour la prévenirÀ prévenir par téléphone : sans adresse électronique ni numéro de mobile, la personne ne reçoit ni courriel ni SMS de ses rendez-vous.",
  );
  await expectAccessibleAtEveryWidth(page, "appointment of someone to call");

  await page.goto("/espace/accueil");
  await page.getByLabel("Retrouver une personne déjà venue").fill("03 20 11 22");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await page
    .getByRole("radio", { name: /^Gaston Fixe — 03 20 11 22 33 — à prévenir par téléphone — dernier rendez-vous ici le / })
    .waitFor();
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
