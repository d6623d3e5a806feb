import { afterAll, beforeAll, expect, test } from "vitest";
import { formatViolations, type Harness, runAxe, settled, startHarness } from "./harness.ts";

// The checks of the other browser tests prove something only if they can fail: these tests
// break the page on purpose and expect the harness to notice.

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

test("an inline script is refused by the app's CSP, and the refusal is reported", async () => {
  const { page, problems, close } = await harness.openPage();
  await page.goto("/");
  await settled(page);

  await page.addScriptTag({ content: "window.inlineScriptRan = true;" }).catch(() => {});
  expect(await page.evaluate(() => "inlineScriptRan" in window)).toBe(false);
  expect(problems.join("\n")).toMatch(/Content Security Policy/);
  await close();
});

test("axe reports an image without text alternative, readably", async () => {
  const { page, close } = await harness.openPage();
  await page.goto("/");
  await settled(page);

  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "/favicon.svg";
    document.querySelector("main")?.append(image);
  });
  const violations = await runAxe(page);
  expect(violations.map((violation) => violation.id)).toContain("image-alt");
  expect(formatViolations(violations)).toMatch(
    /image-alt \(critical\): Images must have alternative text.*\n {2}at img\n {4}<img src="\/favicon.svg">/,
  );
  await close();
});
