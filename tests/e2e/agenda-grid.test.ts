import { expect, test } from "vitest";
import { NOW, normalise, tabTo } from "./harness.ts";
import { expectAccessibleAtEveryWidth, useStaffHarness } from "./staff-helpers.ts";

// The agenda as a calendar: the advisor's day on their home page, the week as a time grid,
// filtered by place, and a team's day with one column per advisor.

const staff = useStaffHarness();

/** The day of the server's clock (Monday 23 March 2026, 9 h in Paris): the browser's own is today's real date. */
const TODAY = NOW.slice(0, 10);

let booked: ReturnType<typeof bookToday> | undefined;
/** Two meetings of the demo advisor today at the Mission Locale: 10 h on site at its first site, 14 h by phone (once per file). */
const meetingsToday = () => {
  booked ??= bookToday();
  return booked;
};

async function bookToday() {
  const p = staff.harness.db.prisma;
  const structure = await p.structure.findUniqueOrThrow({
    where: { slug: "mission-locale-lille" },
    include: { sites: { where: { active: true }, orderBy: { name: "asc" } }, offerings: { take: 1, orderBy: { id: "asc" } } },
  });
  const advisor = await p.staffUser.findUniqueOrThrow({ where: { email: "conseiller@demo.example" } });
  const [offering] = structure.offerings;
  const [site] = structure.sites;
  if (!offering || !site) throw new Error("no offering or site at Mission Locale de Lille");
  const book = async (firstName: string, lastName: string, utc: string, mode: "onsite" | "phone") => {
    const person = await p.person.create({ data: { firstName, lastName, phone: "+33612345678" } });
    return p.appointment.create({
      data: {
        offeringId: offering.id,
        structureId: structure.id,
        siteId: mode === "onsite" ? site.id : null,
        mode,
        advisorId: advisor.id,
        personId: person.id,
        startsAt: new Date(`${TODAY}T${utc}Z`),
        endsAt: new Date(Date.parse(`${TODAY}T${utc}Z`) + 45 * 60_000),
        channel: "reception",
      },
    });
  };
  const onsite = await book("Inès", "Grille", "09:00:00", "onsite");
  const phone = await book("Paul", "Téléphone", "13:00:00", "phone");
  return { structure, site, advisor, onsite, phone };
}

test("an advisor's home says today's meetings; the week is a grid, filtered by place, reached by the keyboard", {
  timeout: 90_000,
}, async () => {
  const { site, advisor } = await meetingsToday();
  const p = staff.harness.db.prisma;
  // What the demo already holds for the advisor today counts too.
  const today = await p.appointment.findMany({
    where: {
      advisorId: advisor.id,
      status: { not: "cancelled" },
      startsAt: { gte: new Date(`${TODAY}T00:00:00+01:00`), lt: new Date(`${TODAY}T24:00:00+01:00`) },
    },
    orderBy: { startsAt: "asc" },
  });
  const next = today.find((meeting) => meeting.startsAt.getTime() > Date.parse(NOW));
  expect(next?.startsAt.toISOString()).toBe(`${TODAY}T09:00:00.000Z`);

  const { page, problems, close } = await staff.signedIn("conseiller@demo.example", "David");
  const day = page.getByRole("region", { name: "Votre journée" });
  await day.getByText(/^Aujourd'hui : /).waitFor();
  expect(normalise(await day.getByText(/^Aujourd'hui : /).textContent())).toBe(
    `Aujourd'hui : ${today.length} rendez-vous, prochain à 10 h 00.`,
  );
  const phone = day.getByRole("link", { name: "06 12 34 56 78" }).first();
  expect(await phone.getAttribute("href")).toBe("tel:0612345678");
  await day.getByRole("link", { name: "Inès Grille" }).waitFor();
  await expectAccessibleAtEveryWidth(page, "staff home with today's meetings");

  await day.getByRole("link", { name: "Voir la semaine dans l'agenda" }).click();
  const grid = page.getByRole("region", { name: "Grille horaire" });
  await grid.waitFor();
  expect(await page.getByRole("button", { name: "Grille" }).getAttribute("aria-pressed")).toBe("true");
  const columns = await grid.getByRole("heading", { level: 3 }).allTextContents();
  expect(columns.map(normalise)).toEqual([
    "Lundi 23 mars — aujourd'hui",
    "Mardi 24 mars",
    "Mercredi 25 mars",
    "Jeudi 26 mars",
    "Vendredi 27 mars",
    "Samedi 28 mars",
    "Dimanche 29 mars",
  ]);
  // Placed by the hour: 14 h below 10 h, in the same column.
  const onsite = grid.getByRole("link", { name: "Inès Grille" });
  const byPhone = grid.getByRole("link", { name: "Paul Téléphone" });
  const [top10, top14] = [await onsite.boundingBox(), await byPhone.boundingBox()];
  expect((top14?.y ?? 0) - (top10?.y ?? 0)).toBeGreaterThan(100);
  expect(Math.abs((top14?.x ?? 0) - (top10?.x ?? 0))).toBeLessThan(80);
  await expectAccessibleAtEveryWidth(page, "week grid");

  // On site at the first site only: the phone meeting goes, and the address says so.
  await page.getByLabel("Lieu ou mode").selectOption({ label: `Sur place — ${site.name}` });
  await byPhone.waitFor({ state: "detached" });
  await onsite.waitFor();
  expect(new URL(page.url()).searchParams.get("lieu")).toBe(site.id);
  await expectAccessibleAtEveryWidth(page, "week grid filtered by site");

  // From the filter on, the keyboard alone reaches the meeting and opens it.
  await page.getByLabel("Lieu ou mode").focus();
  await tabTo(page, (focus) => focus.tag === "a" && focus.name === "Inès Grille", { max: 80 });
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "Rendez-vous d'Inès Grille" }).waitFor();

  // On a phone, with no choice made yet, the agenda opens as the list.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/espace/agenda?date=${TODAY}`);
  await page.locator(".agenda-day").first().waitFor();
  expect(await page.getByRole("button", { name: "Liste" }).getAttribute("aria-pressed")).toBe("true");
  expect(await page.getByRole("region", { name: "Grille horaire" }).count()).toBe(0);
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("reception sees a team's day with one column per advisor, phones to call, and keeps the list once chosen", {
  timeout: 90_000,
}, async () => {
  const { structure, advisor, phone } = await meetingsToday();
  const p = staff.harness.db.prisma;
  const team = await p.staffUser.findMany({
    where: { memberships: { some: { structureId: structure.id, role: "advisor" } } },
    select: { id: true, firstName: true, lastName: true },
  });
  // Another advisor is away this afternoon: declared here, the reason shows; declared elsewhere, only the time.
  const away = team.find((person) => person.id !== advisor.id);
  const elsewhere = await p.structure.findFirstOrThrow({ where: { id: { not: structure.id } } });
  if (!away) throw new Error("a team of one");
  await p.absence.createMany({
    data: [
      {
        advisorId: away.id,
        structureId: structure.id,
        startsAt: new Date(`${TODAY}T13:00:00Z`),
        endsAt: new Date(`${TODAY}T14:00:00Z`),
        reason: "Formation interne",
      },
      {
        advisorId: away.id,
        structureId: elsewhere.id,
        startsAt: new Date(`${TODAY}T15:00:00Z`),
        endsAt: new Date(`${TODAY}T16:00:00Z`),
        reason: "Permanence au secret",
      },
    ],
  });
  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  // Reception's home: the team's day.
  await page
    .getByRole("region", { name: `Aujourd'hui — ${structure.name}` })
    .getByText(/^Aujourd'hui : /)
    .waitFor();

  await page.goto(`/espace/agenda?vue=jour&date=${TODAY}&structure=${structure.id}`);
  const grid = page.getByRole("region", { name: "Grille horaire" });
  await grid.waitFor();
  const columns = (await grid.getByRole("heading", { level: 3 }).allTextContents()).map(normalise);
  expect(columns.toSorted()).toEqual(team.map((person) => `${person.firstName} ${person.lastName}`).toSorted());
  // The advisor's column holds their meetings, with the number to call.
  const column = grid.getByRole("region", { name: `${advisor.firstName} ${advisor.lastName}` });
  const block = column.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Paul Téléphone" }) });
  expect(await block.getByRole("link", { name: "06 12 34 56 78" }).getAttribute("href")).toBe("tel:0612345678");
  expect(normalise(await block.textContent())).toContain("Par téléphone");
  expect(phone.mode).toBe("phone");
  const awayColumn = normalise(await grid.getByRole("region", { name: `${away.firstName} ${away.lastName}` }).textContent());
  // The facts are blocks of their own: read apart, written without a space between them.
  expect(awayColumn).toMatch(/Absence 14 h 00 à 15 h 00 ?Formation interne/);
  expect(awayColumn).toMatch(/Absence 16 h 00 à 17 h 00 ?Indisponible/);
  expect(awayColumn).not.toContain("Permanence au secret");
  await expectAccessibleAtEveryWidth(page, "team day grid");

  // The list, for a screen reader or a phone: remembered on the next visit.
  await page.getByRole("button", { name: "Liste" }).click();
  await page.locator(".agenda-day").first().waitFor();
  expect(await grid.count()).toBe(0);
  await page.reload();
  await page.locator(".agenda-day").first().waitFor();
  expect(await page.getByRole("button", { name: "Liste" }).getAttribute("aria-pressed")).toBe("true");
  expect(await page.getByRole("region", { name: "Grille horaire" }).count()).toBe(0);
  await expectAccessibleAtEveryWidth(page, "team day list");
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});

test("the desk's first slots are filtered by place: by phone only, or at one site only", { timeout: 90_000 }, async () => {
  const p = staff.harness.db.prisma;
  const structure = await p.structure.findUniqueOrThrow({
    where: { slug: "mission-locale-lille" },
    include: { offerings: { where: { active: true }, include: { service: true } }, sites: { where: { active: true } } },
  });
  const offering = structure.offerings.find((o) => o.modes.includes("phone") && o.modes.includes("onsite"));
  const [site] = structure.sites;
  if (!offering || !site) throw new Error("no offering held on site and by phone at Mission Locale de Lille");
  const { page, problems, close } = await staff.signedIn("accueil@demo.example", "Emma");
  await page.goto("/espace/accueil");
  const form = page.getByRole("form", { name: "Réserver pour la personne" });
  await form.getByLabel("Service").locator("option").nth(1).waitFor({ state: "attached" });
  await form.getByLabel("Service").selectOption({ label: offering.service.name });
  const slots = page.getByRole("group", { name: /Créneau/ });
  await slots.getByRole("radio").first().waitFor();
  const labels = () =>
    slots
      .getByRole("radio")
      .evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent ?? ""));

  await form.getByLabel("Lieu ou mode").selectOption({ label: "Par téléphone" });
  // The radios change once the filtered slots come: all by phone then.
  await expect
    .poll(labels, { timeout: 10_000 })
    .toSatisfy((shown: string[]) => shown.length > 0 && shown.every((label) => label.endsWith("Par téléphone")));
  const byPhone = await labels();
  expect(byPhone.length).toBeGreaterThan(0);
  expect(byPhone.every((label) => label.endsWith("Par téléphone"))).toBe(true);
  await expectAccessibleAtEveryWidth(page, "desk slots by phone");

  await form.getByLabel("Lieu ou mode").selectOption({ label: `Sur place — ${site.name}` });
  await slots
    .getByRole("radio", { name: new RegExp(`Sur place — ${site.name}$`) })
    .first()
    .waitFor();
  const here = await labels();
  expect(here.every((label) => label.endsWith(`Sur place — ${site.name}`))).toBe(true);
  expect(problems.filter((problem) => !/\b401\b/.test(problem))).toEqual([]);
  await close();
});
