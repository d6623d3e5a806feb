import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import type { Database } from "../../server/db/database.ts";
import { PAGES } from "../../web/src/page-paths.ts";
import { testDeps } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

// The web app's addresses as the server answers them: the app's shell for each, with 200 for a
// page of the app and 404 for any other (the app then says « Page introuvable »).

const SHELL =
  '<!doctype html><html lang="fr"><head><title>RDV Orientation</title></head><body><div id="app"></div></body></html>';

let db: Database;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await createTestDatabase();
  const webDir = mkdtempSync(join(tmpdir(), "rdv-web-"));
  writeFileSync(join(webDir, "index.html"), SHELL);
  app = createApp(testDeps(db), { webDir });
});
afterAll(() => db.close());

async function expectShell(path: string, status: number) {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get("Content-Type"), path).toMatch(/^text\/html/);
  expect(await res.text(), path).toBe(SHELL);
}

describe("the web app's addresses", () => {
  it.each([
    "/",
    "/rendez-vous",
    "/rendez-vous?service=information-conseil-vae&commune=59350",
    "/rendez-vous/confirmation",
    "/rdv/AbCdEf0123456789xyzXYZ",
    // A link pasted with the sentence's full stop is still the person's page, which reads past it.
    "/rdv/AbCdEf0123456789xyzXYZ.",
    "/trouver-le-bon-interlocuteur",
    "/ou-s-adresser",
    "/structures/pic-vae-nord",
    "/questions-reponses",
    "/retrouver-mon-rendez-vous",
    "/statistiques",
    "/accessibilite",
    "/donnees-personnelles",
    "/mentions-legales",
    "/connexion",
    "/connexion/mot-de-passe-oublie",
    "/espace",
    "/espace/agenda",
    "/espace/rendez-vous/5b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10",
    "/espace/orientations/nouvelle",
    "/espace/annuaire/structures/5b0f7c7e-1f0b-4a57-9c43-0d9c2f1f7a10",
    "/espace/annuaire/donnees-personnelles",
    // A trailing slash is the same page to the client router.
    "/mentions-legales/",
  ])("%s is a page: 200", async (path) => {
    await expectShell(path, 200);
  });

  it("answers 200 for every page the web app declares", async () => {
    for (const pattern of Object.values(PAGES)) await expectShell(pattern.replace(/:\w+/g, "exemple"), 200);
  });

  it.each([
    "/nimporte-quoi",
    "/cette/page/nexiste-pas",
    "/rdv",
    "/rdv/AbCdEf0123456789xyzXYZ/autre",
    "/espace/inconnu",
    "/espace/annuaire/structures",
    "/rendez-vous/confirmation/encore",
  ])("%s is no page: 404 with the app's shell, which says « Page introuvable »", async (path) => {
    await expectShell(path, 404);
  });

  it("keeps the API's own 404, in JSON", async () => {
    const res = await app.request("/api/nimporte-quoi");
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  });
});
