import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { messageOf } from "../helpers/app.ts";
import { focused, normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, useStaffHarness } from "./staff-helpers.ts";

// The availability editor as an advisor and a structure admin live it: a date added opens slots
// to the public at once; a change that would leave a booked meeting outside asks first, and
// nothing is written until someone chooses. The directory's closures ask the same question.

const staff = useStaffHarness();

/** David Conseil, the demo advisor of the Mission Locale de Lille: Monday to Thursday, 9 h to 12 h, on its first site. */
async function demoAdvisor() {
  const prisma = staff.harness.db.prisma;
  const advisor = await prisma.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const rule = await prisma.availabilityRule.findFirstOrThrow({
    where: { advisorId: advisor.id, weekdays: { equals: [1, 2, 3, 4] } },
    include: { offerings: { include: { offering: { include: { service: true } } } }, site: true },
  });
  const offering = rule.offerings[0]?.offering;
  if (!offering || !rule.site) throw new Error("the demo advisor's range has no offering or no site");
  return { advisor, rule, offering, site: rule.site };
}

/**
 * A booked meeting of the demo advisor at `local` (Paris wall time, summer: UTC+2), for a new
 * person with an e-mail, or with the `contact` given.
 */
async function bookDemoMeeting(
  local: string,
  lastName: string,
  contact: { email?: string | null; phone?: string | null } = { email: `${lastName.toLowerCase()}@exemple.fr` },
) {
  const { advisor, rule, offering, site } = await demoAdvisor();
  const prisma = staff.harness.db.prisma;
  const person = await prisma.person.create({ data: { firstName: "Inès", lastName, ...contact } });
  const startsAt = new Date(`${local}:00+02:00`);
  return prisma.appointment.create({
    data: {
      offeringId: offering.id,
      structureId: rule.structureId,
      siteId: site.id,
      mode: "onsite",
      advisorId: advisor.id,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + offering.durationMinutes * 60_000),
      channel: "online",
    },
    include: { person: true },
  });
}

/** The public's free slots of the demo advisor on one day, asked from the page's origin as the booking pages ask. */
async function publicSlots(page: Page, day: string): Promise<{ start: string; advisorId: string }[]> {
  const { advisor, rule, offering, site } = await demoAdvisor();
  const query = new URLSearchParams({
    service: offering.service.slug,
    structure: rule.structureId,
    site: site.id,
    mode: "onsite",
    from: day,
    to: day,
  });
  const slots = await page.evaluate(async (path) => {
    const response = await fetch(path);
    return ((await response.json()) as { slots: { start: string; advisorId: string }[] }).slots;
  }, `/api/slots?${query}`);
  return slots.filter((slot) => slot.advisorId === advisor.id);
}

/** Today in Paris by the real clock: the browser's, which the form's first day starts from. */
function parisToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
}

async function openOwnAvailability(page: Page) {
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Agenda" }).click();
  await page.getByRole("heading", { level: 1, name: "Agenda" }).waitFor();
  await page.getByRole("link", { name: "Mes disponibilités" }).click();
  await page.getByRole("heading", { level: 1, name: "Disponibilités" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Plages d'ouverture" }).waitFor();
}

test("an advisor adds a date: its slots are open to the public at once, and gone once it is removed", {
  timeout: 60_000,
}, async () => {
  const { offering } = await demoAdvisor();
  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await openOwnAvailability(page);
  await page.getByRole("heading", { level: 3, name: "Du lundi au jeudi, de 9 h 00 à 12 h 00" }).waitFor();

  // Saturday 28 March: the advisor never works on Saturdays.
  expect(await publicSlots(page, "2026-03-28")).toEqual([]);
  const form = page.getByRole("form", { name: "Ajouter une date" });
  // Sent empty, the summary lists the errors as the fields come: the date first.
  await form.getByRole("button", { name: "Ajouter la date" }).click();
  await form.getByRole("alert").getByRole("link").first().waitFor();
  const errors = await form.getByRole("alert").getByRole("link").allTextContents();
  expect(errors.slice(0, 3)).toEqual(["Saisissez la date ajoutée.", "Saisissez l'heure de début.", "Saisissez l'heure de fin."]);
  await form.getByLabel("Date", { exact: true }).fill("2026-03-28");
  await form.getByLabel("Début").fill("10:00");
  await form.getByLabel("Fin", { exact: true }).fill("12:00");
  await form.getByRole("checkbox", { name: offering.service.name }).check();
  await form.getByRole("button", { name: "Ajouter la date" }).click();
  await page.getByRole("status").getByText("La date du samedi 28 mars 2026 est ajoutée.").waitFor();
  await page.getByRole("heading", { level: 2, name: "Dates ajoutées" }).waitFor();
  await page.getByRole("heading", { level: 3, name: /^Le samedi 28 mars 2026, de 10 h 00 à 12 h 00$/ }).waitFor();
  const opened = await publicSlots(page, "2026-03-28");
  expect(opened.length).toBeGreaterThan(0);
  expect(opened[0]?.start).toBe("2026-03-28T10:00:00+01:00");

  await page.getByRole("button", { name: /^Supprimer\sla date Le samedi 28 mars 2026/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Supprimer la date" }).click();
  await page.getByRole("status").getByText("La date est supprimée.").waitFor();
  expect(await publicSlots(page, "2026-03-28")).toEqual([]);
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("an advisor declares an absence; the page, a refused form and the keyboard", { timeout: 90_000 }, async () => {
  const { advisor, offering } = await demoAdvisor();
  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await openOwnAvailability(page);
  await expectAccessibleAtEveryWidth(page, "availability");

  // Wednesday 1 April, 9 h 30 to 11 h: the slots of those hours close.
  const before = await publicSlots(page, "2026-04-01");
  const absence = page.getByRole("form", { name: "Déclarer une absence" });
  // Sent without a date, each form says so in its summary (and throws nothing).
  await absence.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await absence.getByRole("alert").getByRole("link", { name: "Saisissez le premier jour de l'absence." }).waitFor();
  const dayOff = page.getByRole("form", { name: "Retirer une date" });
  await dayOff.getByRole("button", { name: "Retirer la date" }).click();
  await dayOff.getByRole("alert").getByRole("link", { name: "Saisissez la date retirée." }).waitFor();
  await absence.getByLabel("Premier jour").fill("2026-04-01");
  await absence.getByLabel("À partir de (facultatif)").fill("09:30");
  await absence.getByLabel("Jusqu'à (facultatif)").fill("11:00");
  await absence.getByLabel("Motif (facultatif)").fill("Formation");
  await absence.getByRole("button", { name: "Enregistrer l'absence" }).click();
  await page.getByRole("status").getByText("Absence enregistrée : mercredi 1er avril, de 9 h 30 à 11 h 00.").waitFor();
  await page.getByRole("heading", { level: 3, name: "Mercredi 1er avril, de 9 h 30 à 11 h 00" }).waitFor();
  const after = await publicSlots(page, "2026-04-01");
  expect(after.length).toBeLessThan(before.length);
  expect(after.every((slot) => slot.start < "2026-04-01T09:30" || slot.start >= "2026-04-01T11:00")).toBe(true);

  // A range refused before sending: the summary names each field, and takes the focus.
  const add = page.getByRole("form", { name: "Ajouter une plage" });
  await add.getByRole("button", { name: "Ajouter la plage" }).click();
  const summary = add.getByRole("alert");
  await summary.getByRole("link", { name: "Cochez au moins un jour de la semaine." }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.closest("[role=alert]") !== null)).toBe(true);
  await expectAccessibleAtEveryWidth(page, "availability, refused range");

  // The keyboard alone adds a range: Friday, 14 h to 16 h, every other week, from today (the browser's).
  await summary.getByRole("link", { name: "Cochez au moins un jour de la semaine." }).focus();
  await page.keyboard.press("Enter");
  expect((await focused(page)).name).toBe("Lundi");
  await tabTo(page, (focus) => focus.name === "Vendredi");
  await page.keyboard.press("Space");
  await tabTo(page, (focus) => focus.name === "Début" || focus.type === "time");
  await page.keyboard.type("1400");
  await tabTo(page, (focus) => focus.type === "time" && focus.value === "");
  await page.keyboard.type("1600");
  await tabTo(page, (focus) => focus.name === offering.service.name);
  await page.keyboard.press("Space");
  await tabTo(page, (focus) => focus.tag === "select" && normalise(focus.name).includes("Chaque semaine"));
  await page.keyboard.press("ArrowDown");
  await tabTo(page, (focus) => focus.name === "Ajouter la plage");
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText("La plage est ajoutée.").waitFor();
  await page.getByRole("heading", { level: 3, name: "Le vendredi, de 14 h 00 à 16 h 00" }).waitFor();
  const added = await staff.harness.db.prisma.availabilityRule.findFirstOrThrow({
    where: { advisorId: advisor.id, weekdays: { equals: [5] } },
  });
  expect(added).toMatchObject({ startTime: "14:00", endTime: "16:00", everyWeeks: 2 });
  expect(added.validFrom.toISOString().slice(0, 10)).toBe(parisToday());
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("a structure admin opens an advisor's availability from the team's agenda, and the structure's closures from there", {
  timeout: 60_000,
}, async () => {
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await page.goto("/espace/agenda");
  await page.getByRole("heading", { level: 1, name: "Agenda" }).waitFor();
  await page.getByLabel("Conseiller·ère").locator("option", { hasText: "David Conseil" }).waitFor({ state: "attached" });
  await page.getByLabel("Conseiller·ère").selectOption({ label: "David Conseil" });
  await page.getByRole("button", { name: "Afficher" }).click();
  await page.getByRole("link", { name: "Disponibilités de David Conseil" }).click();
  await page.getByRole("heading", { level: 1, name: "Disponibilités" }).waitFor();
  await page.getByText("Les plages d'ouverture, dates et absences de David Conseil, à Mission Locale de Lille.").waitFor();
  await page.getByRole("heading", { level: 3, name: "Du lundi au jeudi, de 9 h 00 à 12 h 00" }).waitFor();
  await page.getByRole("link", { name: /^Fermetures de la structure/ }).click();
  await page.getByRole("tab", { name: "Fermetures", selected: true }).waitFor();
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("a structure closure over a booked meeting asks what to do with it, in the directory", { timeout: 60_000 }, async () => {
  const meeting = await bookDemoMeeting("2026-03-31T09:00", "Fermeture");
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await page.goto(`/espace/annuaire/structures/${meeting.structureId}?onglet=fermetures`);
  await page.getByRole("tab", { name: "Fermetures" }).waitFor();
  const form = page.getByRole("form", { name: "Ajouter une fermeture" });
  await form.getByLabel("Premier jour").fill("2026-03-31");
  await form.getByRole("button", { name: "Ajouter la fermeture" }).click();
  const dialog = page.getByRole("dialog", { name: "Un rendez-vous est déjà pris" });
  await dialog.waitFor();
  expect(normalise(await dialog.textContent())).toContain("mardi 31 mars 2026 à 9 h 00 — Inès Fermeture");
  await expectAxeClean(page, "closure's booked meetings dialog");
  await dialog.getByRole("button", { name: "Garder le rendez-vous" }).click();
  await page
    .getByRole("status")
    .getByText("La fermeture du 31 mars 2026 est enregistrée. Le rendez-vous concerné est gardé.")
    .waitFor();
  expect(
    await staff.harness.db.prisma.closure.count({
      where: { structureId: meeting.structureId, startDate: new Date("2026-03-31") },
    }),
  ).toBe(1);
  const kept = await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } });
  expect(kept.status).toBe("booked");
  // 409: the first request, answered with the meeting to decide about.
  expect(problems.filter((problem) => !/\b(401|409)\b/.test(problem))).toEqual([]);
  await close();
});

test("a date taken off cancels its meetings: who was told by e-mail, by SMS, and whom to call, printable", {
  timeout: 90_000,
}, async () => {
  // Tuesday 7 April: one person gave an e-mail, one a mobile, one a landline only.
  const meetings = [
    await bookDemoMeeting("2026-04-07T09:00", "Courriel"),
    await bookDemoMeeting("2026-04-07T10:00", "Mobile", { phone: "+33612345678" }),
    await bookDemoMeeting("2026-04-07T11:00", "Fixe", { phone: "+33320112233" }),
  ];
  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await openOwnAvailability(page);
  const dayOff = page.getByRole("form", { name: "Retirer une date" });
  await dayOff.getByLabel("Date retirée").fill("2026-04-07");
  await dayOff.getByRole("button", { name: "Retirer la date" }).click();
  const dialog = page.getByRole("dialog", { name: "Des rendez-vous sont déjà pris" });
  await dialog.getByRole("button", { name: "Annuler les rendez-vous et prévenir les personnes" }).click();
  const status = page.getByRole("status");
  await status
    .getByText(
      "Le mardi 7 avril 2026 est retiré des disponibilités. Les 3 rendez-vous concernés sont annulés : 2 personnes sont prévenues et 1 personne est à appeler.",
    )
    .waitFor();

  const told = page.getByRole("region", { name: "Personnes prévenues" });
  await told.getByRole("heading", { level: 2, name: "Personnes prévenues" }).waitFor();
  const group = async (title: string) => {
    const heading = told.getByRole("heading", { level: 3, name: title });
    return normalise(await heading.locator("xpath=following-sibling::ul[1]").textContent());
  };
  const service = (await demoAdvisor()).offering.service.name;
  expect(await group("Prévenues par courriel")).toBe(`Inès Courriel, rendez-vous du mardi 7 avril 2026 à 9 h 00 (${service})`);
  expect(await group("Prévenues par SMS")).toBe(`Inès Mobile, rendez-vous du mardi 7 avril 2026 à 10 h 00 (${service})`);
  expect(await group("À appeler")).toBe(
    `Inès Fixe, rendez-vous du mardi 7 avril 2026 à 11 h 00 (${service}) — Appeler Inès Fixe au 03 20 11 22 33`,
  );
  const call = told.getByRole("link", { name: "Appeler Inès Fixe au 03 20 11 22 33" });
  expect(await call.getAttribute("href")).toBe("tel:0320112233");
  expect(await told.getByRole("heading", { name: "Sans moyen de contact" }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "people told of a cancellation");

  // From the status the change said, the keyboard goes on to the number to call, then to print.
  expect((await focused(page)).name).toContain("Le mardi 7 avril 2026 est retiré");
  await page.keyboard.press("Tab");
  expect((await focused(page)).name).toBe("Appeler Inès Fixe au 03 20 11 22 33");
  await page.keyboard.press("Tab");
  expect((await focused(page)).name).toBe("Imprimer la liste");

  // Printed from its button: the list alone, without the page around it nor the button.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "oui");
  });
  await page.keyboard.press("Enter");
  expect(await page.locator("body").getAttribute("data-printed")).toBe("oui");
  await page.emulateMedia({ media: "print" });
  expect(await told.isVisible()).toBe(true);
  expect(await told.getByRole("heading", { name: "À appeler" }).isVisible()).toBe(true);
  expect(await told.getByText("03 20 11 22 33").isVisible()).toBe(true);
  for (const hidden of [
    page.locator(".site-header"),
    status,
    page.getByRole("heading", { level: 1, name: "Disponibilités" }),
    page.getByRole("heading", { level: 2, name: "Plages d'ouverture" }),
    dayOff,
    told.getByRole("button", { name: "Imprimer la liste" }),
  ]) {
    expect(await hidden.isVisible()).toBe(false);
  }
  // Once printed, printing the page prints the page.
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.getByRole("heading", { level: 2, name: "Plages d'ouverture" }).waitFor();
  await page.emulateMedia({ media: "screen" });

  // The outbox holds the e-mail and the SMS, and nothing for the landline.
  const sent = await staff.harness.db.prisma.outboxMessage.findMany({
    where: { type: "appointment.cancelled", appointmentId: { in: meetings.map((m) => m.id) } },
  });
  expect(sent.map((m) => [m.channel, m.recipient]).sort()).toEqual([
    ["email", "courriel@exemple.fr"],
    ["sms", "+33612345678"],
  ]);
  expect(problems.filter((problem) => !/\b(401|409)\b/.test(problem))).toEqual([]);
  await close();
});

test("changing a range that holds a booked meeting asks first: nothing changes, or it is cancelled and the person told", {
  timeout: 90_000,
}, async () => {
  const { rule, offering } = await demoAdvisor();
  // The last meeting of Monday 30 March's morning, on the range's grid: it starts after 10 h.
  const step = offering.durationMinutes + offering.bufferMinutes;
  const last = Math.floor((180 - offering.durationMinutes) / step) * step + 9 * 60;
  expect(last).toBeGreaterThanOrEqual(10 * 60);
  const at = `${String(Math.floor(last / 60)).padStart(2, "0")}:${String(last % 60).padStart(2, "0")}`;
  const meeting = await bookDemoMeeting(`2026-03-30T${at}`, "Déplacée");

  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await openOwnAvailability(page);
  const row = page.getByRole("listitem").filter({
    has: page.getByRole("heading", { name: "Du lundi au jeudi, de 9 h 00 à 12 h 00" }),
  });
  await row.getByRole("button", { name: /^Modifier/ }).click();
  const edit = row.getByRole("form", { name: "Modifier la plage" });
  await edit.getByLabel("Fin", { exact: true }).fill("10:00");
  await edit.getByRole("button", { name: "Enregistrer la plage" }).click();

  const dialog = page.getByRole("dialog", { name: "Un rendez-vous est déjà pris" });
  await dialog.waitFor();
  const listed = normalise(await dialog.textContent());
  expect(listed).toContain(
    `lundi 30 mars 2026 à ${Number(at.slice(0, 2))} h ${at.slice(3)} — Inès Déplacée — ${offering.service.name}`,
  );
  await expectAccessibleAtEveryWidth(page, "booked meetings dialog");

  // « Ne rien changer »: nothing is written, and the form says so.
  await dialog.getByRole("button", { name: "Ne rien changer" }).click();
  await edit.getByRole("alert").getByText("Rien n'a été changé").waitFor();
  const unchanged = await staff.harness.db.prisma.availabilityRule.findUniqueOrThrow({ where: { id: rule.id } });
  expect(unchanged.endTime).toBe("12:00");
  expect((await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("booked");

  // Cancelled: the person is told by e-mail.
  await edit.getByRole("button", { name: "Enregistrer la plage" }).click();
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Annuler le rendez-vous et prévenir la personne" }).click();
  await page
    .getByRole("status")
    .getByText("La plage est modifiée. Le rendez-vous concerné est annulé ; la personne est prévenue.")
    .waitFor();
  const told = page.getByRole("region", { name: "Personnes prévenues" });
  expect(normalise(await told.getByRole("list").textContent())).toMatch(/^Inès Déplacée, rendez-vous du lundi 30 mars 2026/);
  await page.getByRole("heading", { level: 3, name: "Du lundi au jeudi, de 9 h 00 à 10 h 00" }).waitFor();
  expect((await staff.harness.db.prisma.availabilityRule.findUniqueOrThrow({ where: { id: rule.id } })).endTime).toBe("10:00");
  expect((await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("cancelled");
  const mail = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { type: "appointment.cancelled", recipient: meeting.person.email ?? "" },
  });
  // What Inès reads: her meeting of that Monday is off, the structure's doing, with a calendar cancellation.
  const message = messageOf(mail);
  expect(mail.status).toBe("pending");
  expect(message.subject).toBe(`Rendez-vous annulé : lundi 30 mars 2026 à ${Number(at.slice(0, 2))} h ${at.slice(3)}`);
  expect(normalise(message.text)).toContain("a dû annuler votre rendez-vous");
  expect(message.ics?.method).toBe("CANCEL");

  // Deleting the range over another meeting asks too, above the confirmation; kept, it stays booked.
  const thursday = await bookDemoMeeting("2026-04-02T09:00", "Gardée");
  await page.getByRole("button", { name: /^Supprimer\sla plage Du lundi au jeudi/ }).click();
  await page.getByRole("dialog", { name: "Supprimer cette plage ?" }).getByRole("button", { name: "Supprimer la plage" }).click();
  await dialog.getByText(/Inès Gardée/).waitFor();
  await dialog.getByRole("button", { name: "Garder le rendez-vous" }).click();
  await page.getByRole("status").getByText("La plage est supprimée. Le rendez-vous concerné est gardé.").waitFor();
  expect(await staff.harness.db.prisma.availabilityRule.count({ where: { id: rule.id } })).toBe(0);
  expect((await staff.harness.db.prisma.appointment.findUniqueOrThrow({ where: { id: thursday.id } })).status).toBe("booked");
  expect(await page.getByRole("dialog").count()).toBe(0);
  expect(problems.filter((problem) => !/\b(401|409)\b/.test(problem))).toEqual([]);
  await close();
});
