import { expect, test } from "vitest";
import { focused, normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, lilleMeeting, useStaffHarness } from "./staff-helpers.ts";

// « Messages non parvenus » as a structure admin lives it: a reminder texted to a wrong number
// was given up; she finds it from the directory, with the keyboard alone, and sends it again.

const staff = useStaffHarness();

/** A meeting of the Mission Locale de Lille on Tuesday 24 March 2026 at 9:00 in Paris, for a person with a mobile only. */
async function injoignable() {
  const { appointment } = await lilleMeeting(
    staff.harness.db.prisma,
    { firstName: "Léa", lastName: "Injoignable", phone: "+33612345678" },
    { startsAt: new Date("2026-03-24T08:00:00Z"), endsAt: new Date("2026-03-24T08:45:00Z") },
  );
  return appointment;
}

/** A message the outbox gave up on (or, with `overrides`, one it still tries). */
function undelivered(appointmentId: string | null, overrides: object = {}) {
  return staff.harness.db.prisma.outboxMessage.create({
    data: {
      type: "appointment.reminder",
      channel: "sms",
      recipient: "+33612345678",
      payload: {},
      dueAt: new Date("2026-03-22T17:00:00Z"),
      status: "failed",
      attempts: 8,
      lastError: "400 invalid_parameter: numéro inconnu",
      appointmentId,
      createdAt: new Date("2026-03-22T16:00:00Z"),
      ...overrides,
    },
  });
}

test("a structure admin finds a failed SMS from the directory, with the keyboard, and sends it again", {
  timeout: 60_000,
}, async () => {
  const prisma = staff.harness.db.prisma;
  const meeting = await injoignable();
  const sms = await undelivered(meeting.id);
  // Still tried, and sent meanwhile by the time she asks: the server no longer has it to resend.
  const email = await undelivered(meeting.id, {
    type: "appointment.booked",
    channel: "email",
    recipient: "lea.injoignable@exemple.fr",
    status: "pending",
    attempts: 4,
    lastError: "421 4.7.0 Try again later",
    createdAt: new Date("2026-03-21T16:00:00Z"),
  });
  // The staff's own messages are the Région's to see.
  await undelivered(null, { type: "staff.reset", channel: "email", recipient: "quelqu.un@demo.example" });

  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await tabTo(page, (focus) => focus.href === "/espace/annuaire");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Annuaire" }).waitFor();
  const nav = page.getByRole("navigation", { name: "Administration" });
  expect(await nav.getByRole("link").allTextContents()).toEqual(["Messages non parvenus"]);
  await tabTo(page, (focus) => focus.href === "/espace/annuaire/messages");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Messages non parvenus" }).waitFor();
  expect(await page.title()).toContain("Messages non parvenus");
  expect(normalise(await page.locator(".staff__lead").textContent())).toBe(
    "Les courriels et SMS qui n'ont pas pu être remis à leur destinataire, ou qui échouent depuis plusieurs tentatives. " +
      "Corrigez l'adresse ou le numéro de la personne si besoin, puis renvoyez. Pour une personne sans autre moyen de contact, appelez-la.",
  );

  const rows = page.locator(".directory-row");
  await rows.first().waitFor();
  expect(await page.getByRole("heading", { level: 2 }).allTextContents()).toEqual([
    "Rappel, par SMS",
    "Confirmation du rendez-vous, par courriel",
  ]);
  const smsRow = rows.filter({ has: page.getByRole("heading", { name: "Rappel, par SMS" }) });
  expect(normalise(await smsRow.locator("dl").textContent())).toBe(
    [
      "Destinataire06 12 34 56 78",
      "PersonneLéa Injoignable",
      "Rendez-vousmardi 24 mars 2026 à 9 h 00, Mission Locale de Lille",
      "Message du22 mars 2026 à 17 h 00",
      "ÉtatAbandonné",
      "Dernière erreur400 invalid_parameter: numéro inconnu",
    ].join(""),
  );
  expect(await smsRow.locator("code").textContent()).toBe("400 invalid_parameter: numéro inconnu");
  expect(await smsRow.getByRole("link", { name: "mardi 24 mars 2026 à 9 h 00" }).getAttribute("href")).toBe(
    `/espace/rendez-vous/${meeting.id}`,
  );
  const emailRow = rows.filter({ has: page.getByRole("heading", { name: "Confirmation du rendez-vous, par courriel" }) });
  expect(normalise(await emailRow.textContent())).toContain("ÉtatEncore essayé (4 tentatives)");
  expect(await page.getByText("quelqu.un@demo.example").count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "undelivered messages");

  // Sent again with the keyboard: the button goes, the row says so and has the focus.
  const resendSms = await tabTo(page, (focus) => focus.name.startsWith("Renvoyer le message « Rappel, par SMS »"));
  expect(resendSms.name).toBe("Renvoyer le message « Rappel, par SMS » à 06 12 34 56 78");
  await page.keyboard.press("Enter");
  await smsRow.getByText("Renvoyé : part dans un instant.").waitFor();
  expect(await focused(page)).toMatchObject({ tag: "p", role: "status", name: "Renvoyé : part dans un instant." });
  expect(await smsRow.getByRole("button").count()).toBe(0);
  expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({
    status: "pending",
    attempts: 0,
  });
  expect(await prisma.auditEvent.count({ where: { action: "outbox.resend", entityId: sms.id } })).toBe(1);

  // The other went meanwhile: the server's words in its row, which keeps the focus.
  await prisma.outboxMessage.update({ where: { id: email.id }, data: { status: "sent", sentAt: new Date() } });
  await tabTo(page, (focus) => focus.name.startsWith("Renvoyer le message « Confirmation du rendez-vous"));
  await page.keyboard.press("Enter");
  await emailRow.getByRole("alert").waitFor();
  expect(await focused(page)).toMatchObject({ tag: "p", role: "alert", name: "Message introuvable, ou déjà parti." });
  expect(await emailRow.getByRole("button").count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "undelivered messages, after sending again");

  // Read again later, the list holds neither: one is on its way, the other has gone.
  await page.reload();
  await page.getByText("Aucun message en échec.").waitFor();
  await expectAxeClean(page, "no undelivered message");

  expect(problems.filter((problem) => !/\b(401|404)\b/.test(problem))).toEqual([]);
  await close();
});
