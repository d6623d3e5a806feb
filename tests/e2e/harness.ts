import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import axe from "axe-core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { createApp } from "../../server/app.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Config } from "../../server/config.ts";
import type { Database } from "../../server/db/database.ts";
import { testDeps } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { CHROMIUM_PATH } from "./chromium.ts";

/** The services every browser test finds in the database, in display order. */
export const SERVICES = [
  {
    slug: "information-conseil-vae",
    name: "Information-conseil VAE",
    description: "Un premier entretien pour savoir si la validation des acquis de l'expérience vous convient.",
    position: 1,
  },
  {
    slug: "cep-premier-entretien",
    name: "Conseil en évolution professionnelle — premier entretien",
    description: "Faire le point sur votre situation professionnelle et construire un projet d'évolution.",
    position: 2,
  },
  // No description: the card must still make sense.
  { slug: "entretien-orientation-cio", name: "Entretien d'orientation (CIO)", description: "", position: 3 },
] as const;

/** The server's "now" in every browser test: Monday 23 March 2026, 09:00 in Paris. */
export const NOW = "2026-03-23T08:00:00Z";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A page and what went wrong in it: console errors (CSP violations among them) and uncaught exceptions. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
  close(): Promise<void>;
}

export interface Harness {
  baseUrl: string;
  db: Database;
  browser: Browser;
  /** GET an API address (`/api/…`) on the running server, as JSON; throws unless 200. */
  getJson<T = unknown>(path: string): Promise<T>;
  /** A new context and page, without any CSP bypass: the app runs under its real policy. */
  openPage(viewport?: { width: number; height: number }): Promise<WatchedPage>;
  close(): Promise<void>;
}

/**
 * The whole product on a socket: a migrated in-memory database, the server on a clock fixed at
 * NOW, and Chromium. The database holds the three SERVICES, or with `demo` the whole demo
 * directory of Hauts-de-France (communes, structures, advisors and their hours), a copy of the
 * run's demo template: each test file still has its own, which it may change.
 */
export async function startHarness(options: { demo?: boolean; config?: Config } = {}): Promise<Harness> {
  const db = await createTestDatabase({ demo: options.demo });
  if (!options.demo) await db.prisma.service.createMany({ data: SERVICES.map((service) => ({ ...service })) });

  const app = createApp(testDeps(db, { clock: fixedClock(NOW), ...(options.config && { config: options.config }) }), {});
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const stopServer = async () => {
    if ("closeAllConnections" in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db.close();
  };
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await stopServer();
    throw error;
  });

  return {
    baseUrl,
    db,
    browser,
    async getJson<T>(path: string) {
      const response = await fetch(`${baseUrl}${path}`);
      if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async openPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: "fr-FR" });
      const page = await context.newPage();
      // Shorter than a test's timeout, so that a wait that never ends names itself.
      page.setDefaultTimeout(10_000);
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
      return { page, context, problems, close: () => context.close() };
    },
    async close() {
      await browser.close();
      await stopServer();
    },
  };
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now, or the `rules` named (best practices
 * outside those tags, such as `landmark-unique`). The source is evaluated through the DevTools
 * protocol, which the page's CSP does not govern: no bypass is needed, so the same page still
 * reports the app's own CSP violations.
 */
export async function runAxe(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axe.source);
  const runOnly = rules ? { type: "rule" as const, values: rules } : { type: "tag" as const, values: AXE_TAGS };
  return page.evaluate(async (only) => {
    const { axe: inPage } = window as unknown as { axe: typeof axe };
    const results = await inPage.run(document, { runOnly: only });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.join(" "),
        html: node.html,
        summary: node.failureSummary ?? "",
      })),
    }));
  }, runOnly);
}

/** Violations as a reader wants them in a failed test: rule, impact, help, then each element. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) =>
      [
        `${violation.id} (${violation.impact ?? "?"}): ${violation.help} — ${violation.helpUrl}`,
        ...violation.nodes.map((node) => `  at ${node.target}\n    ${node.html}\n    ${node.summary.replaceAll("\n", "\n    ")}`),
      ].join("\n"),
    )
    .join("\n\n");
}

/** Waits until the page's data has arrived: no loading message left. */
export async function settled(page: Page): Promise<void> {
  await page.locator("h1").waitFor();
  await page.locator('[role="status"]').waitFor({ state: "detached" });
}

/** Whether the page scrolls sideways (WCAG 1.4.10: content reflows at 320 CSS pixels). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** What has the keyboard focus, as a test reads it. */
export interface Focused {
  tag: string;
  role: string | null;
  /** The visible name: a control's label, or an element's text, spaces normalised. */
  name: string;
  href: string | null;
  type: string | null;
  checked: boolean | null;
  value: string | null;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const input = element instanceof HTMLInputElement ? element : null;
    const labelled = input ?? (element instanceof HTMLTextAreaElement ? element : null);
    const text = (labelled?.labels?.[0]?.textContent ?? element?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      role: element?.getAttribute("role") ?? null,
      name: text,
      href: element?.getAttribute("href") ?? null,
      type: input?.type ?? null,
      checked: input ? input.checked : null,
      value: input ? input.value : null,
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `wanted` accepts, as a person would;
 * fails after `max` presses, saying where the focus went.
 */
export async function tabTo(
  page: Page,
  wanted: (focus: Focused) => boolean,
  options: { backwards?: boolean; max?: number } = {},
): Promise<Focused> {
  const seen: string[] = [];
  for (let presses = 0; presses < (options.max ?? 60); presses++) {
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    const focus = await focused(page);
    if (wanted(focus)) return focus;
    seen.push(`${focus.tag}${focus.type ? `[${focus.type}]` : ""} "${focus.name.slice(0, 50)}"`);
  }
  throw new Error(`the wanted element never got the focus; the focus went through:\n  ${seen.join("\n  ")}`);
}

/** Text as read, with the French non-breaking spaces as plain spaces. */
export function normalise(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
