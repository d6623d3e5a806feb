import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { messageOf } from "../helpers/app.ts";
import {
  type ApiSlot,
  bookingApi,
  CEP,
  dayNameWithYear,
  definitions,
  expectAccessible,
  isButton,
  LILLE,
  timeName,
} from "./booking-helpers.ts";
import { type Harness, normalise, settled, startHarness, tabTo } from "./harness.ts";

// The waiting list as a person meets it: joining from the private link and leaving, an offer of
// freed time taken (the meeting moved) or no longer open (410), and joining with no free slot.

let harness: Harness;
let api: ReturnType<typeof bookingApi>;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  api = bookingApi(harness);
});

afterAll(async () => {
  await harness?.close();
});

// Each test starts with nobody waiting: an earlier test's entry would take the offers.
beforeEach(async () => {
  await harness.db.prisma.waitlistOffer.deleteMany();
  await harness.db.prisma.waitlistEntry.deleteMany();
});

const post = (path: string, body: unknown = {}) =>
  fetch(`${harness.baseUrl}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

/** APEC Lille's free slots for the first interview, more than two days away (NOW is Monday 23 March, 09:00). */
async function apecSlots(): Promise<ApiSlot[]> {
  const apec = await api.structure(CEP.slug, LILLE.code, "APEC Lille");
  const slots = await api.slots({ service: CEP.slug, structure: apec.id, from: "2026-03-26", to: "2026-04-24" });
  if (slots.length < 6) throw new Error("not enough free slots at APEC Lille");
  return slots;
}

let people = 0;
/** Books `slot` for a person of their own; answers their address and their private link's token. */
async function booked(slot: ApiSlot) {
  const email = `attente${++people}@exemple.fr`;
  const answer = await api.book(slot.key, { firstName: "Inès", lastName: "Durand", email });
  expect(answer.status).toBe(201);
  return { email, token: String(answer.body.manageUrl).split("/").pop() ?? "" };
}

/** Someone booked late who waits, and someone booked early who cancels: an offer to the first. */
async function offered() {
  const slots = await apecSlots();
  const [early, late] = [slots[0], slots.at(-1)];
  if (!early || !late) throw new Error("no slots");
  const waiting = await booked(late);
  expect((await post(`/api/manage/${waiting.token}/waitlist`)).status).toBe(201);
  const leaving = await booked(early);
  expect((await post(`/api/manage/${leaving.token}/cancel`)).status).toBe(200);
  const row = await harness.db.prisma.outboxMessage.findFirstOrThrow({
    where: { type: "waitlist.offer", recipient: waiting.email },
  });
  const offer = /\/offre\/([A-Za-z0-9_-]{22})/.exec(messageOf(row).text)?.[1];
  if (!offer) throw new Error("no offer link in the message");
  return { early, late, waiting, offer };
}

const mainText = async (page: Page) => normalise(await page.getByRole("main").textContent());

test("from the private link, one asks with the keyboard to be told of earlier time, on Tuesday mornings, then stops", async () => {
  const { page, problems, close } = await harness.openPage();
  const slots = await apecSlots();
  const slot = slots.at(-2);
  if (!slot) throw new Error("no slot");
  const person = await booked(slot);
  await page.goto(`/rdv/${person.token}`);
  await settled(page);
  await page.getByRole("heading", { name: "Me prévenir si un créneau se libère plus tôt" }).waitFor();
  await expectAccessible(page, "private link, waiting list offered", problems);

  // Keyboard alone: open the form (the focus goes to its first box), tick Tuesday morning, then « Me prévenir ».
  await tabTo(page, isButton("M'inscrire sur la liste d'attente"), { max: 80 });
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("demi-journees");
  expect(await tabTo(page, (focus) => focus.type === "checkbox" && focus.name === "Mardi matin", { max: 3 })).toMatchObject({
    checked: false,
  });
  await page.keyboard.press("Space");
  await tabTo(page, isButton("Me prévenir"));
  await page.keyboard.press("Enter");

  await page.getByText("Vous êtes sur la liste d'attente depuis le lundi 23 mars 2026 à 9 h 00.").waitFor();
  expect(await mainText(page)).toContain("C'est noté : vous serez prévenu par message si un créneau se libère plus tôt.");
  expect(await definitions(page, ".waitlist__wishes")).toMatchObject({
    "Demi-journées": "Mardi matin",
    "Modes de rendez-vous": "Tous",
    Durée: "Jusqu'à votre rendez-vous",
    Propositions: "Aucune pour l'instant",
  });
  const joined = await harness.getJson<{ waitlist: { halfDays: string[] } | null }>(`/api/manage/${person.token}`);
  expect(joined.waitlist?.halfDays).toEqual(["2am"]);
  await expectAccessible(page, "private link, on the list", problems);

  // Reloaded, the page still says so; then « Ne plus être prévenu ».
  await page.reload();
  await settled(page);
  expect(await mainText(page)).toContain("Vous êtes sur la liste d'attente depuis le");
  await page.getByRole("button", { name: "Ne plus être prévenu", exact: true }).click();
  // Asked once more: « Rester sur la liste » first, and it keeps the place.
  await page.getByRole("button", { name: "Rester sur la liste" }).click();
  expect(await page.getByRole("button", { name: "Oui, ne plus être prévenu" }).count()).toBe(0);
  await page.getByRole("button", { name: "Ne plus être prévenu", exact: true }).click();
  await expectAccessible(page, "private link, leaving the list asked", problems);
  await page.getByRole("button", { name: "Oui, ne plus être prévenu" }).click();
  await page.getByText("Vous ne serez plus prévenu. Votre rendez-vous reste inchangé.").waitFor();
  expect(await page.getByRole("button", { name: "Me prévenir" }).isVisible()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("waitlist-title");
  expect((await harness.getJson<{ waitlist: unknown }>(`/api/manage/${person.token}`)).waitlist).toBeNull();
  await close();
});

test("an offer of freed time, taken with the keyboard, moves the meeting earlier", async () => {
  const { page, problems, close } = await harness.openPage();
  const { early, late, waiting, offer } = await offered();
  await page.goto(`/offre/${offer}`);
  await settled(page);
  expect(await page.title()).toBe("Un créneau s'est libéré — RDV Orientation");
  const text = await mainText(page);
  expect(text).toContain("Réservé pour vous jusqu'à 9 h 15 (lundi 23 mars)");
  expect(text).toContain(`Il remplacerait votre rendez-vous du ${dayNameWithYear(late.start)} à ${timeName(late.start)}`);
  expect(await definitions(page, "section[aria-labelledby='offered-title'] dl")).toMatchObject({
    Date: dayNameWithYear(early.start),
    Service: CEP.name,
    Structure: "APEC Lille",
  });
  await expectAccessible(page, "offer, open", problems);

  await tabTo(page, isButton("Prendre ce créneau"));
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Rendez-vous confirmé" }).waitFor();
  expect(await mainText(page)).toContain(
    `C'est fait : votre rendez-vous est avancé au ${dayNameWithYear(early.start)} à ${timeName(early.start)}.`,
  );
  expect(await definitions(page, "section[aria-labelledby='booked-title'] dl")).toMatchObject({
    Date: dayNameWithYear(early.start),
  });
  expect(await page.getByRole("link", { name: new RegExp(`/rdv/${waiting.token}$`) }).count()).toBe(1);
  expect((await api.managed(waiting.token))?.appointment.start).toBe(early.start);
  await expectAccessible(page, "offer, taken", problems);
  await close();
});

test("at 320 px, an offer answered meanwhile says it is no longer open, and shows what else is free", async () => {
  const { page, problems, close } = await harness.openPage({ width: 320, height: 640 });
  const { offer } = await offered();
  await page.goto(`/offre/${offer}`);
  await settled(page);
  await expectAccessible(page, "offer at 320 px", problems);

  // Let go from another device while this page was open: taking it is a 410.
  expect((await post(`/api/offers/${offer}/decline`)).status).toBe(200);
  await page.getByRole("button", { name: "Prendre ce créneau", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Cette proposition n'est plus ouverte" }).waitFor();
  expect(await mainText(page)).toContain("Vous avez refusé ce créneau : il est libéré pour d'autres personnes.");
  expect(await page.getByRole("heading", { name: "D'autres créneaux libres plus tôt" }).isVisible()).toBe(true);
  // The browser logs the 410 it was answered: expected here, and the only one.
  expect(problems).toEqual([expect.stringMatching(/status of 410/)]);
  problems.length = 0;
  await expectAccessible(page, "offer gone at 320 px", problems);

  // Opened again, the offer says what became of it.
  await page.reload();
  await settled(page);
  expect(await mainText(page)).toContain("Vous avez refusé ce créneau : il est libéré pour d'autres personnes.");
  await close();
});

test("with nothing free for months, one joins the list from the booking, is told so, and leaves it from its link", async () => {
  const { page, problems, close } = await harness.openPage();
  // A structure of Lille whose offering of the first interview has no hours at all.
  const structure = (await api.structures(CEP.slug, LILLE.code)).find((candidate) => candidate.name !== "APEC Lille");
  if (!structure) throw new Error("no other structure");
  const offering = await harness.db.prisma.offering.findFirstOrThrow({
    where: { structureId: structure.id, service: { slug: CEP.slug } },
  });
  await harness.db.prisma.availabilityRuleOffering.deleteMany({ where: { offeringId: offering.id } });

  await page.goto(`/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${structure.id}`);
  await settled(page);
  await page.getByRole("heading", { name: "Me prévenir dès qu'un créneau s'ouvre" }).waitFor();
  await expectAccessible(page, "no free slot, waiting list", problems);

  // Sent empty: the client's checks, in a summary.
  await page.getByRole("button", { name: "Me prévenir" }).click();
  await page.getByRole("heading", { name: "Le formulaire contient 4 erreurs" }).waitFor();

  await page.getByLabel("Prénom").fill("Noé");
  await page.getByLabel("Nom", { exact: true }).fill("Martin");
  await page.getByLabel("Adresse électronique").fill("noe.martin@exemple.fr");
  await page.getByLabel("J'ai pris connaissance de l'information sur mes données personnelles").check();
  await page.getByLabel("Jeudi après-midi").check();
  await tabTo(page, isButton("Me prévenir"));
  await page.keyboard.press("Enter");

  await page.getByText("Vous êtes sur la liste d'attente").waitFor();
  expect(await mainText(page)).toContain(
    `Dès qu'un créneau s'ouvre pour « ${CEP.name} » avec ${structure.name}, un message vous le propose`,
  );
  expect(await page.evaluate(() => document.activeElement?.classList.contains("notice"))).toBe(true);
  await expectAccessible(page, "joined", problems);

  await page.getByRole("link", { name: "Voir ou quitter la liste" }).click();
  await page.waitForURL("**/attente/*");
  await settled(page);
  expect(await page.title()).toBe("Votre liste d'attente — RDV Orientation");
  expect(await definitions(page, ".waitlist__wishes")).toMatchObject({
    Service: CEP.name,
    Structure: structure.name,
    "Demi-journées": "Jeudi après-midi",
    // No date chosen: a year at most.
    Durée: "Jusqu'au mardi 23 mars 2027",
  });
  await expectAccessible(page, "waiting list page", problems);

  await page.getByRole("button", { name: "Quitter la liste d'attente" }).click();
  await page.getByRole("button", { name: "Oui, quitter la liste" }).click();
  await page.getByRole("heading", { level: 1, name: "Vous avez quitté la liste d'attente" }).waitFor();
  expect(await mainText(page)).toContain("C'est fait : vous ne serez plus prévenu des créneaux qui se libèrent.");
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
  const token = page.url().split("/").pop() ?? "";
  expect((await harness.getJson<{ entry: { waiting: boolean } }>(`/api/waitlist/${token}`)).entry.waiting).toBe(false);
  await expectAccessible(page, "waiting list left", problems);
  await close();
});

test("an offer let go, with « et ne plus être prévenu », passes the slot on and leaves the list", async () => {
  const { page, problems, close } = await harness.openPage();
  const { waiting, offer } = await offered();
  await page.goto(`/offre/${offer}`);
  await settled(page);
  await tabTo(
    page,
    (focus) => focus.type === "checkbox" && focus.name === "et ne plus être prévenu (quitter la liste d'attente)",
  );
  await page.keyboard.press("Space");
  await tabTo(page, isButton("Ce créneau ne me convient pas"), { max: 1 });
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "C'est noté" }).waitFor();
  expect(await mainText(page)).toContain("Vous avez quitté la liste d'attente : vous ne serez plus prévenu.");
  expect((await harness.getJson<{ waitlist: unknown }>(`/api/manage/${waiting.token}`)).waitlist).toBeNull();
  await expectAccessible(page, "offer declined", problems);
  await close();
});
