import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  appointmentsOf,
  bookingApi,
  CEP,
  dayName,
  dayNameWithYear,
  definitions,
  expectAccessible,
  expectedWeek,
  expectFocusOnStep,
  expectWeekMatchesApi,
  fillDetailsWithKeyboard,
  hoursName,
  isButton,
  LILLE,
  mondayOf,
  parisDate,
  plusDays,
  shownWeek,
  slotParam,
  timeName,
  VIEWPORTS,
  weekName,
} from "./booking-helpers.ts";
import { focused, type Harness, normalise, settled, startHarness, tabTo } from "./harness.ts";

// The booking flow, from the home page to the confirmation, on the demo directory of Hauts-de-France with the server's
// clock on Monday 23 March 2026, 09:00 in Paris. What the pages show is checked against what
// the API answers for the same parameters, formatted here independently of the app (Intl in
// Europe/Paris from the instants, where the app reads the local time off the ISO offsets).

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
});

afterAll(async () => {
  await harness?.close();
});

const apiSlots = (query: Record<string, string>) => bookingApi(harness).slots(query);
const apiStructures = (service: string, commune: string) => bookingApi(harness).structures(service, commune);
const apiStructure = (service: string, commune: string, name: string) => bookingApi(harness).structure(service, commune, name);

// --- The journey -------------------------------------------------------------------------

describe.each(VIEWPORTS)("at $width px", (viewport) => {
  test("with the keyboard alone, from the home page to the confirmation, then cancelled from the private link", {
    timeout: 120_000,
  }, async () => {
    const { page, problems, close } = await harness.openPage(viewport);
    const apec = await apiStructure(CEP.slug, LILLE.code, "APEC Lille");
    // What to bring, which phone-only people see nowhere else than on these pages.
    const instructions = apec.instructions ?? "";
    expect(instructions).toMatch(/CV/);

    // Home page: Tab to the service's link.
    await page.goto("/");
    await settled(page);
    const serviceHref = `/rendez-vous?service=${CEP.slug}`;
    await tabTo(page, (focus) => focus.href === serviceHref);
    await page.keyboard.press("Enter");

    // Step 1: the service is already chosen; type the commune and pick it with the arrows.
    await page.waitForURL(`**${serviceHref}`);
    await settled(page);
    expect(await page.title()).toBe("Étape 1 sur 4 : votre besoin et votre commune — Prendre rendez-vous — RDV Orientation");
    expect(normalise(await page.locator(".stepper").textContent())).toContain("Étape 1 sur 4 : Votre besoin et votre commune");
    await expectAccessible(page, "step 1", problems);
    // Chosen on the home page, the service is shown as chosen, with a way to choose another.
    expect(normalise(await page.getByRole("main").textContent())).toContain(`Votre besoin${CEP.name}`);
    await tabTo(page, isButton("Choisir un autre besoin"), { max: 1 });
    const field = await tabTo(page, (focus) => focus.role === "combobox", { max: 1 });
    expect(field.name).toBe("Votre commune");
    await page.keyboard.type("Lille");
    const combobox = page.getByRole("combobox", { name: "Votre commune" });
    await page.getByRole("option", { name: LILLE.label }).waitFor();
    expect(await combobox.getAttribute("aria-expanded")).toBe("true");
    expect(await page.getByRole("listbox").getByRole("option").allTextContents()).toContain(LILLE.label);
    await expectAccessible(page, "step 1, list of communes open", problems);
    await page.keyboard.press("ArrowDown");
    const active = await combobox.getAttribute("aria-activedescendant");
    expect(normalise(await page.locator(`[id="${active}"]`).textContent())).toBe(LILLE.label);
    await page.keyboard.press("Enter");
    expect(await combobox.inputValue()).toBe(LILLE.label);
    expect(await combobox.getAttribute("aria-expanded")).toBe("false");
    await tabTo(page, isButton("Voir les structures"), { max: 1 });
    await page.keyboard.press("Enter");

    // Step 2: the structures serving Lille, each with its next availability.
    await page.waitForURL(`**/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}`);
    await settled(page);
    expect(await page.title()).toBe("Étape 2 sur 4 : choisir une structure — Prendre rendez-vous — RDV Orientation");
    await expectFocusOnStep(page, "Étape 2 sur 4 : Le lieu et le créneau");
    const structures = await apiStructures(CEP.slug, LILLE.code);
    const firsts = await apiSlots({ service: CEP.slug, commune: LILLE.code, first: "true" });
    const cards = page
      .getByRole("main")
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 4 }) });
    expect(await cards.getByRole("heading", { level: 4 }).allTextContents()).toEqual(structures.map((s) => s.name));
    for (const structure of structures) {
      const first = firsts.find((slot) => slot.structureId === structure.id);
      const card = normalise(await cards.filter({ hasText: structure.name }).first().textContent());
      expect(card).toContain(`Réseau : ${structure.network.name}`);
      for (const site of structure.sites) expect(card).toContain(`${site.address}, ${site.postcode} ${site.commune.name}`);
      expect(card).toContain(`Prochaine disponibilité : ${dayName(first?.start ?? "")} à ${timeName(first?.start ?? "")}`);
    }
    await expectAccessible(page, "step 2, structures", problems);
    await tabTo(page, (focus) => focus.tag === "a" && focus.name === "Choisir cette structure : APEC Lille");
    await page.keyboard.press("Enter");

    // Step 2: how to be received, then the week of the first free slot there.
    await page.waitForURL(`**&structure=${apec.id}`);
    await settled(page);
    expect(await page.title()).toBe("Étape 2 sur 4 : choisir un créneau — Prendre rendez-vous — RDV Orientation");
    await expectFocusOnStep(page, "Étape 2 sur 4 : Le lieu et le créneau");
    const places = page.getByRole("group", { name: "Comment souhaitez-vous être reçu ?" }).getByRole("radio");
    const expectedPlaces: string[] = [];
    for (const [name, query] of [
      ...apec.sites.map((site) => [`Sur place — ${site.name}`, { mode: "onsite", site: site.id }] as const),
      ["Par téléphone", { mode: "phone" }] as const,
      ["En visio", { mode: "video" }] as const,
    ]) {
      const open = await apiSlots({ service: CEP.slug, structure: apec.id, first: "true", ...query });
      if (open.length > 0) expectedPlaces.push(name);
    }
    expect(await places.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent))).toEqual(
      expectedPlaces,
    );
    await expectAccessible(page, "step 2, places", problems);
    // The first place in the server's order (French alphabetical): the one Tab reaches first.
    const firstSite = apec.sites.find((site) => `Sur place — ${site.name}` === expectedPlaces[0]);
    if (!firstSite) throw new Error("APEC Lille has no site open on site");
    const place = await tabTo(page, (focus) => focus.type === "radio");
    expect(place).toMatchObject({ name: `Sur place — ${firstSite.name}`, checked: false });
    await page.keyboard.press("Space");
    await page.waitForURL(`**&mode=onsite&site=${firstSite.id}`);
    const [first] = await apiSlots({ service: CEP.slug, structure: apec.id, mode: "onsite", site: firstSite.id, first: "true" });
    if (!first) throw new Error("no free slot at Euralille");
    const firstWeek = mondayOf(parisDate(first.start));
    const weekQuery = (monday: string) => ({
      service: CEP.slug,
      structure: apec.id,
      mode: "onsite",
      site: firstSite.id,
      from: monday,
      to: plusDays(monday, 6),
    });
    await expectWeekMatchesApi(page, await apiSlots(weekQuery(firstWeek)), firstWeek);
    // The first radio button is the first free slot, at its local time.
    expect(
      await page
        .getByRole("radio", { name: timeName(first.start), exact: true })
        .first()
        .getAttribute("value"),
    ).toBe(first.key);
    await expectAccessible(page, "step 2, first week", problems);

    // The next week.
    const nextWeek = plusDays(firstWeek, 7);
    await tabTo(page, isButton(`Semaine suivante → : ${weekName(nextWeek)}`));
    await page.keyboard.press("Enter");
    const nextSlots = await apiSlots(weekQuery(nextWeek));
    await expectWeekMatchesApi(page, nextSlots, nextWeek);
    expect((await focused(page)).name, "the focus stays on the button").toMatch(/^Semaine suivante/);

    // Into the slots: the first radio button, then the arrow to the next time.
    const slot = await tabTo(page, (focus) => focus.type === "radio");
    expect(slot.checked).toBe(false);
    await page.keyboard.press("ArrowDown");
    const distinct = nextSlots.filter((s, index) => nextSlots.findIndex((other) => other.start === s.start) === index);
    const chosen = distinct[1];
    if (!chosen) throw new Error("fewer than two free slots that week");
    expect(await focused(page)).toMatchObject({ checked: true, value: chosen.key, name: timeName(chosen.start) });
    await page.waitForURL(`**&slot=${slotParam(chosen)}`);
    await expectAccessible(page, "step 2, slot chosen", problems);
    await tabTo(page, isButton("Continuer"));
    await page.keyboard.press("Enter");

    // Step 3: the chosen slot, then the details form, filled with the keyboard.
    await page.waitForURL("**&step=3");
    await settled(page);
    expect(await page.title()).toBe("Étape 3 sur 4 : vos coordonnées — Prendre rendez-vous — RDV Orientation");
    await expectFocusOnStep(page, "Étape 3 sur 4 : Vos coordonnées");
    const placeText = `Sur place — ${firstSite.name}${firstSite.address}, ${firstSite.postcode} ${firstSite.commune.name}`;
    expect(await definitions(page, "section[aria-labelledby='summary-title'] dl")).toMatchObject({
      Date: dayNameWithYear(chosen.start),
      Heure: hoursName(chosen),
      Structure: "APEC Lille (réseau APEC)",
      "Mode de rendez-vous": placeText,
    });
    const form = page.getByRole("form", { name: "Vos coordonnées" });
    expect(await form.getByRole("textbox", { name: "Prénom" }).getAttribute("autocomplete")).toBe("given-name");
    expect(await form.getByRole("textbox", { name: "Nom", exact: true }).getAttribute("autocomplete")).toBe("family-name");
    expect(await form.getByRole("textbox", { name: "Adresse électronique" }).getAttribute("inputmode")).toBe("email");
    expect(await form.getByRole("textbox", { name: "Numéro de téléphone" }).getAttribute("autocomplete")).toBe("tel");
    expect(await form.getByRole("link", { name: "Lire l'information sur vos données personnelles" }).getAttribute("href")).toBe(
      "/donnees-personnelles",
    );
    await expectAccessible(page, "step 3, details form", problems);
    const email = `lea.durand.${viewport.width}@exemple.fr`;
    // « Recevoir les rappels par SMS » comes with the mobile, ticked; unticked on the small screen.
    const sms = viewport.width !== 320;
    await fillDetailsWithKeyboard(page, {
      firstName: "Léa",
      lastName: "Durand",
      email,
      phone: "06 12 34 56 78",
      sms,
      aids: ["Interprète en langue des signes (LSF)", "Boucle magnétique"],
      needs: "Accès en fauteuil roulant",
    });

    // Step 4: everything at a glance, then the explicit confirmation.
    await page.waitForURL("**&step=4");
    await settled(page);
    expect(await page.title()).toBe("Étape 4 sur 4 : vérifiez et confirmez — Prendre rendez-vous — RDV Orientation");
    await expectFocusOnStep(page, "Étape 4 sur 4 : Vérification et confirmation");
    expect(await definitions(page, "section[aria-labelledby='review-slot-title'] dl")).toEqual({
      Date: dayNameWithYear(chosen.start),
      Heure: hoursName(chosen),
      Service: CEP.name,
      Structure: "APEC Lille (réseau APEC)",
      "Mode de rendez-vous": placeText,
      ...(firstSite.accessInfo && { Accès: firstSite.accessInfo }),
      "À prévoir": instructions,
    });
    expect(await definitions(page, "section[aria-labelledby='review-person-title'] dl")).toEqual({
      "Prénom et nom": "Léa Durand",
      "Adresse électronique": email,
      Téléphone: "06 12 34 56 78",
      Commune: "Lille",
      "Besoins d'aménagement": "Interprète en langue des signes (LSF) ; Boucle magnétique ; Accès en fauteuil roulant",
    });
    const reviewed = normalise(await page.locator("section[aria-labelledby='review-person-title']").textContent());
    expect(reviewed.includes("Rappels par SMS au 06 12 34 56 78.")).toBe(sms);
    expect(await appointmentsOf(harness, email)).toEqual([]);
    await expectAccessible(page, "step 4, review", problems);
    await tabTo(page, isButton("Confirmer le rendez-vous"));
    await page.keyboard.press("Enter");

    // The confirmation, and the appointment in the database.
    await page.waitForURL("**/rendez-vous/confirmation");
    await settled(page);
    expect(await page.title()).toBe("Rendez-vous confirmé — RDV Orientation");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    const [booked, ...others] = await appointmentsOf(harness, email);
    expect(others).toEqual([]);
    expect(booked).toMatchObject({
      status: "booked",
      accessibilityAids: ["sign_language", "hearing_loop"],
      accessibilityNeeds: "Accès en fauteuil roulant",
    });
    expect(booked?.startsAt.toISOString()).toBe(new Date(chosen.start).toISOString());
    const confirmation = normalise(await page.getByRole("main").textContent());
    expect(confirmation).toContain(
      `Merci Léa, votre rendez-vous est réservé pour le ${dayNameWithYear(chosen.start)} à ${timeName(chosen.start)}.`,
    );
    expect(confirmation).toContain(`Un courriel de confirmation est envoyé à ${email}`);
    expect(confirmation).toContain(
      `Un rappel vous est envoyé par courriel 48 heures avant le rendez-vous, puis un autre 3 heures avant${sms ? ", et par SMS au 06 12 34 56 78" : ""}.`,
    );
    // The choice is kept, and honoured: SMS rows only when it was left ticked.
    const stored = await harness.db.prisma.person.findFirstOrThrow({ where: { email } });
    expect([stored.phone, stored.smsReminders]).toEqual(["+33612345678", sms]);
    const texts = await harness.db.prisma.outboxMessage.count({ where: { appointmentId: booked?.id, channel: "sms" } });
    expect(texts > 0).toBe(sms);
    expect(confirmation).toContain(`Contactez APEC Lille au ${apec.phone}`);
    expect(await definitions(page, "section[aria-labelledby='booked-title'] dl")).toMatchObject({
      Date: dayNameWithYear(chosen.start),
      Service: CEP.name,
      "Mode de rendez-vous": placeText,
      "À prévoir": instructions,
      "Besoins d'aménagement": "Interprète en langue des signes (LSF) ; Boucle magnétique ; Accès en fauteuil roulant",
    });
    // The private link is shown in full, and leads to this site's page of the appointment.
    const link = page.getByRole("link", { name: /\/rdv\// });
    const manageUrl = normalise(await link.textContent());
    const token = manageUrl.split("/").pop() ?? "";
    expect(manageUrl).toMatch(/^https?:\/\/.+\/rdv\/[A-Za-z0-9_-]{22}$/);
    expect(await link.getAttribute("href")).toBe(`/rdv/${token}`);
    // « Ajouter à mon agenda » offers the calendar file of this appointment.
    const ics = page.getByRole("list", { name: "Ajouter à mon agenda" }).getByRole("link", { name: "Fichier agenda (.ics)" });
    expect(await ics.getAttribute("href")).toBe(`/api/manage/${token}/ics`);
    const calendar = await fetch(`${harness.baseUrl}/api/manage/${token}/ics`);
    expect(calendar.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain(`UID:${booked?.id}`);
    await expectAccessible(page, "confirmation", problems);

    // The private link, from the confirmation.
    await tabTo(page, (focus) => focus.href === `/rdv/${token}`);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/rdv/${token}`);
    await settled(page);
    expect(await page.title()).toBe("Votre rendez-vous — RDV Orientation");
    expect(normalise(await page.getByRole("main").textContent())).toContain("Bonjour Léa Durand, voici votre rendez-vous.");
    expect(await definitions(page, "section[aria-labelledby='appointment-title'] dl")).toMatchObject({
      Date: dayNameWithYear(chosen.start),
      Heure: hoursName(chosen),
      "Mode de rendez-vous": placeText,
      "À prévoir": instructions,
    });
    await expectAccessible(page, "private link", problems);

    // Cancelled with the keyboard, through the confirmation dialog.
    await tabTo(page, isButton("Annuler le rendez-vous"));
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Annuler le rendez-vous ?" });
    await dialog.waitFor();
    expect(normalise(await dialog.textContent())).toContain(
      `Le rendez-vous du ${dayNameWithYear(chosen.start)} à ${timeName(chosen.start)} avec APEC Lille sera annulé`,
    );
    // The dialog takes the focus once open: on its first field.
    await expect.poll(() => focused(page)).toMatchObject({ tag: "textarea", name: "Motif de l'annulation (facultatif)" });
    await page.keyboard.type("Un empêchement");
    await expectAccessible(page, "private link, cancel dialog", problems);
    await tabTo(page, isButton("Oui, annuler le rendez-vous"));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Rendez-vous annulé" }).waitFor();
    await settled(page);
    expect(await dialog.count()).toBe(0);
    expect(await page.title()).toBe("Rendez-vous annulé — RDV Orientation");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Rendez-vous annulé");
    const cancelled = normalise(await page.getByRole("main").textContent());
    expect(cancelled).toContain("C'est fait : votre rendez-vous est annulé.");
    expect(cancelled).toContain(
      `Le rendez-vous du ${dayNameWithYear(chosen.start)} à ${timeName(chosen.start)} avec APEC Lille est annulé et le créneau libéré. ${sms ? "Un courriel et un SMS vous le confirment." : "Un courriel vous le confirme."} Ce lien ne sert plus.`,
    );
    // The API says so too: the link is dead, the appointment cancelled with its reason.
    expect(await bookingApi(harness).managed(token)).toBeNull();
    expect(await appointmentsOf(harness, email)).toMatchObject([{ status: "cancelled", cancelReason: "Un empêchement" }]);
    await expectAccessible(page, "private link, cancelled", problems);
    // Opened again later, the link says the meeting was cancelled, and when.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Ce lien n'est plus valable" }).waitFor();
    expect(normalise(await page.getByRole("main").textContent())).toMatch(
      /Ce rendez-vous a été annulé le \S+ \d+ \S+ \d{4} à \d+ h \d\d : ce lien ne sert plus\./,
    );
    await close();
  });
});

test("previous and next week follow the API, « Premier créneau disponible » comes back to it, Back undoes a week", async () => {
  const { page, problems, close } = await harness.openPage();
  // By phone, France Travail has several advisors free at the same times: one radio button per time.
  const agency = await apiStructure(CEP.slug, LILLE.code, "France Travail Lille Vauban");
  const [first] = await apiSlots({ service: CEP.slug, structure: agency.id, mode: "phone", first: "true" });
  if (!first) throw new Error("France Travail Lille Vauban takes no phone appointment");
  const firstWeek = mondayOf(parisDate(first.start));
  const weekSlots = (monday: string) =>
    apiSlots({ service: CEP.slug, structure: agency.id, mode: "phone", from: monday, to: plusDays(monday, 6) });

  await page.goto(`/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${agency.id}&mode=phone`);
  await settled(page);
  const firstSlots = await weekSlots(firstWeek);
  await expectWeekMatchesApi(page, firstSlots, firstWeek);
  // Nothing is free before the first free slot: no going back from its week.
  const previous = page.getByRole("button", { name: /^Semaine précédente/ });
  expect(await previous.isDisabled()).toBe(true);

  const next = page.getByRole("button", { name: /^Semaine suivante/ });
  await next.focus();
  await page.keyboard.press("Enter");
  const secondSlots = await weekSlots(plusDays(firstWeek, 7));
  await expectWeekMatchesApi(page, secondSlots, plusDays(firstWeek, 7));
  const radios = (await shownWeek(page)).flatMap((day) => day.slots);
  expect(radios.length).toBe(new Set(secondSlots.map((slot) => slot.start)).size);
  expect(radios.length, "several advisors share some times").toBeLessThan(secondSlots.length);
  await page.keyboard.press("Enter");
  await expectWeekMatchesApi(page, await weekSlots(plusDays(firstWeek, 14)), plusDays(firstWeek, 14));
  expect(page.url()).toContain(`&week=${plusDays(firstWeek, 14)}`);
  await previous.focus();
  await page.keyboard.press("Enter");
  await expectWeekMatchesApi(page, await weekSlots(plusDays(firstWeek, 7)), plusDays(firstWeek, 7));
  await expectAccessible(page, "a later week", problems);

  const jump = page.getByRole("button", {
    name: `Premier créneau disponible : ${dayName(first.start)} à ${timeName(first.start)}`,
  });
  await jump.focus();
  await page.keyboard.press("Enter");
  await expectWeekMatchesApi(page, firstSlots, firstWeek);
  await page.waitForURL(`**&slot=${slotParam(first)}`);
  const focus = await focused(page);
  expect(focus).toMatchObject({ type: "radio", checked: true, value: first.key, name: timeName(first.start) });

  // Each change of week is a step in the history.
  await page.goBack();
  await expectWeekMatchesApi(page, await weekSlots(plusDays(firstWeek, 7)), plusDays(firstWeek, 7));
  expect(problems).toEqual([]);
  await close();
});

test("at 320 px, the week is a strip of days and one day's slots, with « Continuer » in sight once a slot is chosen", async () => {
  const viewport = { width: 320, height: 640 };
  const { page, problems, close } = await harness.openPage(viewport);
  // By phone, France Travail has the longest weeks: about 3 300 px in one column before.
  const agency = await apiStructure(CEP.slug, LILLE.code, "France Travail Lille Vauban");
  const [first] = await apiSlots({ service: CEP.slug, structure: agency.id, mode: "phone", first: "true" });
  if (!first) throw new Error("France Travail Lille Vauban takes no phone appointment");
  const week = plusDays(mondayOf(parisDate(first.start)), 7);
  const slots = await apiSlots({ service: CEP.slug, structure: agency.id, mode: "phone", from: week, to: plusDays(week, 6) });
  await page.goto(`/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${agency.id}&mode=phone&week=${week}`);
  await settled(page);
  await expectWeekMatchesApi(page, slots, week);

  // The strip: each day with its count of free times; the first day with one is shown, alone.
  const expected = expectedWeek(slots, week);
  const strip = page.getByRole("group", { name: "Jour affiché" }).getByRole("button");
  expect((await strip.allTextContents()).map(normalise)).toEqual(
    expected.map(({ day, times }) => `${day}${times.length} créneau${times.length > 1 ? "x" : ""}`),
  );
  const visibleDays = () =>
    page
      .locator("main fieldset fieldset")
      .evaluateAll((days) => days.filter((day) => day.checkVisibility()).map((day) => day.querySelector("legend")?.textContent));
  const busiest = expected.reduce((best, day) => (day.times.length > best.times.length ? day : best));
  const firstOpen = expected.find((day) => day.times.length > 0);
  expect(await visibleDays()).toEqual([firstOpen?.day]);
  expect(await strip.filter({ hasText: firstOpen?.day ?? "" }).getAttribute("aria-pressed")).toBe("true");
  await expectAccessible(page, "320 px, day strip", problems);

  // The busiest day, with the keyboard: its button, then its first time.
  await tabTo(page, (focus) => focus.tag === "button" && focus.name.startsWith(busiest.day));
  await page.keyboard.press("Enter");
  expect(await visibleDays()).toEqual([busiest.day]);
  expect(await strip.filter({ hasText: busiest.day }).getAttribute("aria-pressed")).toBe("true");
  const radio = await tabTo(page, (focus) => focus.type === "radio", { max: 10 });
  expect(radio.name).toBe(busiest.times[0]);
  await page.keyboard.press("Space");
  await page.waitForURL("**&slot=*");
  // The focused time scrolls into view smoothly: measured once the page is still.
  const scrolled = () => page.evaluate(() => scrollY);
  await expect
    .poll(async () => {
      const before = await scrolled();
      await page.waitForTimeout(200);
      return before === (await scrolled());
    })
    .toBe(true);

  // « Continuer » is on screen, and the day's slots take less than two screens from the strip
  // to it (a week in one column put it some 3 000 px below).
  const continuer = await page.getByRole("button", { name: "Continuer" }).boundingBox();
  const stripBox = await page.getByRole("group", { name: "Jour affiché" }).boundingBox();
  if (!continuer || !stripBox) throw new Error("no « Continuer » or no strip");
  expect(continuer.y + continuer.height).toBeLessThanOrEqual(viewport.height);
  expect(continuer.y >= 0).toBe(true);
  expect(continuer.y + continuer.height - stripBox.y).toBeLessThan(2 * viewport.height);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(
    `320 px: page ${height} px high, ${Math.round(continuer.y + continuer.height - stripBox.y)} px from the strip to « Continuer », ${busiest.times.length} times on the day shown`,
  );
  expect(height).toBeLessThan(4.5 * viewport.height);
  await expectAccessible(page, "320 px, slot chosen", problems);
  await tabTo(page, isButton("Continuer"));
  await page.keyboard.press("Enter");
  await page.waitForURL("**&step=3");
  await close();
});

test("a structure with no availability says so, with its phone number, and offers no slot", async () => {
  const { page, problems, close } = await harness.openPage();
  const service = "information-metiers-formations";
  const structures = await apiStructures(service, LILLE.code);
  const firsts = await apiSlots({ service, commune: LILLE.code, first: "true" });
  const closed = structures.filter((structure) => !firsts.some((slot) => slot.structureId === structure.id));
  const open = structures.filter((structure) => firsts.some((slot) => slot.structureId === structure.id));
  expect(closed.length, "the demo has a structure without availability for this service").toBeGreaterThan(0);
  expect(open.length).toBeGreaterThan(0);

  await page.goto(`/rendez-vous?service=${service}&commune=${LILLE.code}`);
  await settled(page);
  for (const structure of closed) {
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: structure.name, exact: true }) });
    const text = normalise(await card.textContent());
    expect(text).toContain("Aucune disponibilité en ligne dans les six prochains mois.");
    expect(text).toContain(`Pour prendre rendez-vous, appelez le ${structure.phone}.`);
    expect(text).not.toContain("Prochaine disponibilité");
    expect(await card.getByRole("link", { name: structure.phone ?? "" }).getAttribute("href")).toBe(
      `tel:${structure.phone?.replace(/\s/g, "")}`,
    );
    expect(await card.getByRole("link", { name: /Choisir cette structure/ }).count()).toBe(0);
  }
  for (const structure of open) {
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: structure.name, exact: true }) });
    expect(normalise(await card.textContent())).toContain("Prochaine disponibilité");
  }
  await expectAccessible(page, "structures, one without availability", problems);

  // Reached by its address all the same, its slot step says the same.
  const [structure] = closed;
  await page.goto(`/rendez-vous?service=${service}&commune=${LILLE.code}&structure=${structure?.id}`);
  await settled(page);
  const text = normalise(await page.getByRole("main").textContent());
  expect(text).toContain("Aucune disponibilité en ligne dans les six prochains mois.");
  expect(text).toContain(`appelez ${structure?.name} au ${structure?.phone}`);
  expect(await page.getByRole("radio").count()).toBe(0);
  await expectAccessible(page, "slot step without availability", problems);
  await close();
});

test("a collective session shows the seats left with each time", async () => {
  const { page, problems, close } = await harness.openPage();
  const service = "reunion-information-vae";
  const [structure] = await apiStructures(service, LILLE.code);
  const [first] = await apiSlots({ service, commune: LILLE.code, first: "true" });
  if (!structure || !first) throw new Error("no collective session for Lille in the demo");
  expect(first.seatsLeft).toBeGreaterThan(1);

  await page.goto(`/rendez-vous?service=${service}&commune=${LILLE.code}&structure=${structure.id}`);
  await settled(page);
  // A single way to meet needs no choosing.
  const monday = mondayOf(parisDate(first.start));
  const radio = page.getByRole("radio", { name: `${timeName(first.start)} ${first.seatsLeft} places restantes`, exact: true });
  await radio.first().waitFor();
  expect(normalise(await page.getByRole("main").textContent())).toContain(`Créneaux de la semaine ${weekName(monday)}`);
  await expectAccessible(page, "collective session", problems);

  // On to the summary, which names the only place though nobody had to choose it.
  await radio.first().focus();
  await page.keyboard.press("Space");
  await page.waitForURL(`**&slot=${slotParam(first)}`);
  await page.getByRole("button", { name: "Continuer" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL("**&step=3");
  await settled(page);
  const summary = normalise(await page.getByRole("region", { name: "Le créneau choisi" }).textContent());
  expect(summary).toContain(`Séance collective${first.seatsLeft} places restantes`);
  expect(summary).toContain(`Mode de rendez-vous${first.mode === "onsite" ? "Sur place" : ""}`);
  await close();
});

test("the address keeps the whole state: reload, Back, and changing the commune", async () => {
  const { page, problems, close } = await harness.openPage();
  const apec = await apiStructure(CEP.slug, LILLE.code, "APEC Lille");
  const [first] = await apiSlots({ service: CEP.slug, structure: apec.id, mode: "phone", first: "true" });
  if (!first) throw new Error("APEC Lille takes no phone appointment");
  const week = mondayOf(parisDate(first.start));
  const slotsUrl = `/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${apec.id}&mode=phone&week=${week}`;

  await page.goto(slotsUrl);
  await settled(page);
  await page
    .getByRole("radio", { name: timeName(first.start), exact: true })
    .first()
    .focus();
  await page.keyboard.press("Space");
  await page.waitForURL(`**&slot=${slotParam(first)}`);
  await page.getByRole("button", { name: "Continuer" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL("**&step=3");
  await settled(page);
  const summary = normalise(await page.getByRole("region", { name: "Le créneau choisi" }).textContent());
  expect(summary).toContain("Par téléphone");
  expect(summary).toContain(`de ${timeName(first.start)}`);

  await page.reload();
  await settled(page);
  expect(normalise(await page.getByRole("region", { name: "Le créneau choisi" }).textContent())).toBe(summary);

  // Back to the slots: the same week, the same slot still checked.
  await page.goBack();
  await settled(page);
  expect(await page.title()).toBe("Étape 2 sur 4 : choisir un créneau — Prendre rendez-vous — RDV Orientation");
  expect(
    await page
      .getByRole("radio", { name: timeName(first.start), exact: true })
      .first()
      .isChecked(),
  ).toBe(true);

  // Changing the need or the commune starts from what was chosen.
  await page.getByRole("link", { name: "Modifier votre besoin ou votre commune" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL("**&step=1");
  await settled(page);
  expect(await page.getByRole("combobox", { name: "Votre commune" }).inputValue()).toBe(LILLE.label);
  expect(normalise(await page.getByRole("main").textContent())).toContain(`Votre besoin${CEP.name}`);
  // The whole list on demand, the focus on the chosen service.
  await page.getByRole("button", { name: "Choisir un autre besoin" }).focus();
  await page.keyboard.press("Enter");
  expect(await focused(page)).toMatchObject({ type: "radio", name: CEP.name, checked: true });
  expect(await page.getByRole("group", { name: "Votre besoin" }).getByRole("radio").count()).toBeGreaterThan(1);

  // An unknown slot (taken meanwhile, or a mangled link) is said to be so.
  await page.goto(`${slotsUrl}&slot=20260330T0312Z&step=3`);
  await settled(page);
  expect(normalise(await page.getByRole("main").textContent())).toContain("Ce créneau n'est plus libre, ou n'existe pas.");
  expect(problems).toEqual([]);
  await close();
});

test("step 1 says what is missing, and the commune field works by name, postcode, arrows and Escape", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto("/rendez-vous");
  await settled(page);

  await tabTo(page, isButton("Voir les structures"));
  await page.keyboard.press("Enter");
  const main = normalise(await page.getByRole("main").textContent());
  expect(main).toContain("Erreur : Choisissez votre besoin dans la liste.");
  expect(main).toContain("Erreur : Choisissez votre commune dans la liste proposée");
  expect(await focused(page)).toMatchObject({ type: "radio" });
  const combobox = page.getByRole("combobox", { name: "Votre commune" });
  expect(await combobox.getAttribute("aria-invalid")).toBe("true");
  await expectAccessible(page, "step 1 with errors", problems);

  await page.keyboard.press("Space"); // the first service
  await combobox.focus();
  await page.keyboard.type("zzz");
  // Shown under the field, and announced by its live region.
  const none = page.getByText("Aucune commune de la région ne correspond à « zzz ».");
  await none.first().waitFor();
  expect(await none.evaluateAll((found) => found.map((element) => element.getAttribute("aria-live")))).toEqual([null, "polite"]);
  expect(await combobox.getAttribute("aria-expanded")).toBe("false");

  await page.keyboard.press("Escape");
  expect(await combobox.inputValue()).toBe("");
  await page.keyboard.type("59000");
  await page.getByRole("option", { name: LILLE.label }).waitFor();
  await page.keyboard.press("Escape");
  expect(await combobox.getAttribute("aria-expanded")).toBe("false");
  expect(await combobox.inputValue()).toBe("59000");
  await page.keyboard.press("ArrowUp"); // opens on the last option
  const options = await page.getByRole("option").allTextContents();
  expect(normalise(await page.locator(`[id="${await combobox.getAttribute("aria-activedescendant")}"]`).textContent())).toBe(
    options.at(-1),
  );
  await page.keyboard.press("ArrowDown"); // wraps to the first
  await page.keyboard.press("Enter");
  expect(await combobox.inputValue()).toBe(LILLE.label);

  // Typing again forgets the choice: text that names no one commune chooses nothing.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("lil");
  await page.getByRole("option", { name: LILLE.label }).waitFor();
  await page.keyboard.press("Escape");
  await tabTo(page, isButton("Voir les structures"));
  await page.keyboard.press("Enter");
  expect(await focused(page)).toMatchObject({ role: "combobox" });
  expect(normalise(await page.getByRole("main").textContent())).toContain("Erreur : Choisissez votre commune");
  expect(problems).toEqual([]);
  await close();
});

test("a failed request says so in French, and « Réessayer » recovers", async () => {
  const { page, problems, close } = await harness.openPage();
  let failures = 1;
  await page.route("**/api/structures?*", async (route) => {
    if (failures-- > 0) {
      await route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "UNAVAILABLE", message: "Le service est momentanément indisponible." } }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto(`/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}`);
  const alert = page.getByRole("alert");
  await alert.waitFor();
  expect(normalise(await alert.textContent())).toContain("Les structures n'ont pas pu être chargées.");
  expect(normalise(await alert.textContent())).toContain("Le service est momentanément indisponible.");
  // The only problem is the failed request itself, which Chromium reports in the console.
  expect(problems).toEqual([expect.stringMatching(/status of 503/)]);
  problems.length = 0;
  await expectAccessible(page, "structures failed", problems);

  await alert.getByRole("button", { name: "Réessayer" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "APEC Lille", level: 4 }).waitFor();
  expect(await page.getByRole("alert").count()).toBe(0);
  expect(problems).toEqual([]);
  await close();
});

/** Step 1 with the service chosen: its commune field, empty. */
async function stepOne(page: Page) {
  await page.goto(`/rendez-vous?service=${CEP.slug}`);
  await settled(page);
  return page.getByRole("combobox", { name: "Votre commune" });
}

/** Step 2 reached for the commune with that INSEE code. */
async function expectStructuresOf(page: Page, code: string) {
  await page.waitForURL(`**/rendez-vous?service=${CEP.slug}&commune=${code}`);
  await settled(page);
  expect(await page.title()).toBe("Étape 2 sur 4 : choisir une structure — Prendre rendez-vous — RDV Orientation");
}

test("« Amiens » typed in full, then Enter at once, reaches the structures: no choice from the list needed", async () => {
  const { page, problems, close } = await harness.openPage();
  await (await stepOne(page)).focus();
  // Enter before the search has even been asked: sending waits for its answer.
  await page.keyboard.type("Amiens");
  await page.keyboard.press("Enter");
  await expectStructuresOf(page, "80021");
  // « de » elides before a vowel (a user trial read « les habitants de Amiens »).
  await page.getByRole("heading", { name: "Les structures qui reçoivent les habitants d'Amiens" }).waitFor();

  // With the list open, Enter takes the commune « Berck sur mer » names.
  await (await stepOne(page)).focus();
  await page.keyboard.type("Berck sur mer");
  await page.getByRole("option", { name: "Berck (62600)" }).waitFor();
  await page.keyboard.press("Enter");
  await expectStructuresOf(page, "62108");
  expect(problems).toEqual([]);
  await close();
});

test("« Amiens » typed in full, then a click on « Voir les structures », reaches the structures", async () => {
  const { page, problems, close } = await harness.openPage();
  await (await stepOne(page)).click();
  await page.keyboard.type("amiens");
  await page.getByRole("option", { name: "Amiens (80000, 80080…)" }).waitFor();
  await page.keyboard.press("Escape"); // the open list covers the button
  await page.getByRole("button", { name: "Voir les structures" }).click();
  await expectStructuresOf(page, "80021");

  // The same click before the search has answered.
  await (await stepOne(page)).fill("Amiens");
  await page.getByRole("button", { name: "Voir les structures" }).click();
  await expectStructuresOf(page, "80021");
  expect(problems).toEqual([]);
  await close();
});

test("the commune field's hint speaks of arrows and Enter with a mouse, not on a touch screen", async () => {
  const keys = (page: Page) => page.getByText("Au clavier : flèches pour parcourir la liste, Entrée pour choisir.");
  const desk = await harness.openPage();
  await stepOne(desk.page);
  expect(await keys(desk.page).isVisible()).toBe(true);
  await desk.close();

  const context = await harness.browser.newContext({
    baseURL: harness.baseUrl,
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: "fr-FR",
  });
  try {
    const phone = await context.newPage();
    await stepOne(phone);
    expect(await phone.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    expect(await phone.getByText("Saisissez son nom ou son code postal, puis choisissez-la dans la liste.").isVisible()).toBe(
      true,
    );
    expect(await keys(phone).isVisible()).toBe(false);
  } finally {
    await context.close();
  }
});

test("the commune list works with the pointer too", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto(`/rendez-vous?service=${CEP.slug}`);
  await settled(page);
  const combobox = page.getByRole("combobox", { name: "Votre commune" });
  await combobox.click();
  await page.keyboard.type("roubaix");
  await page.getByRole("option", { name: "Roubaix (59100)" }).click();
  expect(await combobox.inputValue()).toBe("Roubaix (59100)");
  expect(await combobox.getAttribute("aria-expanded")).toBe("false");
  await page.getByRole("button", { name: "Voir les structures" }).click();
  await page.waitForURL(`**/rendez-vous?service=${CEP.slug}&commune=59512`);
  expect(problems).toEqual([]);
  await close();
});

test("a structure's places come from one request for all (per=place), the commune from its code", async () => {
  const { page, problems, close } = await harness.openPage();
  const apec = await apiStructure(CEP.slug, LILLE.code, "APEC Lille");
  const requests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) requests.push(`${url.pathname}${url.search}`);
  });
  await page.goto(`/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${apec.id}`);
  await settled(page);
  const places = page.getByRole("group", { name: "Comment souhaitez-vous être reçu ?" }).getByRole("radio");
  expect(await places.count()).toBeGreaterThan(1);
  expect(requests.filter((path) => path.startsWith("/api/slots"))).toEqual([
    `/api/slots?service=${CEP.slug}&first=true&per=place&structure=${apec.id}`,
  ]);
  expect(requests.filter((path) => path.startsWith("/api/communes"))).toEqual([`/api/communes/${LILLE.code}`]);
  // Each place's next availability is the API's first slot there.
  const firsts = await apiSlots({ service: CEP.slug, structure: apec.id, first: "true", per: "place" });
  for (const site of apec.sites) {
    const first = firsts.find((slot) => slot.mode === "onsite" && slot.siteId === site.id);
    if (!first) continue;
    const hint = page.locator(
      `#${await page.getByRole("radio", { name: `Sur place — ${site.name}` }).getAttribute("aria-describedby")}`,
    );
    expect(normalise(await hint.textContent())).toContain(
      `Prochaine disponibilité : ${dayName(first.start)} à ${timeName(first.start)}`,
    );
  }
  expect(problems).toEqual([]);
  await close();
});
