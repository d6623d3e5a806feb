import { expect, test } from "vitest";
import { messageOf, smsOf } from "../helpers/app.ts";
import { focused, NOW, normalise, settled, tabTo } from "./harness.ts";
import { PARTNER, refer, TARGET } from "./referral-helpers.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// Referrals as their users live them: a partner (the CCAS of Roubaix) refers a young person to
// the Mission Locale de Lille with their agreement and invites them; the person books from the
// e-mailed link, or from the printed code with the keyboard alone; the Mission Locale sees the
// referral in its inbox and answers it.

const staff = useStaffHarness();

test("a partner refers with the person's agreement, e-mails and texts the invitation; the person books from the link", {
  timeout: 120_000,
}, async () => {
  const { page, problems, close } = await staff.signedIn(PARTNER.email, PARTNER.firstName);
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Orientations" }).click();
  await page.getByRole("heading", { level: 1, name: "Orientations" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Envoyées" }).waitFor();
  // A partner refers; it receives nothing.
  expect(await page.getByRole("heading", { level: 2, name: "Reçues" }).count()).toBe(0);
  await settled(page);
  await expectAccessibleAtEveryWidth(page, "referrals list");

  await refer(
    page,
    { firstName: "Inès", lastName: "Lefebvre", email: "ines.lefebvre@example.org" },
    { suggest: true, check: true },
  );
  const main = page.getByRole("main");
  expect(normalise(await main.textContent())).toContain(`CCAS de Roubaix → vers ${TARGET}`);
  await page.getByRole("heading", { level: 2, name: "Prendre le rendez-vous" }).waitFor();
  await page.getByRole("group", { name: "Créneau" }).getByRole("radio").first().waitFor();
  await expectAccessibleAtEveryWidth(page, "new referral");

  // She gave an address and a mobile: every way is offered; both are chosen.
  const ways = page.getByRole("group", { name: "Comment la personne reçoit l'invitation" });
  expect((await ways.getByRole("radio").all()).length).toBe(4);
  await ways.getByRole("radio", { name: "Par courriel, à ines.lefebvre@example.org" }).waitFor();
  await ways.getByRole("radio", { name: "Par SMS, au 06 11 22 33 44" }).waitFor();
  await ways.getByRole("radio", { name: "Les deux : par courriel et par SMS" }).check();
  await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
  await page.getByText("Invitation envoyée par courriel à ines.lefebvre@example.org et par SMS au 06 11 22 33 44.").waitFor();
  await page
    .getByText(/Invitation à prendre rendez-vous \(par courriel à ines\.lefebvre@example\.org et par SMS au 06 11 22 33 44\)/)
    .waitFor();
  await expectAccessibleAtEveryWidth(page, "referral, invitation e-mailed and texted");

  const mail = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { type: "referral.invitation", recipient: "ines.lefebvre@example.org" },
  });
  const link = messageOf(mail).text.match(/\/invitation#([\w-]+)/);
  expect(link).not.toBeNull();
  // The SMS carries the same link, and the code.
  const sms = await staff.harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { type: "referral.invitation", channel: "sms", recipient: "+33611223344" },
  });
  expect(smsOf(sms).sms.text).toContain(`/invitation#${link?.[1]}`);

  // The person, on their own device.
  const person = await staff.harness.openPage();
  await person.page.goto(`/invitation#${link?.[1]}`);
  await person.page.getByRole("heading", { level: 1, name: `Votre rendez-vous avec ${TARGET}` }).waitFor();
  expect(new URL(person.page.url()).hash).toBe("");
  await person.page.getByText("CCAS de Roubaix vous oriente vers").waitFor();
  const slots = person.page.getByRole("group", { name: "Créneau" });
  await slots.getByRole("radio").first().waitFor();
  await expectAccessibleAtEveryWidth(person.page, "invitation");
  // No advisor's name is shown to the person.
  expect(normalise(await slots.textContent())).not.toMatch(/Conseil\b/);
  await person.page.getByRole("button", { name: "Réserver ce rendez-vous" }).click();
  await person.page.getByText("Choisissez un créneau.").first().waitFor();
  await expectAccessibleAtEveryWidth(person.page, "invitation, errors");
  // Later slots, from the day after the last one shown: the focus goes to the line saying which.
  const days = slots.locator(".invitation__day-name");
  const firstDays = (await days.allTextContents()).map(normalise);
  await slots.getByText(/^Les premiers créneaux libres, (le|du) /).waitFor();
  await slots.getByRole("button", { name: "Créneaux suivants" }).click();
  await slots.getByText(/^Les créneaux libres suivants, (le|du) /).waitFor();
  expect((await focused(person.page)).name).toMatch(/^Les créneaux libres suivants/);
  const laterDays = (await days.allTextContents()).map(normalise);
  expect(laterDays.length).toBeGreaterThan(0);
  expect(laterDays.filter((day) => firstDays.includes(day))).toEqual([]);
  await expectAccessibleAtEveryWidth(person.page, "invitation, later slots");
  await slots.getByRole("button", { name: "Créneaux précédents" }).click();
  await slots.getByText(/^Les premiers créneaux libres/).waitFor();
  expect((await focused(person.page)).name).toMatch(/^Les premiers créneaux libres/);
  expect((await days.allTextContents()).map(normalise)).toEqual(firstDays);
  expect(await slots.getByRole("button", { name: "Créneaux précédents" }).count()).toBe(0);
  await slots.getByRole("radio").first().check();
  // A mobile of their own, without the SMS: the choice comes with the number, ticked.
  await person.page.getByLabel("Numéro de téléphone").fill("07 81 23 45 67");
  const smsChoice = person.page.getByLabel("Recevoir les rappels par SMS");
  expect(await smsChoice.isChecked()).toBe(true);
  await smsChoice.uncheck();
  await person.page.getByLabel("J'ai pris connaissance de l'information sur mes données personnelles").check();
  await person.page.getByRole("button", { name: "Réserver ce rendez-vous" }).click();
  await person.page.getByRole("heading", { level: 1, name: "Rendez-vous confirmé" }).waitFor();
  await person.page.getByText(/Merci Inès, votre rendez-vous est réservé/).waitFor();
  expect(normalise(await person.page.getByRole("main").textContent())).toMatch(/\/rdv\/[\w-]+/);
  await expectAccessibleAtEveryWidth(person.page, "invitation confirmation");
  expect(person.problems).toEqual([]);
  await person.close();
  expect(
    await staff.harness.db.prisma.person.findFirstOrThrow({ where: { firstName: "Inès", lastName: "Lefebvre" } }),
  ).toMatchObject({ phone: "+33781234567", smsReminders: false });

  // The referrer follows it.
  await page.goto("/espace/orientations");
  const sent = page.getByRole("region", { name: "Envoyées" });
  const item = sent.getByRole("listitem").filter({ hasText: "Inès Lefebvre" });
  await item.waitFor();
  expect(normalise(await item.textContent())).toContain("Statut : Rendez-vous pris");
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();

  // The Mission Locale's reception sees it among those received.
  const desk = await staff.signedIn("accueil@demo.example", "Emma");
  await desk.page.goto("/espace/orientations");
  const received = desk.page.getByRole("region", { name: "Reçues" });
  await received.getByRole("link", { name: "Inès Lefebvre" }).click();
  await desk.page.getByRole("heading", { level: 1, name: "Orientation d'Inès Lefebvre" }).waitFor();
  expect(normalise(await desk.page.getByRole("main").textContent())).toContain(
    "Rendez-vous pris (par la personne, avec son invitation)",
  );
  await expectAccessibleAtEveryWidth(desk.page, "received referral, booked");
  await desk.close();
});

test("without an e-mail address, the printed code opens the slots; the person books with the keyboard alone", {
  timeout: 120_000,
}, async () => {
  const { page, close } = await staff.signedIn(PARTNER.email, PARTNER.firstName);
  await refer(page, { firstName: "Yanis", lastName: "Haddad" });
  // No address: no e-mail offered; his mobile is, first, and paper.
  expect(await page.getByRole("radio", { name: /courriel/ }).count()).toBe(0);
  expect(await page.getByRole("radio", { name: "Par SMS, au 06 11 22 33 44" }).isChecked()).toBe(true);
  await page.getByRole("radio", { name: "Sur papier : un code à imprimer et à lui remettre" }).check();
  await page.getByRole("button", { name: "Créer le code à imprimer" }).click();
  await page.getByText("Invitation créée : imprimez le feuillet").waitFor();
  const slip = page.locator(".referral-print");
  const first = normalise(await slip.locator(".referral-code").textContent());
  expect(first).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  // The slip lost: printed again from the referral's page, with a new code (the first is dead).
  await page.getByRole("button", { name: "Réimprimer le feuillet" }).click();
  await page.getByText("Nouveau code créé : imprimez le feuillet").waitFor();
  const code = normalise(await slip.locator(".referral-code").textContent());
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(code).not.toBe(first);
  await expectAccessibleAtEveryWidth(page, "referral, printed code");

  // Printed: the slip alone, for the person.
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".site-header").isVisible()).toBe(false);
  expect(await page.getByRole("heading", { level: 2, name: "Chronologie" }).isVisible()).toBe(false);
  const printed = normalise(await slip.textContent());
  expect(printed).toContain("Votre invitation à prendre rendez-vous, Yanis");
  expect(printed).toContain(TARGET);
  expect(printed).toMatch(/Allez à l'adresse https?:\/\/\S+\/invitationSaisissez/);
  expect(printed).not.toContain("#");
  expect(printed).toContain(code);
  expect(printed).toMatch(/valable jusqu'au \d+ avril 2026/);
  await page.emulateMedia({ media: "screen" });
  await close();

  // The person types the code, in lower case with spaces, and books with the keyboard only.
  const person = await staff.harness.openPage();
  const p = person.page;
  await p.goto("/invitation");
  await p.getByRole("heading", { level: 1, name: "Votre invitation à prendre rendez-vous" }).waitFor();
  await expectAccessibleAtEveryWidth(p, "invitation code form");
  await tabTo(p, (focus) => focus.name.startsWith("Code d'invitation"));
  await p.keyboard.type(code.toLowerCase().replace(/-/g, " "));
  await p.keyboard.press("Enter");
  await p.getByRole("heading", { level: 1, name: `Votre rendez-vous avec ${TARGET}` }).waitFor();
  await p.getByText("CCAS de Roubaix vous oriente vers").waitFor();
  await p.getByRole("group", { name: "Créneau" }).getByRole("radio").first().waitFor();

  const radio = await tabTo(p, (focus) => focus.type === "radio");
  await p.keyboard.press("Space");
  expect((await focused(p)).checked).toBe(true);
  const chosen = radio.name;
  // Past the arrangements' checkboxes, to the notice's.
  await tabTo(p, (focus) => focus.type === "checkbox" && focus.name.startsWith("J'ai pris connaissance"));
  await p.keyboard.press("Space");
  await tabTo(p, (focus) => focus.tag === "button" && focus.name === "Réserver ce rendez-vous");
  await p.keyboard.press("Enter");
  await p.getByRole("heading", { level: 1, name: "Rendez-vous confirmé" }).waitFor();
  expect(normalise(await p.getByRole("main").textContent())).toContain(chosen.split(",")[0] ?? chosen);
  await expectAccessibleAtEveryWidth(p, "invitation confirmation, no e-mail");

  // The code served once: it now says a meeting is booked, and whom to call.
  await p.goto("/invitation");
  await p.getByLabel("Code d'invitation").fill(code);
  await p.getByRole("button", { name: "Continuer" }).click();
  await p.getByRole("heading", { level: 1, name: "Rendez-vous déjà pris" }).waitFor();
  await expectAccessibleAtEveryWidth(p, "invitation already booked");
  await p.goto("/invitation");
  await p.getByLabel("Code d'invitation").fill("AAAA-BBBB-CCCC");
  await p.getByRole("button", { name: "Continuer" }).click();
  await p.getByRole("heading", { level: 1, name: "Invitation introuvable" }).waitFor();
  await expectAccessibleAtEveryWidth(p, "invitation unknown");
  expect(person.problems.filter((problem) => !/\b404\b/.test(problem))).toEqual([]);
  await person.close();
});

test("the target's advisor answers from its inbox: accepts, then declines with a reason, in dialogs", {
  timeout: 120_000,
}, async () => {
  const db = staff.harness.db.prisma;
  const [from, to, partner] = await Promise.all([
    db.structure.findUniqueOrThrow({ where: { slug: "ccas-roubaix" } }),
    db.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } }),
    db.staffUser.findUniqueOrThrow({ where: { email: PARTNER.email } }),
  ]);
  const service = await db.service.findUniqueOrThrow({ where: { slug: "accueil-jeunes-16-25" } });
  const person = await db.person.create({ data: { firstName: "Chloé", lastName: "Martin", phone: "+33622334455" } });
  const referral = await db.referral.create({
    data: {
      fromStructureId: from.id,
      toStructureId: to.id,
      referrerId: partner.id,
      serviceId: service.id,
      personId: person.id,
      need: "Cherche un premier emploi dans la logistique.",
      consentAt: new Date(NOW),
      events: { create: { kind: "created", at: new Date(NOW), byId: partner.id } },
    },
  });

  const { page, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.getByRole("navigation", { name: "Votre espace" }).getByRole("link", { name: "Orientations" }).click();
  const received = page.getByRole("region", { name: "Reçues" });
  await received.getByRole("link", { name: "Chloé Martin" }).click();
  await page.getByRole("heading", { level: 1, name: "Orientation de Chloé Martin" }).waitFor();
  await page.getByRole("button", { name: "Accepter l'orientation" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "received referral");

  await page.getByRole("button", { name: "Réorienter" }).click();
  const redirect = page.getByRole("dialog", { name: "Réorienter vers une autre structure ?" });
  await redirect.getByLabel("Structure").locator("option").nth(1).waitFor({ state: "attached" });
  await expectAccessibleAtEveryWidth(page, "redirect dialog");
  await page.keyboard.press("Escape");
  await redirect.waitFor({ state: "detached" });

  await page.getByRole("button", { name: "Accepter l'orientation" }).click();
  await page.getByText("L'orientation est acceptée.").waitFor();
  expect(await page.getByRole("button", { name: "Accepter l'orientation" }).count()).toBe(0);

  await page.getByRole("button", { name: "Refuser" }).click();
  const decline = page.getByRole("dialog", { name: "Refuser cette orientation ?" });
  await decline.waitFor();
  await decline.getByRole("button", { name: "Confirmer le refus" }).click();
  await decline.getByText("Saisissez le motif du refus.").waitFor();
  await expectAccessibleAtEveryWidth(page, "decline dialog, refused");
  await decline.getByLabel("Motif du refus").fill("Suivie par la Mission Locale de Roubaix.");
  await decline.getByRole("button", { name: "Confirmer le refus" }).click();
  await decline.waitFor({ state: "detached" });
  await page.getByText("L'orientation est refusée ; l'orienteur est prévenu.").waitFor();
  const text = normalise(await page.getByRole("main").textContent());
  expect(text).toContain("Statut : Refusée");
  expect(text).toContain("Orientation refusée, motif : Suivie par la Mission Locale de Roubaix. Par David Conseil");
  expect(text).toContain("Orientation acceptée, par David Conseil");
  expect((await db.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe("declined");
  await expectAccessibleAtEveryWidth(page, "declined referral");
  await close();
});

test("the referral's meeting is booked for the person from its page, once", { timeout: 120_000 }, async () => {
  const db = staff.harness.db.prisma;
  const [from, to, partner, service] = await Promise.all([
    db.structure.findUniqueOrThrow({ where: { slug: "ccas-roubaix" } }),
    db.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } }),
    db.staffUser.findUniqueOrThrow({ where: { email: PARTNER.email } }),
    db.service.findUniqueOrThrow({ where: { slug: "accueil-jeunes-16-25" } }),
  ]);
  const person = await db.person.create({ data: { firstName: "Lucas", lastName: "Dumont", phone: "+33633445566" } });
  const referral = await db.referral.create({
    data: {
      fromStructureId: from.id,
      toStructureId: to.id,
      referrerId: partner.id,
      serviceId: service.id,
      personId: person.id,
      need: "Premier rendez-vous à la Mission Locale.",
      consentAt: new Date(NOW),
      events: { create: { kind: "created", at: new Date(NOW), byId: partner.id } },
    },
  });
  const { page, close } = await staff.signedIn(PARTNER.email, PARTNER.firstName);
  await page.goto(`/espace/orientations/${referral.id}`);
  await page.getByRole("heading", { level: 1, name: "Orientation de Lucas Dumont" }).waitFor();
  const form = page.getByRole("form", { name: "Prendre le rendez-vous pour la personne" });
  await form.getByRole("button", { name: "Réserver ce créneau" }).click();
  await form.getByText("Choisissez un créneau.").first().waitFor();
  await form.getByRole("radio").first().check();
  await form.getByRole("button", { name: "Réserver ce créneau" }).click();
  await page.getByText(/Rendez-vous réservé le /).waitFor();
  await page.getByText("La personne n'a pas d'adresse électronique").waitFor();
  expect(normalise(await page.getByRole("main").textContent())).toMatch(/\/rdv\/[\w-]+/);
  expect(await page.getByRole("heading", { level: 2, name: "Prendre le rendez-vous" }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "referral booked by the referrer");
  const booked = await db.referral.findUniqueOrThrow({ where: { id: referral.id }, include: { appointment: true } });
  expect([booked.status, booked.appointment?.channel]).toEqual(["booked", "referral"]);
  await close();
});
