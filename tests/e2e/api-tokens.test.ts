import { expect, test } from "vitest";
import { normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, expectAxeClean, useStaffHarness } from "./staff-helpers.ts";

// A structure admin gives the structure's software a token: made in the directory, copied once,
// used from outside the browser on the agenda, then revoked — and refused from then on. The
// Région sees the list, not the form.

const staff = useStaffHarness();

test("a structure admin creates a token, copies it, a program uses it, the admin revokes it", { timeout: 60_000 }, async () => {
  const { page, context, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const lille = await staff.harness.db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${lille.id}?onglet=jetons`);
  await page.getByRole("heading", { level: 2, name: "Jetons d'API" }).waitFor();
  await page.getByText("Aucun jeton n'a été créé pour cette structure.").waitFor();
  // What the software needs besides the token: the structure's id and where the API is described.
  expect(normalise(await page.locator(".api-token__structure").textContent())).toBe(lille.id);
  await page.getByRole("link", { name: "/api/openapi.json" }).waitFor();

  // Sent without a permission: the summary says so, nothing is made.
  const form = page.getByRole("form", { name: "Créer un jeton" });
  await form.getByLabel("Nom du jeton").fill("Logiciel de suivi");
  await form.getByRole("button", { name: "Créer le jeton" }).click();
  await page.getByRole("link", { name: "Cochez au moins une permission." }).waitFor();
  expect(await staff.harness.db.prisma.apiToken.count()).toBe(0);

  await form.getByLabel("Lire les rendez-vous (agenda, accueil)").check();
  await form.getByRole("button", { name: "Créer le jeton" }).click();
  await page.getByText("Le jeton « Logiciel de suivi » est créé : copiez-le ci-dessous, il ne sera plus affiché.").waitFor();
  await page.getByText("Copiez ce jeton maintenant : il ne sera plus jamais affiché.").waitFor();
  await page.getByRole("heading", { level: 3, name: "Logiciel de suivi" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "a token just made");

  await page.getByRole("button", { name: "Copier le jeton" }).click();
  await page.getByText("Jeton copié.").waitFor();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^rdv_[A-Za-z0-9_-]{43}$/);
  expect(await page.getByRole("textbox", { name: "Jeton « Logiciel de suivi »" }).inputValue()).toBe(token);

  // A program, not the browser: the token alone opens the structure's agenda.
  const agenda = `${staff.harness.baseUrl}/api/agenda?structure=${lille.id}&from=2026-03-23&to=2026-03-27`;
  const asProgram = () => fetch(agenda, { headers: { Authorization: `Bearer ${token}` } });
  const used = await asProgram();
  expect(used.status).toBe(200);
  expect(await used.json()).toHaveProperty("appointments");
  expect((await fetch(agenda)).status).toBe(401);

  // Once dismissed, the token is never shown again; its row tells its last use.
  await page.getByRole("button", { name: "J'ai copié le jeton" }).click();
  await page.reload();
  await page.getByRole("heading", { level: 3, name: "Logiciel de suivi" }).waitFor();
  expect(await page.getByText(token).count()).toBe(0);
  await page.getByText(/^Commence par rdv_/).waitFor();
  await page.getByText("Dernière utilisation : 23 mars 2026 à 9 h 00").waitFor();

  await page.getByRole("button", { name: "Révoquer le jeton « Logiciel de suivi »" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await expectAxeClean(page, "revoking a token");
  await dialog.getByRole("button", { name: "Révoquer le jeton" }).click();
  await page.getByText("Le jeton « Logiciel de suivi » est révoqué : il ne fonctionne plus.").waitFor();
  await page.getByText("révoqué", { exact: true }).waitFor();

  const refused = await asProgram();
  expect(refused.status).toBe(401);
  expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
  expect((await refused.json()).error.message).toBe("Ce jeton d'API a été révoqué.");
  // The sign-in page asks who is signed in before anyone is: its 401 is expected.
  expect(problems.filter((problem) => !problem.includes("401"))).toEqual([]);
  await close();

  // The Région oversees the structure's tokens but makes none: the tab says so instead of the form.
  const region = await staff.signedIn("admin@demo.example", "Anne");
  await region.page.goto(`/espace/annuaire/structures/${lille.id}?onglet=jetons`);
  await region.page.getByRole("heading", { level: 3, name: "Logiciel de suivi" }).waitFor();
  await region.page.getByText(/^Seul un administrateur de la structure peut créer un jeton pour elle/).waitFor();
  expect(await region.page.getByRole("form", { name: "Créer un jeton" }).count()).toBe(0);
  await expectAxeClean(region.page, "the Région's view of a structure's tokens");
  expect(region.problems.filter((problem) => !problem.includes("401"))).toEqual([]);
  await region.close();
});
