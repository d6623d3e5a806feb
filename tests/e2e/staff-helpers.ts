import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { seedDemoAccounts } from "../../prisma/seed/demo-accounts.ts";
import type { Config } from "../../server/config.ts";
import { VIEWPORTS } from "./booking-helpers.ts";
import { formatViolations, type Harness, horizontalOverflow, runAxe, startHarness } from "./harness.ts";

// What the staff tests share: the demo accounts' password, signing in as a person does, and
// the accessibility check run at every state worth looking at.

export const PASSWORD = "demo-staff-password-2026";

/**
 * Signs in from /connexion with the keyboard only: type, Tab, type, Enter. `keepAddress` signs
 * in on the sign-in page already open (its `retour` kept) instead of opening it afresh.
 */
export async function signIn(page: Page, email: string, password: string, options: { keepAddress?: boolean } = {}) {
  if (!options.keepAddress) await page.goto("/connexion");
  await page.locator("h1").waitFor();
  await page.getByLabel("Adresse électronique").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

export async function expectAxeClean(page: Page, name: string) {
  const violations = await runAxe(page);
  expect(violations, `${name}:\n${formatViolations(violations)}`).toEqual([]);
}

/** Axe and reflow at desktop width and at 320 px, then back to desktop width. */
export async function expectAccessibleAtEveryWidth(page: Page, name: string) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    expect(await horizontalOverflow(page), `${name} at ${viewport.width} px scrolls sideways`).toBe(0);
    await expectAxeClean(page, `${name} at ${viewport.width} px`);
  }
  await page.setViewportSize(VIEWPORTS[0] ?? { width: 1280, height: 800 });
}

/**
 * For a test file of the staff space: the demo harness with the demo accounts (and the file's
 * own settings, if any), started before the file's tests and closed after them. Read `harness`
 * inside tests.
 */
export function useStaffHarness(options: { config?: Config } = {}) {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness({ demo: true, ...options });
    await seedDemoAccounts(harness.db.prisma, PASSWORD);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const started = () => {
    if (!harness) throw new Error("the harness starts in beforeAll");
    return harness;
  };
  return {
    get harness() {
      return started();
    },
    /** A page signed in as a demo account, on the staff home. */
    async signedIn(email: string, firstName: string) {
      const watched = await started().openPage();
      await signIn(watched.page, email, PASSWORD);
      await watched.page.getByRole("heading", { level: 1, name: `Bonjour ${firstName}` }).waitFor();
      return watched;
    },
  };
}

/**
 * A meeting of the Mission Locale de Lille with its demo advisor (conseiller@demo.example), for a
 * new person, in the first mode of its first offering (on site at its first site, if so).
 */
export async function lilleMeeting(
  prisma: Harness["db"]["prisma"],
  person: { firstName: string; lastName: string; phone: string },
  times: { startsAt: Date; endsAt: Date },
) {
  const structure = await prisma.structure.findUniqueOrThrow({
    where: { slug: "mission-locale-lille" },
    include: { sites: { take: 1, orderBy: { name: "asc" } }, offerings: { take: 1, orderBy: { id: "asc" } } },
  });
  const advisor = await prisma.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const offering = structure.offerings[0];
  if (!offering) throw new Error("no offering at Mission Locale de Lille");
  const mode = offering.modes[0] ?? "onsite";
  const { id: personId } = await prisma.person.create({ data: person });
  const appointment = await prisma.appointment.create({
    data: {
      offeringId: offering.id,
      structureId: structure.id,
      siteId: mode === "onsite" ? (structure.sites[0]?.id ?? null) : null,
      mode,
      advisorId: advisor.id,
      personId,
      ...times,
      channel: "online",
    },
  });
  return { appointment, advisor };
}
