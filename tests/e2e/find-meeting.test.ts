import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { expectAccessible, VIEWPORTS } from "./booking-helpers.ts";
import { focused, type Harness, normalise, settled, startHarness, tabTo } from "./harness.ts";

// « Retrouver mon rendez-vous » (/retrouver-mon-rendez-vous): reached from the home page, the
// footer and a dead private link; one field, then the same confirmation whatever the server found.
// The server only queues the request here (no outbox worker runs in these tests): what it then
// sends is tested in tests/api/lost-links.test.ts.

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

afterEach(async () => {
  await harness.db.prisma.outboxMessage.deleteMany();
  await harness.db.prisma.loginThrottle.deleteMany();
});

const CONFIRMATION =
  "Si un rendez-vous à venir correspond, vous allez recevoir son lien par courriel ou par SMS dans quelques minutes. Les anciens liens ne fonctionnent plus.";

const asked = () =>
  harness.db.prisma.outboxMessage.findMany({
    where: { type: "appointment.links_asked" },
    select: { channel: true, recipient: true },
  });

describe.each(VIEWPORTS)("at $width px", (viewport) => {
  test("from the home page to the confirmation with the keyboard alone", async () => {
    const { page, problems, close } = await harness.openPage(viewport);
    await page.goto("/");
    await settled(page);

    await tabTo(page, (focus) => focus.tag === "a" && focus.name === "Retrouver mon rendez-vous");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/retrouver-mon-rendez-vous");
    await settled(page);
    expect(await page.title()).toBe("Retrouver mon rendez-vous — RDV Orientation");
    // After a navigation in the app, the new page's heading has the focus.
    expect(await focused(page)).toMatchObject({ tag: "h1", name: "Retrouver mon rendez-vous" });
    await expectAccessible(page, "the empty form", problems);

    // Sent empty: the summary takes the focus and leads to the field.
    await tabTo(page, (focus) => focus.tag === "input" && focus.name.startsWith("Adresse électronique ou numéro de mobile"));
    await page.keyboard.press("Enter");
    const summary = page.getByRole("alert");
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(normalise(await summary.textContent())).toContain(
      "Saisissez l'adresse électronique ou le numéro de mobile donné à la réservation.",
    );
    await expectAccessible(page, "the form refused", problems);
    await tabTo(page, (focus) => focus.tag === "a" && focus.name.startsWith("Saisissez"));
    await page.keyboard.press("Enter");
    expect(await focused(page)).toMatchObject({ tag: "input" });

    await page.keyboard.type(`  Lea.${viewport.width}@Exemple.fr `);
    await tabTo(page, (focus) => focus.tag === "button" && focus.name === "Recevoir mes liens");
    await page.keyboard.press("Enter");
    const confirmation = page.getByRole("status").filter({ hasText: "Demande envoyée" });
    await confirmation.waitFor();
    expect(await confirmation.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(normalise(await confirmation.textContent())).toContain(CONFIRMATION);
    expect(await page.getByRole("alert").count()).toBe(0);
    await expectAccessible(page, "the confirmation", problems);

    // The request is queued for the outbox worker, the address as bookings store it.
    expect(await asked()).toEqual([{ channel: "email", recipient: `lea.${viewport.width}@exemple.fr` }]);
    await close();
  });
});

test("a landline is refused beside the field, in the server's words; a mobile goes by SMS", async () => {
  const { page, problems, close } = await harness.openPage({ width: 320, height: 640 });
  await page.goto("/retrouver-mon-rendez-vous");
  await settled(page);
  const field = page.getByLabel("Adresse électronique ou numéro de mobile");
  await field.fill("03 20 12 34 56");
  await page.getByRole("button", { name: "Recevoir mes liens" }).click();
  const error = page.locator("#contact-error");
  await error.waitFor();
  expect(normalise(await error.textContent())).toBe(
    "Erreur : Ce numéro n'est pas un mobile : saisissez l'adresse électronique donnée à la réservation, ou appelez la structure.",
  );
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  expect(await field.getAttribute("aria-describedby")).toContain("contact-error");
  // The browser logs the refused request; nothing else went wrong.
  expect(problems).toEqual([expect.stringMatching(/status of 422/)]);
  problems.length = 0;
  await expectAccessible(page, "a landline refused", problems);

  await field.fill("06 12 34 56 78");
  await page.getByRole("button", { name: "Recevoir mes liens" }).click();
  await page.getByRole("status").filter({ hasText: "Demande envoyée" }).waitFor();
  expect(await page.locator("#contact-error").count()).toBe(0);
  expect(await asked()).toEqual([{ channel: "sms", recipient: "+33612345678" }]);
  await close();
});

test("is linked from the footer and from the page of a dead private link", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto("/rdv/AbCdEf0123456789xyzXYZ");
  await settled(page);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ce lien n'est plus valable");
  const main = page.getByRole("main");
  expect(await main.getByRole("link", { name: "Retrouver mon rendez-vous" }).getAttribute("href")).toBe(
    "/retrouver-mon-rendez-vous",
  );
  const footer = page.getByRole("contentinfo");
  expect(await footer.getByRole("link", { name: "Retrouver mon rendez-vous" }).getAttribute("href")).toBe(
    "/retrouver-mon-rendez-vous",
  );
  await main.getByRole("link", { name: "Retrouver mon rendez-vous" }).click();
  await page.waitForURL("**/retrouver-mon-rendez-vous");
  await settled(page);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Retrouver mon rendez-vous");
  // The dead link's 404, logged by the browser.
  expect(problems).toEqual([expect.stringMatching(/status of 404/)]);
  await close();
});
