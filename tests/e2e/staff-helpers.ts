import type { Page } from "playwright-core";
import { expect } from "vitest";
import { formatViolations, runAxe } from "./harness.ts";

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
