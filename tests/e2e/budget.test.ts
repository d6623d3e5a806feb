import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bookingApi, CEP, LILLE } from "./booking-helpers.ts";
import { type Harness, settled, startHarness } from "./harness.ts";

// The public pages' budget (DESIGN.md: at most 55 kB of JavaScript and CSS over the wire for
// the booking page): what a page has loaded, as the browser received it from the server,
// compressed (brotli or gzip, whichever it asked for); each file counted once, at its size on
// the wire. The booking journey (home, booking, confirmation, private link, the pages of an
// invitation's code and « Retrouver mon rendez-vous ») keeps to 55 kB; the guide's pages bring
// the guide's chunk (routes.tsx), one for all of them, 8 kB: 60 kB.

const BUDGET = 55_000;
const GUIDE_BUDGET = 60_000;
const GUIDE_PAGES = new Set(["orientation questionnaire", "where to go", "questions and answers"]);
const budgetOf = (page: string) => (GUIDE_PAGES.has(page) ? GUIDE_BUDGET : BUDGET);

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
const isChartLibrary = (body: string) => body.includes("ct-chart-bar");
const CHART_LIBRARY_BUDGET = 15_000;

interface Loaded {
  path: string;
  /** The body's bytes as received (compressed), and once decoded. */
  wire: number;
  plain: number;
  chart: boolean;
}

/** The scripts and style sheets the page has loaded so far, with their sizes over the wire. */
async function loaded(page: Page): Promise<Loaded[]> {
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((entry) => /\/assets\/.+\.(js|css)$/.test(entry.name))
      .map((entry) => ({ path: new URL(entry.name).pathname, wire: entry.encodedBodySize, plain: entry.decodedBodySize })),
  );
  const files = [...new Map(entries.map((entry) => [entry.path, entry])).values()];
  return Promise.all(
    files.map(async (file) => ({
      ...file,
      chart: isChartLibrary(await (await fetch(`${harness.baseUrl}${file.path}`)).text()),
    })),
  );
}

/** The bytes of `files` whose name ends with `ext`, over the wire or once decoded. */
const sum = (files: Loaded[], key: "wire" | "plain", ext = "") =>
  files.filter((file) => file.path.endsWith(ext)).reduce((total, file) => total + file[key], 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

test("the booking journey loads at most 55 kB of JavaScript and CSS over the wire, compressed; the guide 60 kB", {
  timeout: 60_000,
}, async () => {
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
  const measured: { name: string; files: Loaded[]; encodings: Map<string, string> }[] = [];
  for (const [name, path, act] of pages) {
    const { page, close } = await harness.openPage();
    // What the server said of each asset's encoding: a file sent uncompressed fails the test
    // even while it fits in the budget.
    const encodings = new Map<string, string>();
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith("/assets/")) encodings.set(url.pathname, response.headers()["content-encoding"] ?? "none");
    });
    await page.goto(path);
    await settled(page);
    await act?.(page);
    const files = await loaded(page);
    measured.push({ name, files, encodings });
    const counted = files.filter((file) => !file.chart);
    const charts = files.filter((file) => file.chart);
    report.push(
      `${name}: JS + CSS ${kB(sum(counted, "wire"))} over the wire (${kB(sum(counted, "plain"))} plain; JS ${kB(sum(counted, "wire", ".js"))}, CSS ${kB(sum(counted, "wire", ".css"))})${charts.length ? ` + charts ${kB(sum(charts, "wire"))}` : ""}: ${files.map((file) => `${file.path} ${kB(file.wire)} ${encodings.get(file.path)}`).join(", ")}`,
    );
    await close();
  }
  console.log(`JavaScript and CSS per page, over the wire:\n  ${report.join("\n  ")}`);
  for (const { name, files, encodings } of measured) {
    const counted = files.filter((file) => !file.chart);
    for (const file of files) expect(encodings.get(file.path), `${name}: ${file.path} sent compressed`).toMatch(/^(br|gzip)$/);
    expect(sum(counted, "wire"), `${name}: JavaScript and CSS over the wire`).toBeLessThanOrEqual(budgetOf(name));
    expect(sum(counted, "wire", ".js"), `${name}: some JavaScript was counted`).toBeGreaterThan(10_000);
    expect(
      sum(
        files.filter((file) => file.chart),
        "wire",
      ),
      `${name}: the charting library`,
    ).toBeLessThan(CHART_LIBRARY_BUDGET);
  }
});
