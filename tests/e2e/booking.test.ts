import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type Focused,
  focused,
  formatViolations,
  type Harness,
  horizontalOverflow,
  normalise,
  runAxe,
  settled,
  startHarness,
  tabTo,
} from "./harness.ts";

// The booking flow, steps 1 and 2, on the demo directory of Hauts-de-France with the server's
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

const CEP = { slug: "cep-premier-entretien", name: "Conseil en évolution professionnelle — premier entretien" };
const LILLE = { code: "59350", label: "Lille (59000, 59160…)" };
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

// --- The API, as the tests read it ---------------------------------------------------------

interface ApiSlot {
  key: string;
  start: string;
  end: string;
  structureId: string;
  siteId: string | null;
  mode: "onsite" | "phone" | "video";
  seatsLeft: number;
}

interface ApiStructure {
  id: string;
  name: string;
  phone: string | null;
  network: { name: string };
  sites: { id: string; name: string; address: string; postcode: string; commune: { name: string } }[];
}

async function apiSlots(query: Record<string, string>): Promise<ApiSlot[]> {
  return (await harness.getJson<{ slots: ApiSlot[] }>(`/api/slots?${new URLSearchParams(query)}`)).slots;
}

async function apiStructures(service: string, commune: string): Promise<ApiStructure[]> {
  const body = await harness.getJson<{ structures: ApiStructure[] }>(`/api/structures?service=${service}&commune=${commune}`);
  return body.structures;
}

async function apiStructure(service: string, commune: string, name: string): Promise<ApiStructure> {
  const found = (await apiStructures(service, commune)).find((structure) => structure.name === name);
  if (!found) throw new Error(`no structure named ${name} for ${service} in ${commune}`);
  return found;
}

// --- Dates, formatted independently of the app ---------------------------------------------

const PARIS_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
const PARIS_DAY = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Paris" });
const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", { hour: "numeric", minute: "2-digit", timeZone: "Europe/Paris" });

/** "2026-03-30": the date in Paris. */
const parisDate = (iso: string) => PARIS_DATE.format(new Date(iso));
/** « lundi 30 mars »; French writes the first of the month « 1er ». */
const dayName = (iso: string) => PARIS_DAY.format(new Date(iso)).replace(/^(\S+) 1 /, "$1 1er ");
/** « 9 h 00 ». */
function timeName(iso: string): string {
  const parts = PARIS_TIME.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${Number(part("hour"))} h ${part("minute")}`;
}
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);
const plusDays = (date: string, days: number) => new Date(noonOf(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
/** The Monday of a date's week. */
const mondayOf = (date: string) => plusDays(date, -((noonOf(date).getUTCDay() + 6) % 7));
/** « du 30 mars au 5 avril », « du 23 au 29 mars ». */
function weekName(monday: string): string {
  const sunday = plusDays(monday, 6);
  const [from, to] = [monday, sunday].map((date) => dayName(noonOf(date).toISOString()).replace(/^\S+ /, ""));
  return monday.slice(5, 7) === sunday.slice(5, 7) ? `du ${from?.split(" ")[0]} au ${to}` : `du ${from} au ${to}`;
}

/** The week as the page should show it: seven days, each with its distinct start times. */
function expectedWeek(slots: ApiSlot[], monday: string) {
  const starts: ApiSlot[] = [];
  for (const slot of slots) if (!starts.some((known) => known.start === slot.start)) starts.push(slot);
  return Array.from({ length: 7 }, (_, index) => {
    const date = plusDays(monday, index);
    return {
      day: dayName(noonOf(date).toISOString()),
      times: starts.filter((slot) => parisDate(slot.start) === date).map((slot) => timeName(slot.start)),
    };
  });
}

// --- The page ----------------------------------------------------------------------------

interface ShownDay {
  day: string;
  none: boolean;
  slots: { label: string; value: string; start: string; checked: boolean }[];
}

/** The week's slots as shown: each day's legend and radio buttons. */
function shownWeek(page: Page): Promise<ShownDay[]> {
  return page.evaluate(() => {
    const text = (node: Element | null | undefined) => (node?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
    return [...document.querySelectorAll("main fieldset fieldset")].map((day) => ({
      day: text(day.querySelector("legend")),
      none: text(day).includes("Aucun créneau"),
      slots: [...day.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => ({
        label: text(radio.labels?.[0]),
        value: radio.value,
        start: radio.dataset.start ?? "",
        checked: radio.checked,
      })),
    }));
  });
}

async function expectWeekMatchesApi(page: Page, slots: ApiSlot[], monday: string) {
  await page.getByRole("group", { name: `Créneaux de la semaine ${weekName(monday)}` }).waitFor();
  const shown = await shownWeek(page);
  expect(shown.map((day) => ({ day: day.day, times: day.slots.map((slot) => slot.label) }))).toEqual(expectedWeek(slots, monday));
  for (const day of shown) expect(day.none, day.day).toBe(day.slots.length === 0);
  // Each radio keeps the key of the first slot at its time.
  for (const radio of shown.flatMap((day) => day.slots)) {
    expect(radio.value).toBe(slots.find((slot) => slot.start === radio.start)?.key);
  }
}

/** No axe violation, no sideways scroll, nothing in the console: checked at every step. */
async function expectAccessible(page: Page, where: string, problems: string[]) {
  const violations = await runAxe(page);
  expect(violations.length, `axe found violations (${where}):\n\n${formatViolations(violations)}\n`).toBe(0);
  expect(await horizontalOverflow(page), `the page scrolls horizontally (${where})`).toBe(0);
  expect(problems, where).toEqual([]);
}

async function expectFocusOnStep(page: Page, step: string) {
  expect(normalise(await page.evaluate(() => document.activeElement?.textContent))).toBe(step);
}

const isButton = (name: string | RegExp) => (focus: Focused) =>
  focus.tag === "button" && (typeof name === "string" ? focus.name === name : name.test(focus.name));

// --- The journey -------------------------------------------------------------------------

describe.each(VIEWPORTS)("at $width px", (viewport) => {
  test("with the keyboard alone, from the home page to a chosen slot", { timeout: 90_000 }, async () => {
    const { page, problems, close } = await harness.openPage(viewport);
    const apec = await apiStructure(CEP.slug, LILLE.code, "APEC Lille");
    const euralille = apec.sites.find((site) => site.name === "APEC Lille — Euralille");
    if (!euralille) throw new Error("APEC Lille has no Euralille site");

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
    const place = await tabTo(page, (focus) => focus.type === "radio");
    expect(place).toMatchObject({ name: `Sur place — ${euralille.name}`, checked: false });
    await page.keyboard.press("Space");
    await page.waitForURL(`**&mode=onsite&site=${euralille.id}`);
    const [first] = await apiSlots({ service: CEP.slug, structure: apec.id, mode: "onsite", site: euralille.id, first: "true" });
    if (!first) throw new Error("no free slot at Euralille");
    const firstWeek = mondayOf(parisDate(first.start));
    const weekQuery = (monday: string) => ({
      service: CEP.slug,
      structure: apec.id,
      mode: "onsite",
      site: euralille.id,
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
    await page.waitForURL(`**&slot=${chosen.key}`);
    await expectAccessible(page, "step 2, slot chosen", problems);
    await tabTo(page, isButton("Continuer"));
    await page.keyboard.press("Enter");

    // The chosen slot's summary; the details form comes with the next version.
    await page.waitForURL("**&step=3");
    await settled(page);
    expect(await page.title()).toBe("Étape 3 sur 4 : vos coordonnées — Prendre rendez-vous — RDV Orientation");
    await expectFocusOnStep(page, "Étape 3 sur 4 : Vos coordonnées");
    const summary = page.getByRole("region", { name: "Le créneau choisi" });
    const terms = await summary.locator("dt").allTextContents();
    const values = (await summary.locator("dd").allTextContents()).map(normalise);
    const summaryOf = Object.fromEntries(terms.map((term, index) => [term, values[index]]));
    expect(summaryOf).toMatchObject({
      Date: `${dayName(chosen.start)} ${chosen.start.slice(0, 4)}`,
      Heure: `de ${timeName(chosen.start)} à ${timeName(chosen.end)}`,
      Structure: "APEC Lille (réseau APEC)",
      "Mode de rendez-vous": `Sur place — ${euralille.name}${euralille.address}, ${euralille.postcode} ${euralille.commune.name}`,
    });
    const text = normalise(await summary.textContent());
    expect(text).toContain("Ce créneau n'est pas encore réservé.");
    expect(text).toContain("La saisie de vos coordonnées et la confirmation du rendez-vous en ligne arrivent dans la prochaine");
    expect(text).toContain(`appelez APEC Lille au ${apec.phone}`);
    // No fake form: nothing to fill in yet.
    expect(await page.getByRole("main").locator("input, select, textarea").count()).toBe(0);
    await expectAccessible(page, "step 3, summary", problems);
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
  await page.waitForURL(`**&slot=${first.key}`);
  const focus = await focused(page);
  expect(focus).toMatchObject({ type: "radio", checked: true, value: first.key, name: timeName(first.start) });

  // Each change of week is a step in the history.
  await page.goBack();
  await expectWeekMatchesApi(page, await weekSlots(plusDays(firstWeek, 7)), plusDays(firstWeek, 7));
  expect(problems).toEqual([]);
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
  await page.waitForURL(`**&slot=${first.key}`);
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
  await page.waitForURL(`**&slot=${first.key}`);
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
  await page.goto(`${slotsUrl}&slot=AAAA&step=3`);
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

  // Typing again forgets the choice: typed text alone chooses nothing.
  await page.keyboard.type(" x");
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
