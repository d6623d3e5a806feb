import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bookingApi, CEP, LILLE } from "./booking-helpers.ts";
import { type Harness, settled, startHarness } from "./harness.ts";

// The public pages' budget (docs: under 60 kB of JavaScript and 30 kB of CSS, gzipped): what a
// page has loaded, as the browser fetched it, compressed here as a server would (gzip, level 6).

const BUDGET = { js: 60_000, css: 30_000 };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ demo: true });
});

afterAll(async () => {
  await harness?.close();
});

/**
 * The charting library's chunk, recognised by what it draws (Chartist's class names). It loads
 * after the statistics page is on screen, with the first chart, and is counted apart.
 */
const isChartLibrary = (body: Buffer) => body.includes("ct-chart-bar");
const CHART_LIBRARY_BUDGET = 15_000;

/** The scripts and style sheets the page has loaded so far, gzipped, in bytes. */
async function loaded(page: Page): Promise<{ js: number; css: number; charts: number; files: string[] }> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => /\/assets\/.+\.(js|css)$/.test(name)),
  );
  const sizes = { js: 0, css: 0, charts: 0, files: [] as string[] };
  for (const url of new Set(urls)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    const gzipped = gzipSync(body, { level: 6 }).length;
    sizes[url.endsWith(".js") ? (isChartLibrary(body) ? "charts" : "js") : "css"] += gzipped;
    sizes.files.push(`${new URL(url).pathname} ${(gzipped / 1000).toFixed(1)} kB`);
  }
  return sizes;
}

test("every public page loads less than 60 kB of JavaScript and 30 kB of CSS, gzipped", { timeout: 60_000 }, async () => {
  const api = bookingApi(harness);
  const apec = await api.structure(CEP.slug, LILLE.code, "APEC Lille");
  const [slot] = await api.slots({ service: CEP.slug, structure: apec.id, mode: "phone", first: "true" });
  if (!slot) throw new Error("no phone slot at APEC Lille");
  const booking = await api.book(slot.key, { firstName: "Budget", lastName: "Test", email: "budget@exemple.fr" });
  const token = String(booking.body.manageUrl).split("/").pop();

  const pages: [string, string, ((page: Page) => Promise<void>)?][] = [
    ["home", "/"],
    ["booking, step 2", `/rendez-vous?service=${CEP.slug}&commune=${LILLE.code}&structure=${apec.id}&mode=phone`],
    ["confirmation", "/rendez-vous/confirmation"],
    ["orientation questionnaire", "/trouver-le-bon-interlocuteur"],
    ["where to go", `/ou-s-adresser?commune=${LILLE.code}`],
    ["questions and answers", "/questions-reponses"],
    ["invitation", "/invitation"],
    [
      "statistics, charts drawn",
      "/statistiques",
      async (page) => {
        await page.locator(".chart__drawing svg").first().waitFor();
      },
    ],
    ["private link", `/rdv/${token}`],
    ["find my meeting again", "/retrouver-mon-rendez-vous"],
    [
      "private link, cancel dialog open",
      `/rdv/${token}`,
      async (page) => {
        await page.getByRole("button", { name: "Annuler le rendez-vous" }).click();
        await page.getByRole("dialog").waitFor();
      },
    ],
    [
      "private link, contact dialog open",
      `/rdv/${token}`,
      async (page) => {
        await page.getByRole("button", { name: "Modifier mes coordonnées" }).click();
        await page.getByRole("dialog").waitFor();
      },
    ],
    ["private link, moving", `/rdv/${token}?vue=deplacer`],
  ];
  const report: string[] = [];
  for (const [name, path, act] of pages) {
    const { page, close } = await harness.openPage();
    await page.goto(path);
    await settled(page);
    await act?.(page);
    const sizes = await loaded(page);
    report.push(
      `${name}: JS ${(sizes.js / 1000).toFixed(1)} kB${sizes.charts ? ` + charts ${(sizes.charts / 1000).toFixed(1)} kB` : ""}, CSS ${(sizes.css / 1000).toFixed(1)} kB (${sizes.files.join(", ")})`,
    );
    expect(sizes.js, `${name}: JavaScript`).toBeLessThan(BUDGET.js);
    expect(sizes.css, `${name}: CSS`).toBeLessThan(BUDGET.css);
    expect(sizes.js, `${name}: some JavaScript was counted`).toBeGreaterThan(10_000);
    expect(sizes.charts, `${name}: the charting library`).toBeLessThan(CHART_LIBRARY_BUDGET);
    await close();
  }
  console.log(`Gzipped assets per page:\n  ${report.join("\n  ")}`);
});
