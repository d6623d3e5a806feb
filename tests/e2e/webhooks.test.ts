import { afterAll, beforeAll, expect, test } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { createLogger } from "../../server/logger.ts";
import { startWebhookWorker } from "../../server/webhooks/worker.ts";
import { testConfig } from "../helpers/app.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";
import { NOW, normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, lilleMeeting, useStaffHarness } from "./staff-helpers.ts";

// Webhooks as a structure admin sets them up: her system's URL (here a receiver on 127.0.0.1,
// which the platform allows only because the test says so), the secret copied once, a meeting
// cancelled, the delivery in the log with the receiver's 200, and « Renvoyer ».

const ALLOW_LOCAL = { WEBHOOK_ALLOW_PRIVATE: "true" };
const staff = useStaffHarness(ALLOW_LOCAL);
let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
beforeAll(async () => {
  receiver = await webhookReceiver();
});
afterAll(() => receiver.down());

test("a structure admin subscribes her system, sees a cancellation delivered with 200, and sends it again", {
  timeout: 90_000,
}, async () => {
  const { db } = staff.harness;
  const worker = startWebhookWorker(
    { db, clock: fixedClock(NOW), config: testConfig(ALLOW_LOCAL), log: createLogger("silent") },
    { poll: false },
  );
  const { page, problems, close } = await staff.signedIn("admin-structure@demo.example", "Chloé");
  const lille = await db.prisma.structure.findUniqueOrThrow({ where: { slug: "mission-locale-lille" } });
  await page.goto(`/espace/annuaire/structures/${lille.id}`);
  await page.getByRole("heading", { level: 1, name: "Mission Locale de Lille" }).waitFor();
  await page.getByRole("tab", { name: "Webhooks" }).click();
  const form = page.getByRole("form", { name: "Ajouter un webhook" });
  await form.waitFor();

  // Sent with half an address and no event: the summary says both at once, nothing is created.
  await form.getByLabel("Adresse web").fill("si.exemple.fr");
  await form.getByRole("button", { name: "Ajouter le webhook" }).click();
  await page.getByRole("link", { name: "Choisissez au moins un événement." }).waitFor();
  await page.getByRole("link", { name: "Adresse web complète attendue, par exemple https://si.exemple.fr/webhooks." }).waitFor();
  await expectAccessibleAtEveryWidth(page, "webhooks, form with an error");
  await form.getByLabel("Adresse web").fill(receiver.url);
  await form.getByRole("checkbox", { name: "Rendez-vous annulé" }).check();
  await form.getByRole("checkbox", { name: "Rendez-vous pris" }).check();
  await form.getByRole("button", { name: "Ajouter le webhook" }).click();
  await page.getByText(`Le webhook ${receiver.url} est ajouté.`).waitFor();
  const secret = normalise(await page.locator(".webhook-secret__value").textContent());
  expect(secret).toMatch(/^whsec_/);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copier le secret" }).click();
  await page.getByText("Secret copié.").waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  const row = page.locator(".webhook-rows .directory-row");
  expect(normalise(await row.locator("dl").textContent())).toBe("ÉvénementsRendez-vous pris, Rendez-vous annuléÉtatactif");

  // A meeting of hers cancelled: her system gets it, signed with the secret she was shown.
  const { appointment } = await lilleMeeting(
    db.prisma,
    { firstName: "Léa", lastName: "Webhook", phone: "+33612345678" },
    { startsAt: new Date("2026-03-26T08:00:00Z"), endsAt: new Date("2026-03-26T08:45:00Z") },
  );
  const cancelled = await page.request.post(`/api/agenda/appointments/${appointment.id}/cancel`, {
    data: { reason: "Conseiller absent" },
  });
  expect(cancelled.status()).toBe(200);
  await worker.drain();
  expect(receiver.verified(secret).map((e) => [e.type, (e.data as { id: string }).id])).toEqual([
    ["appointment.cancelled", appointment.id],
  ]);

  await row.getByRole("button", { name: `Journal des livraisons de ${receiver.url}` }).click();
  const log = page.getByRole("table", { name: /Journal des livraisons/ });
  await log.waitFor();
  expect(normalise(await log.locator("tbody tr").first().textContent())).toContain("Rendez-vous annulé");
  expect(normalise(await log.getByRole("cell", { name: "200" }).textContent())).toBe("200");
  await expectAccessibleAtEveryWidth(page, "webhooks, delivery log");
  // On a phone the caption spans the page, rather than a letter a line down 2 000 px.
  await page.setViewportSize({ width: 320, height: 640 });
  expect((await log.locator("caption").boundingBox())?.width).toBeGreaterThan(250);
  await page.setViewportSize({ width: 1280, height: 800 });

  await log.getByRole("button", { name: /^Renvoyer l'événement « Rendez-vous annulé »/ }).click();
  await page.getByText("Renvoi demandé : part dans un instant.").waitFor();
  await worker.drain();
  expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([
    receiver.received[0]?.headers["webhook-id"],
    receiver.received[0]?.headers["webhook-id"],
  ]);
  expect(receiver.verified(secret)).toHaveLength(2);
  await page.reload();
  await page.getByRole("button", { name: `Journal des livraisons de ${receiver.url}` }).click();
  await page.getByRole("cell", { name: "200, 200" }).waitFor();

  // Switched off: said, and the row says since when and by whom.
  await page.getByRole("button", { name: `Désactiver ${receiver.url}` }).click();
  await page.getByText(`Le webhook ${receiver.url} est désactivé.`).waitFor();
  expect(normalise(await row.locator("dl").textContent())).toMatch(/Étatdésactivé le .* : désactivé par Chloé /);
  await page.getByRole("button", { name: `Réactiver ${receiver.url}` }).waitFor();

  // The sign-in page asks for a session before there is one (401).
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
  await worker.stop();
});
