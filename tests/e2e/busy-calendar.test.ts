import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { NOW, normalise } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// An advisor connects the calendar they keep in Outlook: its published address served by a
// local server, read at once; the agenda then shows its busy time, never its title.

const staff = useStaffHarness({ CALENDAR_ALLOW_PRIVATE: "true", CALENDAR_TIMEOUT_SECONDS: "2" });

// Tuesday 24 March 2026, 14:00–15:30 in Paris (the server's clock says Monday 23, 9 h), and all
// of Wednesday 25.
const CALENDAR = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:Microsoft Exchange Server 2010",
  "BEGIN:VEVENT",
  "UID:e2e-1",
  "DTSTAMP:20260301T000000Z",
  "DTSTART;TZID=Europe/Paris:20260324T140000",
  "DTEND;TZID=Europe/Paris:20260324T153000",
  "SUMMARY:Conseil de classe confidentiel",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:e2e-2",
  "DTSTAMP:20260301T000000Z",
  "DTSTART;VALUE=DATE:20260325",
  "DTEND;VALUE=DATE:20260326",
  "SUMMARY:Formation",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

let server: Server;
let address: string;
beforeAll(async () => {
  server = createServer((_, response) => response.writeHead(200, { "Content-Type": "text/calendar" }).end(CALENDAR));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/owa/calendar/abc/calendar.ics`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test("an advisor pastes their calendar's address, sees it read, and finds its busy time in the agenda without its title", {
  timeout: 90_000,
}, async () => {
  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  await page.goto("/espace/compte");
  const section = page.getByRole("region", { name: "Mon agenda personnel (Outlook, Google, Nextcloud)" });
  await section.getByText("Aucun agenda personnel n'est relié.").waitFor();
  await section.getByText("Où trouver l'adresse ICS publiée de mon agenda ?").click();
  await section.getByText("Intégrer l'agenda", { exact: false }).waitFor();

  // Nothing typed: the field says so.
  await section.getByRole("button", { name: "Relier mon agenda" }).click();
  await section.getByText("Collez l'adresse ICS publiée de votre agenda.").first().waitFor();
  await expectAccessibleAtEveryWidth(page, "account page, calendar refused");

  await section.getByLabel("Adresse ICS publiée").fill(address);
  await section.getByRole("button", { name: "Relier mon agenda" }).click();
  await page.getByRole("status").filter({ hasText: "Agenda relié et lu." }).waitFor();
  const state = normalise(await section.locator(".busy-calendar__state").textContent());
  expect(state).toContain("Agenda relié127.0.0.1");
  expect(state).toContain("Dernière lecture réussieil y a moins d'une minute");
  expect(state).toContain("2 moments occupés");
  // The address itself is a secret: it is not shown back.
  expect(await page.content()).not.toContain("/owa/calendar/abc");
  await section.getByRole("button", { name: "Actualiser maintenant" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "account page, calendar connected");

  await page.goto("/espace/agenda?vue=jour&date=2026-03-24");
  const grid = page.getByRole("region", { name: "Grille horaire" });
  const busy = grid.locator(".agenda-block").filter({ hasText: "Agenda personnel" });
  await busy.waitFor();
  expect(normalise(await busy.textContent())).toMatch(/^Occupé·e 14 h 00 à 15 h 30 ?Agenda personnel$/);
  expect(await page.content()).not.toContain("Conseil de classe");
  await expectAccessibleAtEveryWidth(page, "agenda with a busy time from the advisor's calendar");
  // A whole day busy is drawn over the office hours, not a grid from midnight to midnight.
  await page.goto("/espace/agenda?vue=jour&date=2026-03-25");
  await grid.locator(".agenda-block").filter({ hasText: "Agenda personnel" }).waitFor();
  expect(normalise(await grid.locator(".agenda-grid__hour").first().textContent())).toBe("8 h 00");

  // Failing for two days: the advisor's home says so, and leads to where it is mended.
  await staff.harness.db.prisma.busyCalendar.updateMany({
    data: {
      failingSince: new Date(Date.parse(NOW) - 2 * 86_400_000),
      lastError: "L'adresse répond 404 : vérifiez qu'elle est toujours publiée.",
    },
  });
  await page.goto("/espace");
  const warning = page
    .getByRole("alert")
    .filter({ hasText: "Votre agenda personnel ne peut plus être lu depuis plus d'un jour" });
  await warning.waitFor();
  await expectAccessibleAtEveryWidth(page, "staff home with the calendar failing");
  await warning.getByRole("link", { name: "Voir ce qui ne va pas dans Mon compte" }).click();
  await section.getByText("L'adresse répond 404").waitFor();
  await section.getByRole("alert").filter({ hasText: "Votre agenda ne peut plus être lu depuis plus d'un jour" }).waitFor();

  // Back in the account: read again at once is refused within the minute (the server's clock
  // stands still); disconnecting asks first, then frees the slots.
  await section.getByRole("button", { name: "Actualiser maintenant" }).click();
  await section.getByRole("alert").filter({ hasText: "Votre agenda vient d'être lu" }).waitFor();
  await section.getByRole("button", { name: "Déconnecter" }).click();
  const dialog = page.getByRole("dialog", { name: "Déconnecter votre agenda personnel ?" });
  await dialog.getByRole("button", { name: "Déconnecter" }).click();
  await page.getByRole("status").filter({ hasText: "Agenda déconnecté" }).waitFor();
  await section.getByText("Aucun agenda personnel n'est relié.").waitFor();
  expect(await staff.harness.db.prisma.busyCalendarEvent.count()).toBe(0);

  // The sign-in page asks who is signed in before anyone is: its 401 is expected, as the 429 of
  // the refresh refused above.
  expect(problems.filter((problem) => !/\b(401|429)\b/.test(problem))).toEqual([]);
  await close();
});
