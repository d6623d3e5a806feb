import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  formatViolations,
  type Harness,
  horizontalOverflow,
  normalise,
  runAxe,
  SERVICES,
  settled,
  startHarness,
  tabTo,
} from "./harness.ts";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

const VAE = SERVICES[0];

describe("the home page", () => {
  test("lists the services of the database, in their order, each with its own booking link", async () => {
    const { page, problems, close } = await harness.openPage();
    await page.goto("/");
    await settled(page);

    expect(await page.title()).toBe("Prenez rendez-vous avec un conseiller en orientation — RDV Orientation");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Prenez rendez-vous avec un conseiller en orientation",
    );
    const services = page.getByRole("region", { name: "Choisissez un service" });
    expect(await services.getByRole("heading", { level: 3 }).allTextContents()).toEqual(SERVICES.map((s) => s.name));
    expect(await services.getByText(VAE.description).isVisible()).toBe(true);
    for (const service of SERVICES) {
      const link = services.getByRole("link", { name: `Prendre rendez-vous : ${service.name}`, exact: true });
      expect(await link.getAttribute("href")).toBe(`/rendez-vous?service=${service.slug}`);
    }
    // The general call to action, outside the list.
    const main = page.getByRole("main");
    expect(await main.getByRole("link", { name: "Prendre rendez-vous", exact: true }).getAttribute("href")).toBe("/rendez-vous");
    expect(problems).toEqual([]);
    await close();
  });

  test("has the site's header, navigation and footer", async () => {
    const { page, problems, close } = await harness.openPage();
    await page.goto("/");
    await settled(page);

    const banner = page.getByRole("banner");
    expect(await banner.getByRole("link", { name: "RDV Orientation" }).getAttribute("href")).toBe("/");
    expect(await banner.getByText("Service public régional de l'orientation — Hauts-de-France").isVisible()).toBe(true);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    expect(await nav.getByRole("link", { name: "Accueil" }).getAttribute("aria-current")).toBe("page");
    expect(await nav.getByRole("link", { name: "Où s'adresser ?" }).getAttribute("href")).toBe("/ou-s-adresser");
    const footer = page.getByRole("contentinfo");
    for (const name of ["Accessibilité : non conforme", "Données personnelles", "Mentions légales"]) {
      expect(await footer.getByRole("link", { name, exact: true }).isVisible(), name).toBe(true);
    }
    expect(problems).toEqual([]);
    await close();
  });

  test("at 320 px, « Où s'adresser ? » is in the menu, reached and followed with the keyboard", async () => {
    const { page, problems, close } = await harness.openPage({ width: 320, height: 640 });
    await page.goto("/");
    await settled(page);

    const link = await tabTo(page, (focus) => focus.tag === "a" && focus.name === "Où s'adresser ?");
    expect(link.href).toBe("/ou-s-adresser");
    const box = await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Où s'adresser ?" })
      .boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/ou-s-adresser");
    await settled(page);
    const nav = page.getByRole("navigation", { name: "Menu principal" });
    expect(await nav.getByRole("link", { name: "Où s'adresser ?" }).getAttribute("aria-current")).toBe("page");
    expect(await horizontalOverflow(page)).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  test("the skip link is the first stop of the keyboard and moves the focus to the main content", async () => {
    const { page, problems, close } = await harness.openPage();
    await page.goto("/");
    await settled(page);

    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Aller au contenu" });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    // Visible once focused: inside the viewport, not only in the accessibility tree.
    const box = await skip.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0).toBe(true);

    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("contenu");
    // The next Tab continues from the main content, not from the header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Prendre rendez-vous");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  test("shows a French error with a retry when the services cannot be loaded, and recovers", async () => {
    const { page, problems, close } = await harness.openPage();
    let failures = 1;
    await page.route("**/api/services", async (route) => {
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
    await page.goto("/");

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("La liste des services n'a pas pu être chargée.");
    expect(await alert.textContent()).toContain("Le service est momentanément indisponible.");

    await alert.getByRole("button", { name: "Réessayer" }).click();
    await page.getByRole("heading", { name: VAE.name }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    // The only problem is the failed request itself, which Chromium reports in the console.
    expect(problems).toEqual([expect.stringMatching(/status of 503/)]);
    await close();
  });
});

describe("booking a service", () => {
  test("with the keyboard alone, a service's link leads to the booking page with that service chosen", async () => {
    const { page, problems, close } = await harness.openPage();
    await page.goto("/");
    await settled(page);

    // Tab through the page as a person would, until the focus reaches the service's link.
    const href = `/rendez-vous?service=${VAE.slug}`;
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.getAttribute("href"))) === href) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(href);
    expect(normalise(await page.evaluate(() => document.activeElement?.textContent ?? ""))).toBe(
      `Prendre rendez-vous : ${VAE.name}`,
    );

    await page.keyboard.press("Enter");
    await page.waitForURL(`**/rendez-vous?service=${VAE.slug}`);
    await settled(page);

    expect(await page.title()).toBe("Étape 1 sur 4 : votre besoin et votre commune — Prendre rendez-vous — RDV Orientation");
    const heading = page.getByRole("heading", { level: 1 });
    expect(await heading.textContent()).toBe("Prendre rendez-vous");
    // After a client-side navigation the new page's heading has the focus, so it is announced.
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    const main = page.getByRole("main");
    expect(normalise(await main.getByRole("heading", { level: 2 }).textContent())).toBe(
      "Étape 1 sur 4 : Votre besoin et votre commune",
    );
    // The service chosen on the home page is shown as chosen; the list opens on demand.
    expect(normalise(await main.textContent())).toContain(`Votre besoin${VAE.name}${VAE.description}`);
    expect(await main.getByRole("radio").count()).toBe(0);
    expect(await main.getByRole("combobox", { name: "Votre commune" }).inputValue()).toBe("");
    await main.getByRole("button", { name: "Choisir un autre besoin" }).click();
    const services = main.getByRole("group", { name: "Votre besoin" }).getByRole("radio");
    expect(
      await services.evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent)),
    ).toEqual(SERVICES.map((service) => service.name));
    expect(await main.getByRole("radio", { name: VAE.name }).isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await close();
  });

  test("opened directly, the booking page has the service chosen, or says it does not exist", async () => {
    const { page, problems, close } = await harness.openPage();
    await page.goto(`/rendez-vous?service=${SERVICES[1].slug}`);
    await settled(page);
    expect(normalise(await page.getByRole("main").textContent())).toContain(`Votre besoin${SERVICES[1].name}`);

    await page.goto("/rendez-vous?service=service-inconnu");
    await settled(page);
    const text = normalise(await page.getByRole("main").textContent());
    expect(text).toContain("Le service demandé n'existe pas ou n'est plus proposé.");
    expect(await page.getByRole("radio").count()).toBe(SERVICES.length);
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);

    await page.goto("/rendez-vous");
    await settled(page);
    expect(normalise(await page.getByRole("main").textContent())).not.toContain("n'existe pas");
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});

test("an unknown address shows « Page introuvable », answered with a 404", async () => {
  const { page, problems, close } = await harness.openPage();
  expect((await page.goto("/cette/page/nexiste-pas"))?.status()).toBe(404);
  await settled(page);
  expect(await page.title()).toBe("Page introuvable — RDV Orientation");
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page introuvable");
  expect(await page.getByRole("main").getByRole("link", { name: "Retour à l'accueil" }).getAttribute("href")).toBe("/");
  // The only problem is the 404 itself, which Chromium reports in the console.
  expect(problems).toEqual([expect.stringMatching(/status of 404/)]);
  await close();
});

test("/statistiques names each landmark once (axe landmark-unique) and says « fichier CSV » once per link", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto("/statistiques");
  await settled(page);

  const violations = await runAxe(page, ["landmark-unique"]);
  expect(violations.length, formatViolations(violations)).toBe(0);
  const links = page.getByRole("link", { name: /^Télécharger .* \(fichier CSV\)$/ });
  expect(await links.count()).toBeGreaterThan(0);
  for (const text of await links.allTextContents()) expect(normalise(text)).toMatch(/^Télécharger [^()]+ \(fichier CSV\)$/);
  expect(problems).toEqual([]);
  await close();
});

const UNKNOWN = "/cette/page/nexiste-pas";
const PAGES = [
  "/",
  "/rendez-vous",
  `/rendez-vous?service=${VAE.slug}`,
  "/rendez-vous?service=service-inconnu",
  "/accessibilite",
  "/donnees-personnelles",
  "/mentions-legales",
  // The accessibility statement lists it among the pages checked (web/src/pages/legal/accessibility-page.tsx).
  "/statistiques",
  UNKNOWN,
];

describe.each([
  { width: 1280, height: 800 },
  { width: 320, height: 640 },
])("every public page at $width px", (viewport) => {
  test.each(PAGES)("%s: no axe violation (WCAG 2.1 A/AA), no horizontal scroll, no console error", async (path) => {
    const { page, problems, close } = await harness.openPage(viewport);
    await page.goto(path);
    await settled(page);

    const violations = await runAxe(page);
    expect(violations.length, `axe found violations on ${path}:\n\n${formatViolations(violations)}\n`).toBe(0);
    expect(await horizontalOverflow(page), "the page scrolls horizontally").toBe(0);
    expect(problems).toEqual(path === UNKNOWN ? [expect.stringMatching(/status of 404/)] : []);
    await close();
  });
});
