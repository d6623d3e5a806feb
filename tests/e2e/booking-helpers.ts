import type { Page } from "playwright-core";
import { expect } from "vitest";
import { type Focused, formatViolations, type Harness, horizontalOverflow, normalise, runAxe, tabTo } from "./harness.ts";

// What the booking and private-link tests share: the demo's names, the API as the tests read it,
// dates formatted independently of the app (Intl in Europe/Paris from the instants, where the
// app reads the local time off the ISO offsets), and checks run at every step.

export const CEP = { slug: "cep-premier-entretien", name: "Conseil en évolution professionnelle — premier entretien" };
export const LILLE = { code: "59350", label: "Lille (59000, 59160…)" };
export const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
];

// --- The API, as the tests read it ---------------------------------------------------------

export interface ApiSlot {
  key: string;
  start: string;
  end: string;
  structureId: string;
  siteId: string | null;
  mode: "onsite" | "phone" | "video";
  seatsLeft: number;
}

export interface ApiStructure {
  id: string;
  name: string;
  phone: string | null;
  network: { name: string };
  sites: { id: string; name: string; address: string; postcode: string; accessInfo: string; commune: { name: string } }[];
  /** « À prévoir » for the service asked for. */
  instructions: string | null;
}

export interface ApiAppointment {
  id: string;
  start: string;
  end: string;
  status: "booked" | "cancelled";
  mode: "onsite" | "phone" | "video";
  service: { slug: string; name: string };
  structure: { id: string; name: string; phone: string | null };
  site: { id: string; name: string; address: string; postcode: string; commune: string; accessInfo: string } | null;
  instructions: string;
}

export function bookingApi(harness: Harness) {
  async function slots(query: Record<string, string>): Promise<ApiSlot[]> {
    return (await harness.getJson<{ slots: ApiSlot[] }>(`/api/slots?${new URLSearchParams(query)}`)).slots;
  }

  async function structures(service: string, commune: string): Promise<ApiStructure[]> {
    const body = await harness.getJson<{ structures: ApiStructure[] }>(`/api/structures?service=${service}&commune=${commune}`);
    return body.structures;
  }

  async function structure(service: string, commune: string, name: string): Promise<ApiStructure> {
    const found = (await structures(service, commune)).find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no structure named ${name} for ${service} in ${commune}`);
    return found;
  }

  /** POST /api/bookings as a script would; answers the status and the body. */
  async function book(slotKey: string, person: Record<string, string>, idempotencyKey = crypto.randomUUID()) {
    const response = await fetch(`${harness.baseUrl}/api/bookings`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": idempotencyKey },
      body: JSON.stringify({ slotKey, person, noticeAccepted: true }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /**
   * Books `slot` for others until the API itself answers 409: several advisors may be free at
   * one time, and a key whose advisor was taken is booked with another. Answers the 409's body.
   */
  async function takeEntirely(slot: ApiSlot) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await book(slot.key, { firstName: "Camille", lastName: "Autre", email: `autre${attempt}@exemple.fr` });
      if (answer.status === 409) {
        return answer.body as { error: { code: string; message: string; alternatives: ApiSlot[] } };
      }
      expect(answer.status).toBe(201);
    }
    throw new Error("the slot is still free after 20 bookings");
  }

  /** The appointment behind a private link, as the API shows it: null once the link is dead. */
  async function managed(token: string): Promise<{ appointment: ApiAppointment } | null> {
    const response = await fetch(`${harness.baseUrl}/api/manage/${token}`);
    if (response.status === 404) return null;
    expect(response.status).toBe(200);
    return (await response.json()) as { appointment: ApiAppointment };
  }

  return { slots, structures, structure, book, takeEntirely, managed };
}

/** The appointments of the person with this e-mail address, as stored. */
export function appointmentsOf(harness: Harness, email: string) {
  return harness.db.prisma.appointment.findMany({
    where: { person: { email } },
    select: { id: true, startsAt: true, status: true, cancelReason: true, accessibilityAids: true, accessibilityNeeds: true },
    orderBy: { createdAt: "asc" },
  });
}

// --- Dates, formatted independently of the app ---------------------------------------------

const PARIS_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });
const PARIS_DAY = new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Paris" });
const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", { hour: "numeric", minute: "2-digit", timeZone: "Europe/Paris" });

/** "2026-03-30": the date in Paris. */
export const parisDate = (iso: string) => PARIS_DATE.format(new Date(iso));
/** « lundi 30 mars »; French writes the first of the month « 1er ». */
export const dayName = (iso: string) => PARIS_DAY.format(new Date(iso)).replace(/^(\S+) 1 /, "$1 1er ");
/** « lundi 30 mars 2026 ». */
export const dayNameWithYear = (iso: string) => `${dayName(iso)} ${parisDate(iso).slice(0, 4)}`;
/** « 9 h 00 ». */
export function timeName(iso: string): string {
  const parts = PARIS_TIME.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${Number(part("hour"))} h ${part("minute")}`;
}
/** « 45 min », « 1 h », « 1 h 30 ». */
export function durationName(start: string, end: string): string {
  const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
  const hours = Math.floor(minutes / 60);
  const rest = String(minutes % 60).padStart(2, "0");
  return hours === 0 ? `${minutes} min` : rest === "00" ? `${hours} h` : `${hours} h ${rest}`;
}
/** « de 9 h 00 à 9 h 45 (45 min) ». */
export const hoursName = (slot: { start: string; end: string }) =>
  `de ${timeName(slot.start)} à ${timeName(slot.end)} (${durationName(slot.start, slot.end)})`;
/** How the address names a slot: its start instant in UTC, "20260330T0700Z". */
export const slotParam = (slot: { start: string }) => `${new Date(slot.start).toISOString().slice(0, 16).replace(/[-:]/g, "")}Z`;
const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);
export const plusDays = (date: string, days: number) =>
  new Date(noonOf(date).getTime() + days * 86_400_000).toISOString().slice(0, 10);
/** The Monday of a date's week. */
export const mondayOf = (date: string) => plusDays(date, -((noonOf(date).getUTCDay() + 6) % 7));
/** « du 30 mars au 5 avril », « du 23 au 29 mars ». */
export function weekName(monday: string): string {
  const sunday = plusDays(monday, 6);
  const [from, to] = [monday, sunday].map((date) => dayName(noonOf(date).toISOString()).replace(/^\S+ /, ""));
  return monday.slice(5, 7) === sunday.slice(5, 7) ? `du ${from?.split(" ")[0]} au ${to}` : `du ${from} au ${to}`;
}

// --- The page ----------------------------------------------------------------------------

export function expectedWeek(slots: ApiSlot[], monday: string) {
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

export interface ShownDay {
  day: string;
  none: boolean;
  slots: { label: string; value: string; start: string; checked: boolean }[];
}

/** The week's slots as shown: each day's legend and radio buttons. */
export function shownWeek(page: Page): Promise<ShownDay[]> {
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

export async function expectWeekMatchesApi(page: Page, slots: ApiSlot[], monday: string) {
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
export async function expectAccessible(page: Page, where: string, problems: string[]) {
  const violations = await runAxe(page);
  expect(violations.length, `axe found violations (${where}):\n\n${formatViolations(violations)}\n`).toBe(0);
  expect(await horizontalOverflow(page), `the page scrolls horizontally (${where})`).toBe(0);
  expect(problems, where).toEqual([]);
}

export async function expectFocusOnStep(page: Page, step: string) {
  expect(normalise(await page.evaluate(() => document.activeElement?.textContent))).toBe(step);
}

export const isButton = (name: string | RegExp) => (focus: Focused) =>
  focus.tag === "button" && (typeof name === "string" ? focus.name === name : name.test(focus.name));

/** A definition list (`<dl>`) in `scope`, as { term: description }, spaces normalised. */
export async function definitions(page: Page, selector: string): Promise<Record<string, string>> {
  return page.locator(selector).evaluate((list) => {
    const text = (node: Element | null) => (node?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
    return Object.fromEntries([...list.querySelectorAll("dt")].map((term) => [text(term), text(term.nextElementSibling)]));
  });
}

/** What a person types in step 3. */
export interface TypedDetails {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  /** « Recevoir les rappels par SMS », offered for a mobile: ticked unless false. */
  sms?: boolean;
  /** The labels of the arrangements to tick. */
  aids?: string[];
  needs?: string;
}

/**
 * Fills step 3 with the keyboard alone, from wherever the focus is: Tab to each field, type,
 * tick the notice with Space, and send with Enter on « Continuer ».
 */
export async function fillDetailsWithKeyboard(page: Page, details: TypedDetails) {
  const field = (label: string) => (focus: Focused) => focus.tag !== "a" && focus.name === label;
  await tabTo(page, field("Prénom"));
  await page.keyboard.type(details.firstName);
  await tabTo(page, field("Nom"), { max: 1 });
  await page.keyboard.type(details.lastName);
  await tabTo(page, field("Adresse électronique"), { max: 1 });
  await page.keyboard.type(details.email);
  await tabTo(page, field("Numéro de téléphone"), { max: 1 });
  await page.keyboard.type(details.phone);
  // A mobile typed, « Recevoir les rappels par SMS » follows, ticked.
  const next = await tabTo(page, (focus) => focus.role === "combobox" || focus.type === "checkbox", { max: 1 });
  if (next.type === "checkbox") {
    expect(next).toMatchObject({ name: "Recevoir les rappels par SMS", checked: true });
    if (details.sms === false) await page.keyboard.press("Space");
  }
  // The commune comes from step 1: nothing to type.
  const commune = next.type === "checkbox" ? await tabTo(page, (focus) => focus.role === "combobox", { max: 1 }) : next;
  expect(commune.value).toBe(LILLE.label);
  // The arrangements, a checkbox each: Space ticks the ones asked.
  for (let box = 0; box < 5; box++) {
    const aid = await tabTo(page, (focus) => focus.type === "checkbox", { max: 1 });
    if (details.aids?.includes(aid.name)) await page.keyboard.press("Space");
  }
  await tabTo(page, field("Autres besoins d'aménagement, ou précisions (facultatif)"), { max: 1 });
  if (details.needs) await page.keyboard.type(details.needs);
  await tabTo(page, (focus) => focus.href === "/donnees-personnelles", { max: 1 });
  const notice = await tabTo(page, (focus) => focus.type === "checkbox", { max: 1 });
  expect(notice).toMatchObject({ name: "J'ai pris connaissance de l'information sur mes données personnelles", checked: false });
  await page.keyboard.press("Space");
  await tabTo(page, isButton("Continuer"), { max: 1 });
  await page.keyboard.press("Enter");
}
