import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ApiSlot,
  bookingApi,
  CEP,
  dayNameWithYear,
  definitions,
  expectAccessible,
  expectWeekMatchesApi,
  hoursName,
  isButton,
  LILLE,
  mondayOf,
  parisDate,
  plusDays,
  slotParam,
  timeName,
  VIEWPORTS,
} from "./booking-helpers.ts";
import { focused, type Harness, normalise, settled, startHarness, tabTo } from "./harness.ts";

// The page of the private link, /rdv/<token>: what it shows, the calendar file, moving the
// appointment (and a move to a slot taken meanwhile), calling off a cancellation, a dead link.

let harness: Harness;
let api: ReturnType<typeof bookingApi>;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  api = bookingApi(harness);
});

afterAll(async () => {
  await harness?.close();
});

/** APEC Lille's Euralille site, and its free slots on site in the two weeks from the first one's. */
async function euralille() {
  const apec = await api.structure(CEP.slug, LILLE.code, "APEC Lille");
  const site = apec.sites.find((candidate) => candidate.name === "APEC Lille — Euralille");
  if (!site) throw new Error("APEC Lille has no Euralille site");
  const query = { service: CEP.slug, structure: apec.id, mode: "onsite", site: site.id };
  const [first] = await api.slots({ ...query, first: "true" });
  if (!first) throw new Error("no free slot at Euralille");
  const week = mondayOf(parisDate(first.start));
  const weekQuery = (monday: string) => ({ ...query, from: monday, to: plusDays(monday, 6) });
  return { apec, site, week, weekQuery, slots: await api.slots({ ...query, from: week, to: plusDays(week, 13) }) };
}

/** Books `slot` through the API for a person; answers the private link's token. */
async function bookFor(slot: ApiSlot, email: string): Promise<string> {
  const answer = await api.book(slot.key, { firstName: "Maëlle", lastName: "Lefebvre", email });
  expect(answer.status).toBe(201);
  return String(answer.body.manageUrl).split("/").pop() ?? "";
}

const placeOf = (site: { name: string; address: string; postcode: string; commune: { name: string } }) =>
  `Sur place — ${site.name}${site.address}, ${site.postcode} ${site.commune.name}`;

/** From the overview to the move's week, with the keyboard. */
async function startMove(page: Page) {
  await tabTo(page, (focus) => focus.tag === "a" && focus.name === "Déplacer le rendez-vous");
  await page.keyboard.press("Enter");
  await page.waitForURL("**?vue=deplacer");
  await settled(page);
}

describe.each(VIEWPORTS)("at $width px", (viewport) => {
  test("the private link shows the appointment, its calendar file, and moves it with the keyboard", async () => {
    const { page, problems, close } = await harness.openPage(viewport);
    const { apec, site, week, weekQuery, slots } = await euralille();
    const [booked] = viewport.width === 1280 ? slots.slice(4) : slots.slice(8);
    if (!booked) throw new Error("not enough free slots");
    const token = await bookFor(booked, `maelle.${viewport.width}@exemple.fr`);

    // Pasted from a sentence, with its full stop: still the appointment (it was « Ce lien n'est plus valable »).
    await page.goto(`/rdv/${token}.`);
    await settled(page);
    expect(await page.title()).toBe("Votre rendez-vous — RDV Orientation");
    await page.goto(`/rdv/${token}`);
    await settled(page);
    expect(await page.title()).toBe("Votre rendez-vous — RDV Orientation");
    expect(normalise(await page.getByRole("main").textContent())).toContain("Bonjour Maëlle Lefebvre, voici votre rendez-vous.");
    expect(await definitions(page, "section[aria-labelledby='appointment-title'] dl")).toMatchObject({
      Date: dayNameWithYear(booked.start),
      Heure: hoursName(booked),
      Service: CEP.name,
      Structure: "APEC Lille",
      "Mode de rendez-vous": placeOf(site),
    });
    expect(normalise(await page.getByRole("main").textContent())).toContain(`Contactez APEC Lille au ${apec.phone}`);
    await expectAccessible(page, "private link", problems);

    // The calendar file answers text/calendar, for this appointment's time.
    const ics = await page
      .getByRole("list", { name: "Ajouter à mon agenda" })
      .getByRole("link", { name: "Fichier agenda (.ics)" })
      .getAttribute("href");
    expect(ics).toBe(`/api/manage/${token}/ics`);
    const calendar = await fetch(`${harness.baseUrl}${ics}`);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    const startUtc = new Date(booked.start).toISOString().replace(/[-:]/g, "").slice(0, 15);
    expect(await calendar.text()).toMatch(
      new RegExp(`DTSTART(;TZID=Europe/Paris:${parisDate(booked.start).replace(/-/g, "")}T|:${startUtc})`),
    );

    // « Déplacer le rendez-vous »: the same place to begin with, its first free week.
    await startMove(page);
    expect(await page.title()).toBe("Déplacer le rendez-vous — Votre rendez-vous — RDV Orientation");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Déplacer le rendez-vous");
    expect(normalise(await page.getByRole("main").textContent())).toContain(
      `Votre rendez-vous actuel : ${dayNameWithYear(booked.start)} à ${timeName(booked.start)} (Sur place — ${site.name}).`,
    );
    expect(await page.getByRole("radio", { name: `Sur place — ${site.name}` }).isChecked()).toBe(true);
    const weekSlots = await api.slots(weekQuery(week));
    await expectWeekMatchesApi(page, weekSlots, week);
    await expectAccessible(page, "move, week", problems);

    // The first time of the week, then Continue.
    const target = weekSlots.find((slot) => slot.start !== booked.start);
    if (!target) throw new Error("no other slot that week");
    // Radio buttons are one stop of the Tab key: the first is the week's first free time.
    expect(await tabTo(page, (focus) => focus.type === "radio" && focus.name !== `Sur place — ${site.name}`)).toMatchObject({
      value: target.key,
      name: timeName(target.start),
    });
    await page.keyboard.press("Space");
    await page.waitForURL(`**&slot=${slotParam(target)}`);
    await tabTo(page, isButton("Continuer"));
    await page.keyboard.press("Enter");

    // The old and the new time, then the explicit confirmation.
    await page.waitForURL("**?vue=confirmer*");
    await settled(page);
    expect(await page.title()).toBe("Confirmer le nouveau créneau — Votre rendez-vous — RDV Orientation");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Confirmer le nouveau créneau");
    expect(await definitions(page, "main dl")).toMatchObject({
      Date: dayNameWithYear(target.start),
      Heure: hoursName(target),
      "Mode de rendez-vous": placeOf(site),
    });
    await expectAccessible(page, "move, confirm", problems);
    await tabTo(page, isButton("Confirmer le déplacement"));
    await page.keyboard.press("Enter");

    // Moved: said first, the page showing the new time, the API too.
    await page.waitForURL(`**/rdv/${token}`);
    await page.getByRole("heading", { name: "Votre rendez-vous est déplacé" }).waitFor();
    await settled(page);
    expect(await page.title()).toBe("Rendez-vous déplacé — Votre rendez-vous — RDV Orientation");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Votre rendez-vous est déplacé");
    expect(normalise(await page.getByRole("main").textContent())).toContain(
      `Il a lieu désormais le ${dayNameWithYear(target.start)} à ${timeName(target.start)}.`,
    );
    expect((await definitions(page, "section[aria-labelledby='appointment-title'] dl")).Date).toBe(dayNameWithYear(target.start));
    expect((await api.managed(token))?.appointment.start).toBe(target.start);
    await expectAccessible(page, "moved", problems);
    await close();
  });
});

test("the private link says what to bring, prints, and copies itself even without the Clipboard API", async () => {
  const { page, context, problems, close } = await harness.openPage({ width: 320, height: 640 });
  // An address outside HTTPS has no Clipboard API: the link is selected for the person to copy.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
  const { apec, slots } = await euralille();
  const booked = slots.at(-2);
  if (!booked) throw new Error("no free slot");
  const token = await bookFor(booked, "maelle.papiers@exemple.fr");
  await page.goto(`/rdv/${token}`);
  await settled(page);
  expect(apec.instructions).toMatch(/CV/);
  expect((await definitions(page, "section[aria-labelledby='appointment-title'] dl"))["À prévoir"]).toBe(apec.instructions);
  expect((await api.managed(token))?.appointment.instructions).toBe(apec.instructions);

  await page.evaluate(() => {
    window.print = () => document.body.setAttribute("data-printed", "yes");
  });
  await page.getByRole("button", { name: "Imprimer" }).click();
  expect(await page.locator("body").getAttribute("data-printed")).toBe("yes");
  await page.emulateMedia({ media: "print" });
  expect(await page.getByRole("navigation", { name: "Menu principal" }).isVisible()).toBe(false);
  // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what prints: the link in full.
  expect(normalise(await page.getByRole("main").innerText())).toContain(`${harness.baseUrl}/rdv/${token}`);
  await page.emulateMedia({ media: "screen" });

  await tabTo(page, isButton("Copier le lien"));
  await page.keyboard.press("Enter");
  const said = page.locator(".private-link [aria-live='polite']");
  await expect.poll(async () => normalise(await said.textContent())).not.toBe("");
  expect(normalise(await said.textContent())).toBe(
    "Copie impossible : le lien est sélectionné, copiez-le (Ctrl+C ou appui long).",
  );
  expect(await page.evaluate(() => getSelection()?.toString())).toBe(`${harness.baseUrl}/rdv/${token}`);
  await expectAccessible(page, "private link, link copied", problems);
  await close();
});

test("a move to a slot taken meanwhile offers the alternatives, and the current appointment stays until one is confirmed", async () => {
  const { page, problems, close } = await harness.openPage();
  const booked = (await euralille()).slots[1];
  if (!booked) throw new Error("not enough free slots");
  const token = await bookFor(booked, "maelle.taken@exemple.fr");
  // Read after the booking: a slot's key names its advisor, whom the booking may have taken.
  const { site, slots } = await euralille();
  const wanted = slots.at(-1);
  if (!wanted) throw new Error("not enough free slots");
  const monday = mondayOf(parisDate(wanted.start));
  await page.goto(`/rdv/${token}?vue=confirmer&mode=onsite&site=${site.id}&week=${monday}&slot=${slotParam(wanted)}`);
  await settled(page);
  expect((await definitions(page, "main dl")).Date).toBe(dayNameWithYear(wanted.start));

  const taken = await api.takeEntirely(wanted);
  const alternatives = taken.error.alternatives.filter((slot) => slot.start !== booked.start);
  await tabTo(page, isButton("Confirmer le déplacement"));
  await page.keyboard.press("Enter");
  const notice = page.getByRole("alert");
  await notice.waitFor();
  expect(await notice.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(normalise(await notice.textContent())).toContain("Votre rendez-vous actuel reste réservé.");
  expect((await api.managed(token))?.appointment.start).toBe(booked.start);
  const radios = page.getByRole("group", { name: "Autres créneaux libres" }).getByRole("radio");
  const offered = await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(offered).toEqual(taken.error.alternatives.map((slot) => slot.key));
  expect(problems).toEqual([expect.stringMatching(/status of 409/)]);
  problems.length = 0;
  await expectAccessible(page, "move, slot taken", problems);

  const [choice] = alternatives;
  if (!choice) throw new Error("no alternative");
  await page.locator(`input[value="${choice.key}"]`).focus();
  await page.keyboard.press("Space");
  await tabTo(page, isButton("Confirmer le déplacement"));
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Votre rendez-vous est déplacé" }).waitFor();
  expect((await api.managed(token))?.appointment.start).toBe(choice.start);
  expect(problems).toEqual([]);
  await close();
});

test("the cancellation can be called off: « Garder mon rendez-vous », the primary button, and Escape keep the appointment", async () => {
  const { page, problems, close } = await harness.openPage();
  const { slots } = await euralille();
  const booked = slots[3];
  if (!booked) throw new Error("not enough free slots");
  const token = await bookFor(booked, "maelle.garde@exemple.fr");
  await page.goto(`/rdv/${token}`);
  await settled(page);

  const trigger = await tabTo(page, isButton("Annuler le rendez-vous"));
  expect(trigger.name).toBe("Annuler le rendez-vous");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Annuler le rendez-vous ?" });
  await dialog.waitFor();
  // The safe choice is the primary button; the cancellation, outlined in the danger colour.
  const keep = dialog.getByRole("button", { name: "Garder mon rendez-vous", exact: true });
  const cancel = dialog.getByRole("button", { name: "Oui, annuler le rendez-vous", exact: true });
  expect(await keep.getAttribute("class")).toContain("button--primary");
  expect(await cancel.getAttribute("class")).toContain("button--danger");
  expect(await cancel.evaluate((element) => getComputedStyle(element).color)).toBe("rgb(164, 36, 29)");
  await tabTo(page, isButton("Garder mon rendez-vous"));
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => focused(page)).toMatchObject({ tag: "button", name: "Annuler le rendez-vous" });

  await page.keyboard.press("Enter");
  await dialog.waitFor();
  // The focus stays in the dialog: Tab goes round it.
  for (let presses = 0; presses < 6; presses++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => focused(page)).toMatchObject({ tag: "button", name: "Annuler le rendez-vous" });
  expect((await api.managed(token))?.appointment.status).toBe("booked");
  expect(problems).toEqual([]);
  await close();
});

test("the person changes their contact and their SMS choice with the keyboard alone, at 320 px", async () => {
  const { page, problems, close } = await harness.openPage({ width: 320, height: 640 });
  const { slots } = await euralille();
  const booked = slots[5];
  if (!booked) throw new Error("not enough free slots");
  const token = await bookFor(booked, "maelle.contact@exemple.fr");
  const { id } = (await api.managed(token))?.appointment ?? { id: "" };
  const contact = () => definitions(page, "section[aria-labelledby='person-title'] dl");
  const section = () => page.locator("section[aria-labelledby='person-title']").textContent().then(normalise);
  const pendingSms = () =>
    harness.db.prisma.outboxMessage.count({
      where: { appointmentId: id, type: "appointment.reminder", channel: "sms", status: "pending" },
    });
  await page.goto(`/rdv/${token}`);
  await settled(page);
  expect(await contact()).toEqual({ "Adresse électronique": "maelle.contact@exemple.fr", Téléphone: "Non renseigné" });
  await expectAccessible(page, "private link, contact", problems);

  // « Modifier mes coordonnées »: the dialog opens on the e-mail address, as kept.
  await tabTo(page, isButton("Modifier mes coordonnées"));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Modifier mes coordonnées" });
  await dialog.waitFor();
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: "input", name: "Adresse électronique (facultative)", value: "maelle.contact@exemple.fr" });
  // A mobile typed, « Recevoir les rappels par SMS » comes, ticked.
  await tabTo(page, (focus) => focus.name === "Numéro de téléphone (facultatif)", { max: 1 });
  await page.keyboard.type("06 12 34 56 78");
  expect(await tabTo(page, (focus) => focus.type === "checkbox", { max: 1 })).toMatchObject({
    name: "Recevoir les rappels par SMS",
    checked: true,
  });
  await expectAccessible(page, "contact dialog, a mobile typed", problems);
  await tabTo(page, isButton("Enregistrer"), { max: 1 });
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await expect.poll(() => focused(page)).toMatchObject({ tag: "button", name: "Modifier mes coordonnées" });
  await expect.poll(section).toContain("Vos coordonnées sont enregistrées : les prochains messages y seront envoyés.");
  expect(await contact()).toEqual({ "Adresse électronique": "maelle.contact@exemple.fr", Téléphone: "06 12 34 56 78" });
  expect(await section()).toContain("Rappels par SMS au 06 12 34 56 78.");
  const person = () => harness.db.prisma.person.findFirstOrThrow({ where: { appointments: { some: { id } } } });
  expect(await person()).toMatchObject({ phone: "+33612345678", smsReminders: true });
  expect(await pendingSms()).toBeGreaterThan(0);
  await expectAccessible(page, "contact saved", problems);

  // Neither an address nor a number: refused beside the e-mail field, which takes the focus.
  await page.keyboard.press("Enter");
  await dialog.waitFor();
  await expect.poll(() => focused(page)).toMatchObject({ name: "Adresse électronique (facultative)" });
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await tabTo(page, isButton("Enregistrer"), { max: 1 });
  await page.keyboard.press("Enter");
  await expect.poll(() => focused(page)).toMatchObject({ name: "Adresse électronique (facultative)" });
  expect(normalise(await dialog.textContent())).toContain("Gardez une adresse électronique ou un numéro de téléphone");
  expect(await page.getByLabel("Adresse électronique (facultative)").getAttribute("aria-invalid")).toBe("true");
  await expectAccessible(page, "contact dialog, refused", problems);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  expect(await person()).toMatchObject({ email: "maelle.contact@exemple.fr", phone: "+33612345678" });

  // Unticked: no more SMS.
  await expect.poll(() => focused(page)).toMatchObject({ tag: "button", name: "Modifier mes coordonnées" });
  await page.keyboard.press("Enter");
  await dialog.waitFor();
  await expect.poll(() => focused(page)).toMatchObject({ name: "Adresse électronique (facultative)" });
  expect(await tabTo(page, (focus) => focus.type === "checkbox", { max: 2 })).toMatchObject({ checked: true });
  await page.keyboard.press("Space");
  await tabTo(page, isButton("Enregistrer"), { max: 1 });
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  await expect.poll(section).not.toContain("Rappels par SMS au");
  // Said, not only a line gone (a user trial saw nothing say so).
  await expect.poll(section).toContain("les prochains messages y seront envoyés. Pas de rappel par SMS.");
  expect(await person()).toMatchObject({ phone: "+33612345678", smsReminders: false });
  expect(await pendingSms()).toBe(0);
  expect(await harness.db.prisma.auditEvent.count({ where: { action: "person.contact_changed" } })).toBeGreaterThanOrEqual(2);
  await expectAccessible(page, "SMS unticked", problems);
  await close();
});

test.each(VIEWPORTS)("a dead link says so and offers to book again ($width px)", async (viewport) => {
  const { page, problems, close } = await harness.openPage(viewport);
  await page.goto("/rdv/AAAAAAAAAAAAAAAAAAAAAA");
  await settled(page);
  expect(await page.title()).toBe("Ce lien n'est plus valable — RDV Orientation");
  expect(normalise(await page.getByRole("main").textContent())).toContain(
    "Ce lien n'est plus valable : le rendez-vous a été annulé ou est passé, ou l'adresse est incomplète.",
  );
  expect(await page.getByRole("link", { name: "Prendre un nouveau rendez-vous" }).getAttribute("href")).toBe("/rendez-vous");
  // Chromium reports the API's 404 in the console; that is the page's whole point here.
  expect(problems).toEqual([expect.stringMatching(/status of 404/)]);
  problems.length = 0;
  await expectAccessible(page, "dead link", problems);
  await close();
});

test("the page of a private link is served with no referrer and no caching", async () => {
  const response = await fetch(`${harness.baseUrl}/rdv/AAAAAAAAAAAAAAAAAAAAAA`);
  expect(response.status).toBe(200);
  expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  expect(response.headers.get("Cache-Control")).toBe("no-store");
});
