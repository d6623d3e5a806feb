import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type ApiSlot,
  appointmentsOf,
  bookingApi,
  CEP,
  dayNameWithYear,
  expectAccessible,
  fillDetailsWithKeyboard,
  isButton,
  LILLE,
  mondayOf,
  parisDate,
  plusDays,
  slotParam,
  timeName,
} from "./booking-helpers.ts";
import { focused, type Harness, normalise, settled, startHarness, tabTo } from "./harness.ts";

// Steps 3 and 4 when things go wrong: the form's errors (the browser's and the server's), a slot
// taken between the review and the confirmation, and a confirmation whose answer is lost.

let harness: Harness;
let api: ReturnType<typeof bookingApi>;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
  api = bookingApi(harness);
});

afterAll(async () => {
  await harness?.close();
});

/** The free slots of APEC Lille at Euralille, on site, in the two weeks from the first free one's. */
async function euralilleSlots() {
  const apec = await api.structure(CEP.slug, LILLE.code, "APEC Lille");
  const site = apec.sites.find((candidate) => candidate.name === "APEC Lille — Euralille");
  if (!site) throw new Error("APEC Lille has no Euralille site");
  const query = { service: CEP.slug, structure: apec.id, mode: "onsite", site: site.id };
  const [first] = await api.slots({ ...query, first: "true" });
  if (!first) throw new Error("no free slot at Euralille");
  const week = mondayOf(parisDate(first.start));
  const slots = await api.slots({ ...query, from: week, to: plusDays(week, 13) });
  expect(slots.length).toBeGreaterThan(6);
  return { apec, site, week, slots };
}

/** Step 3 of a slot, opened by its address. */
function detailsUrl(structure: string, site: string, week: string, slot: ApiSlot) {
  return `/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${structure}&mode=onsite&site=${site}&week=${week}&slot=${slotParam(slot)}&step=3`;
}

/** Opens step 3 of `slot`, fills it with the keyboard and reaches step 4. */
async function reachReview(page: Page, slot: ApiSlot, email: string) {
  const { apec, site } = await euralilleSlots();
  await page.goto(detailsUrl(apec.id, site.id, mondayOf(parisDate(slot.start)), slot));
  await settled(page);
  await fillDetailsWithKeyboard(page, { firstName: "Inès", lastName: "Martin", email, phone: "" });
  await page.waitForURL("**&step=4");
  await settled(page);
}

/** The POST /api/bookings requests the page sends, with their Idempotency-Key. */
function watchBookings(page: Page) {
  const sent: { key: string | null; body: Record<string, unknown> }[] = [];
  page.on("request", (request: Request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/bookings")) {
      sent.push({ key: request.headers()["idempotency-key"] ?? null, body: request.postDataJSON() as Record<string, unknown> });
    }
  });
  return sent;
}

const summaryLinks = (page: Page) =>
  page
    .getByRole("alert")
    .getByRole("link")
    .evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute("href"), text: (link.textContent ?? "").replace(/\s+/g, " ").trim() })),
    );

/** A field's state: invalid or not, and the text of what describes it. */
const fieldState = (page: Page, id: string) =>
  page.locator(`#${id}`).evaluate((control) => ({
    invalid: control.getAttribute("aria-invalid"),
    description: (control.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .filter(Boolean)
      .map((ref) => (document.getElementById(ref)?.textContent ?? "").replace(/[\s\u00a0]+/g, " ").trim()),
  }));

describe("the details form", () => {
  test("sent empty, lists its errors in a focused summary whose links lead to each field", async () => {
    const { page, problems, close } = await harness.openPage();
    const { apec, site, slots } = await euralilleSlots();
    const [slot] = slots;
    if (!slot) throw new Error("no slot");
    await page.goto(detailsUrl(apec.id, site.id, mondayOf(parisDate(slot.start)), slot));
    await settled(page);
    // The commune comes prefilled from step 1, as the person's own.
    expect(await page.getByRole("combobox", { name: "Votre commune (facultatif)" }).inputValue()).toBe(LILLE.label);
    expect(await page.getByRole("combobox", { name: "Votre commune (facultatif)" }).getAttribute("autocomplete")).toBe(
      "address-level2",
    );

    await tabTo(page, isButton("Continuer"));
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert");
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(normalise(await summary.getByRole("heading").textContent())).toBe("Le formulaire contient 4 erreurs");
    expect(await summaryLinks(page)).toEqual([
      { href: "#prenom", text: "Saisissez votre prénom." },
      { href: "#nom", text: "Saisissez votre nom." },
      {
        href: "#courriel",
        text: "Saisissez une adresse électronique ou un numéro de téléphone, pour que la structure puisse vous joindre.",
      },
      {
        href: "#information",
        text: "Cochez la case pour indiquer que vous avez pris connaissance de l'information sur vos données personnelles.",
      },
    ]);
    expect(await page.title()).toBe("Erreur : Étape 3 sur 4 : vos coordonnées — Prendre rendez-vous — RDV Orientation");
    expect(await fieldState(page, "prenom")).toEqual({ invalid: "true", description: ["Erreur : Saisissez votre prénom."] });
    expect(await fieldState(page, "courriel")).toEqual({
      invalid: "true",
      description: [
        "Par exemple : prenom.nom@exemple.fr",
        "Erreur : Saisissez une adresse électronique ou un numéro de téléphone, pour que la structure puisse vous joindre.",
      ],
    });
    expect((await fieldState(page, "telephone")).invalid).toBeNull();
    expect((await fieldState(page, "information")).invalid).toBe("true");
    await expectAccessible(page, "step 3 with errors", problems);

    // Each link moves the focus to its field.
    await tabTo(page, (focus) => focus.href === "#prenom", { max: 1 });
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "input", name: "Prénom" });
    await page.keyboard.type("Inès");
    await summary.focus();
    await tabTo(page, (focus) => focus.href === "#information", { max: 4 });
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ type: "checkbox", checked: false });

    // A phone number alone will do; a malformed one is said so.
    await page.locator("#telephone").focus();
    await page.keyboard.type("06 12 34");
    await tabTo(page, isButton("Continuer"));
    await page.keyboard.press("Enter");
    expect(await summaryLinks(page)).toEqual([
      { href: "#nom", text: "Saisissez votre nom." },
      { href: "#telephone", text: "Saisissez un numéro de téléphone valide, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78." },
      {
        href: "#information",
        text: "Cochez la case pour indiquer que vous avez pris connaissance de l'information sur vos données personnelles.",
      },
    ]);
    expect(problems).toEqual([]);
    await close();
  });

  test("the server's refusals (422) land on their fields", async () => {
    const { page, problems, close } = await harness.openPage();
    const { slots } = await euralilleSlots();
    const slot = slots[1];
    if (!slot) throw new Error("no second slot");
    await reachReview(page, slot, "ines.martin@exemple.fr");

    // The form checks what the server checks: to see the server refuse, the request is changed
    // on its way. "ines@exemple" passes the browser's check, not the server's; without
    // noticeAccepted, the server refuses the request outright.
    await page.route("**/api/bookings", async (route) => {
      const body = route.request().postDataJSON() as { person: Record<string, string>; noticeAccepted?: boolean };
      delete body.noticeAccepted;
      await route.continue({ postData: JSON.stringify({ ...body, person: { ...body.person, email: "ines@exemple" } }) });
    });
    await tabTo(page, isButton("Confirmer le rendez-vous"));
    await page.keyboard.press("Enter");

    await page.waitForURL("**&step=3");
    const summary = page.getByRole("alert");
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summaryLinks(page)).toEqual([
      { href: "#courriel", text: "Adresse électronique invalide, par exemple prenom.nom@exemple.fr." },
      { href: "#information", text: "Vous devez prendre connaissance de l'information sur vos données personnelles." },
    ]);
    expect(await fieldState(page, "courriel")).toEqual({
      invalid: "true",
      description: [
        "Par exemple : prenom.nom@exemple.fr",
        "Erreur : Adresse électronique invalide, par exemple prenom.nom@exemple.fr.",
      ],
    });
    expect((await fieldState(page, "information")).invalid).toBe("true");
    // What the person typed is still there; nothing was booked.
    expect(await page.locator("#courriel").inputValue()).toBe("ines.martin@exemple.fr");
    expect(await appointmentsOf(harness, "ines.martin@exemple.fr")).toEqual([]);
    expect(await appointmentsOf(harness, "ines@exemple")).toEqual([]);
    // Chromium reports the refused request in the console; nothing else.
    expect(problems).toEqual([expect.stringMatching(/status of 422/)]);
    problems.length = 0;
    await expectAccessible(page, "step 3 with the server's errors", problems);
    await close();
  });
});

describe("the confirmation", () => {
  test("of a slot taken meanwhile offers the alternatives, and books the one chosen", async () => {
    const { page, problems, close } = await harness.openPage();
    const sent = watchBookings(page);
    const { slots } = await euralilleSlots();
    const slot = slots[2];
    if (!slot) throw new Error("no third slot");
    const email = "nour.benali@exemple.fr";
    await reachReview(page, slot, email);

    // Someone else takes the slot (every advisor free then) between the review and the click.
    const taken = await api.takeEntirely(slot);
    expect(taken.error.code).toBe("SLOT_TAKEN");
    const alternatives = taken.error.alternatives;
    expect(alternatives).toHaveLength(3);

    await tabTo(page, isButton("Confirmer le rendez-vous"));
    await page.keyboard.press("Enter");
    const notice = page.getByRole("alert");
    await notice.waitFor();
    expect(await notice.evaluate((element) => element === document.activeElement)).toBe(true);
    const text = normalise(await notice.textContent());
    expect(text).toContain("Ce créneau n'est plus libre");
    expect(text).toContain("Ce créneau vient d'être réservé par quelqu'un d'autre.");
    expect(text).toContain("Vos coordonnées sont conservées.");
    const radios = page.getByRole("group", { name: "Autres créneaux libres" }).getByRole("radio");
    expect(await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(
      alternatives.map((alternative) => alternative.key),
    );
    expect(
      await radios.evaluateAll((inputs) =>
        inputs.map((input) => ((input as HTMLInputElement).labels?.[0]?.textContent ?? "").replace(/[\s\u00a0]+/g, " ")),
      ),
    ).toEqual(alternatives.map((alternative) => `${dayNameWithYear(alternative.start)} à ${timeName(alternative.start)}`));
    // The refused request is the only thing Chromium reports.
    expect(problems).toEqual([expect.stringMatching(/status of 409/)]);
    problems.length = 0;
    await expectAccessible(page, "slot taken", problems);

    // The second alternative, with the keyboard: into the group, one arrow down, confirm.
    await tabTo(page, (focus) => focus.type === "radio");
    await page.keyboard.press("ArrowDown");
    expect(await focused(page)).toMatchObject({ checked: true, value: alternatives[1]?.key });
    await tabTo(page, isButton("Confirmer le rendez-vous"));
    await page.keyboard.press("Enter");
    await page.waitForURL("**/rendez-vous/confirmation");
    await settled(page);
    expect(normalise(await page.getByRole("main").textContent())).toContain(
      `votre rendez-vous est réservé pour le ${dayNameWithYear(alternatives[1]?.start ?? "")} à ${timeName(alternatives[1]?.start ?? "")}`,
    );
    const booked = await appointmentsOf(harness, email);
    expect(booked.map((appointment) => appointment.startsAt.toISOString())).toEqual([
      new Date(alternatives[1]?.start ?? "").toISOString(),
    ]);
    // Two attempts, two keys; the details sent again unchanged.
    expect(sent.map((request) => request.body.slotKey)).toEqual([slot.key, alternatives[1]?.key]);
    expect(new Set(sent.map((request) => request.key)).size).toBe(2);
    expect(sent[1]?.body.person).toEqual(sent[0]?.body.person);
    await close();
  });

  test("whose answer is lost is sent again with the same Idempotency-Key, and books once", async () => {
    const { page, problems, close } = await harness.openPage();
    const sent = watchBookings(page);
    // Far from the slots of the test before, and from the alternatives it was offered.
    const { slots } = await euralilleSlots();
    const slot = slots.at(-1);
    if (!slot) throw new Error("no slot");
    const email = "jules.petit@exemple.fr";
    await reachReview(page, slot, email);

    // The server books, then the answer never reaches the page.
    let lost = 1;
    let firstAnswer = 0;
    await page.route("**/api/bookings", async (route) => {
      if (lost-- > 0) {
        firstAnswer = (await route.fetch()).status();
        await route.abort("connectionreset");
      } else {
        await route.continue();
      }
    });
    // A double click sends one request.
    await page.getByRole("button", { name: "Confirmer le rendez-vous" }).dblclick();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(firstAnswer).toBe(201);
    expect(sent).toHaveLength(1);
    const text = normalise(await alert.textContent());
    expect(text).toContain("Votre rendez-vous n'a pas pu être confirmé.");
    expect(text).toContain("La connexion avec le service a été interrompue.");
    expect(await appointmentsOf(harness, email)).toHaveLength(1);
    expect(
      problems.every((problem) => /ERR_CONNECTION_RESET|Failed to load/.test(problem)),
      problems.join("\n"),
    ).toBe(true);
    problems.length = 0;
    await expectAccessible(page, "lost answer", problems);

    // « Réessayer »: the same request, the same key; the server answers with the first booking.
    await alert.getByRole("button", { name: "Réessayer" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL("**/rendez-vous/confirmation");
    await settled(page);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.key).toBe(sent[0]?.key);
    expect(sent[1]?.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent[1]?.body).toEqual(sent[0]?.body);
    const booked = await appointmentsOf(harness, email);
    expect(booked).toHaveLength(1);
    expect(booked[0]?.startsAt.toISOString()).toBe(new Date(slot.start).toISOString());
    const link = normalise(await page.getByRole("link", { name: /\/rdv\// }).textContent());
    expect((await api.managed(link.split("/").pop() ?? ""))?.appointment.id).toBe(booked[0]?.id);
    expect(problems).toEqual([]);
    await close();
  });
});

test("a time still free stays chosen when another advisor is offered at it meanwhile, and is booked with the fresh key", async () => {
  const { page, problems, close } = await harness.openPage();
  const sent = watchBookings(page);
  const before = (await euralilleSlots()).slots;
  // The public list offers the least-booked advisor at each time: one booking changes the key
  // offered at other times, though they stay free.
  const other = before[5];
  if (!other) throw new Error("not enough free slots");
  expect((await api.book(other.key, { firstName: "Camille", lastName: "Autre", email: "camille@exemple.fr" })).status).toBe(201);
  const after = (await euralilleSlots()).slots;
  const changed = after.find((slot) => before.some((old) => old.start === slot.start && old.key !== slot.key));
  if (!changed) throw new Error("no time changed advisor: the demo's Euralille has one advisor only?");

  const email = "sacha.roux@exemple.fr";
  await reachReview(page, changed, email);
  await tabTo(page, isButton("Confirmer le rendez-vous"));
  await page.keyboard.press("Enter");
  await page.waitForURL("**/rendez-vous/confirmation");
  expect(sent.map((request) => request.body.slotKey)).toEqual([changed.key]);
  const booked = await appointmentsOf(harness, email);
  expect(booked.map((appointment) => appointment.startsAt.toISOString())).toEqual([new Date(changed.start).toISOString()]);
  expect(problems).toEqual([]);
  await close();
});

test("a likely typo in the e-mail is pointed out and corrected; a domain with accents reads as typed", {
  timeout: 90_000,
}, async () => {
  const { apec, site, slots } = await euralilleSlots();
  const slot = slots.at(-2) as ApiSlot;
  const { page, problems, close } = await harness.openPage();
  await page.goto(detailsUrl(apec.id, site.id, mondayOf(parisDate(slot.start)), slot));
  await settled(page);
  const email = page.getByRole("textbox", { name: "Adresse électronique" });
  await email.fill("ines@gmial.com");
  await page.keyboard.press("Tab");
  const suggestion = page.locator("[aria-live='polite']").filter({ hasText: "Vouliez-vous dire" });
  await suggestion.waitFor();
  expect(normalise(await suggestion.textContent())).toBe(
    "Vouliez-vous dire ines@gmail.com ? Corriger l'adresse en ines@gmail.com",
  );
  await expectAccessible(page, "step 3, a suggested address", problems);
  await page.getByRole("button", { name: "Corriger l'adresse en ines@gmail.com" }).click();
  expect(await email.inputValue()).toBe("ines@gmail.com");
  expect((await focused(page)).name).toBe("Adresse électronique");
  expect(await page.getByText("Vouliez-vous dire").count()).toBe(0);

  await email.fill("ines.martin@exämple.fr");
  await page.getByRole("textbox", { name: "Prénom" }).fill("Inès");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Martin");
  await page.getByRole("checkbox", { name: "J'ai pris connaissance de l'information sur mes données personnelles" }).check();
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.waitForURL("**&step=4");
  await settled(page);
  expect(normalise(await page.locator("section[aria-labelledby='review-person-title']").textContent())).toContain(
    "ines.martin@exämple.fr",
  );
  await page.getByRole("button", { name: "Confirmer le rendez-vous" }).click();
  await page.waitForURL("**/rendez-vous/confirmation");
  await settled(page);
  expect(normalise(await page.getByRole("main").textContent())).toContain("envoyé à ines.martin@exämple.fr");
  expect(await appointmentsOf(harness, "ines.martin@exämple.fr")).toHaveLength(1);
  expect(problems).toEqual([]);
  await close();
});

describe("after booking", () => {
  /** Books `slot` through the pages; answers the private link shown on the confirmation. */
  async function confirmed(page: Page, slot: ApiSlot, email: string): Promise<string> {
    await reachReview(page, slot, email);
    await tabTo(page, isButton("Confirmer le rendez-vous"));
    await page.keyboard.press("Enter");
    await page.waitForURL("**/rendez-vous/confirmation");
    await settled(page);
    return normalise(await page.getByRole("link", { name: /\/rdv\// }).textContent());
  }

  /** Google's `dates` and Outlook's `startdt`/`enddt` for a slot, written here from its instants. */
  const utc = (iso: string) => new Date(iso).toISOString().slice(0, 19);
  const googleDates = (slot: ApiSlot) => `${utc(slot.start).replace(/[-:]/g, "")}Z/${utc(slot.end).replace(/[-:]/g, "")}Z`;

  test("the confirmation prints without the site's navigation, copies the link, and adds to Google or Outlook", async () => {
    const { page, context, problems, close } = await harness.openPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { apec, slots } = await euralilleSlots();
    // Far from the slots the other tests take, and from the alternatives they are offered.
    const slot = slots.at(-3);
    if (!slot) throw new Error("no slot");
    const manageUrl = await confirmed(page, slot, "ambre.leroy@exemple.fr");

    // « Imprimer » opens the browser's print dialog.
    await page.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => {
        counted.printed++;
      };
    });
    await tabTo(page, isButton("Imprimer"));
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On paper: the appointment, what to bring and the private link; no navigation, no buttons.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Menu principal" }).isVisible()).toBe(false);
    expect(await page.locator("header.site-header").isVisible()).toBe(false);
    expect(await page.locator("footer").isVisible()).toBe(false);
    expect(await page.getByRole("button").evaluateAll((buttons) => buttons.filter((b) => b.checkVisibility()).length)).toBe(0);
    expect(await page.getByRole("list", { name: "Ajouter à mon agenda" }).isVisible()).toBe(false);
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what prints.
    const paper = normalise(await page.getByRole("main").innerText());
    expect(paper).toContain(`À prévoir ${apec.instructions}`);
    expect(paper).toContain(dayNameWithYear(slot.start));
    expect(paper).toContain("APEC Lille — Euralille");
    expect(await page.getByRole("link", { name: manageUrl }).isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await page.locator("header.site-header").isVisible()).toBe(true);

    // « Copier le lien »: on the clipboard, and said.
    await tabTo(page, isButton("Copier le lien"));
    await page.keyboard.press("Enter");
    const said = page.locator(".private-link [aria-live='polite']");
    await expect.poll(async () => normalise(await said.textContent())).toMatch(/^Lien copié/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(manageUrl);

    // Google Agenda and Outlook get the slot's instants in UTC, the title, the place and the link.
    const calendars = page.getByRole("list", { name: "Ajouter à mon agenda" });
    const hrefOf = async (name: string) => new URL((await calendars.getByRole("link", { name }).getAttribute("href")) ?? "");
    const google = await hrefOf("Google Agenda");
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("dates")).toBe(googleDates(slot));
    expect(google.searchParams.get("text")).toBe(`${CEP.name} — APEC Lille`);
    expect(google.searchParams.get("location")).toMatch(/^APEC Lille — Euralille, /);
    expect(google.searchParams.get("details")).toContain(manageUrl);
    const outlook = await hrefOf("Outlook.com");
    expect(outlook.origin).toBe("https://outlook.live.com");
    expect([outlook.searchParams.get("startdt"), outlook.searchParams.get("enddt")]).toEqual([
      `${utc(slot.start)}Z`,
      `${utc(slot.end)}Z`,
    ]);
    expect(outlook.searchParams.get("body")).toContain(manageUrl);
    await expectAccessible(page, "confirmation, link copied", problems);
    await close();
  });
});
