import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Config } from "../../server/config.ts";
import type { Database } from "../../server/db/database.ts";
import { readDueCalendars } from "../../server/features/busy-calendar/calendar-reader.ts";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { createLogger } from "../../server/logger.ts";
import { testApp, testConfig } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { staffDirectory } from "../helpers/staff.ts";

// The PIC VAE's advisor (Mon–Fri 09:00–12:00 in Lille) publishes an Outlook calendar: a weekly
// meeting on Tuesdays 10:00–11:00 across the change to summer time (28 March 2027), one week
// deleted, one moved, one cancelled, and a doctor's appointment on Friday 5 March 08:30–09:30.
// A local HTTP server plays Outlook's; the clock is Friday 26 February 2027, 09:00 in Paris.

const outlook = readFileSync(new URL("../fixtures/busy-calendars/outlook.ics", import.meta.url), "utf8");
const clock = fixedClock("2027-02-26T08:00:00Z");
const config: Config = {
  ...testConfig(),
  busyCalendars: { allowPrivate: true, timeoutMs: 300, maxBytes: 64 * 1024, readTimeoutMs: 2_000 },
};

// Repetitions ical.js would look through for ever: every 30 February (told at once), and every
// minute of a 29 February that is a Monday (the next is in 2044: only the time limit tells it).
const repeated = (rule: string) =>
  `BEGIN:VEVENT\r\nUID:${rule}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270101T090000Z\r\nDURATION:PT1M\r\nRRULE:${rule}\r\nEND:VEVENT\r\n`;
const february30 = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${repeated("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")}END:VCALENDAR\r\n`;
const endlessOutlook = outlook.replace(
  /END:VCALENDAR/,
  `${repeated("FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO")}END:VCALENDAR`,
);
const TOO_COMPLEX =
  "Le calendrier est trop complexe à lire (une répétition sans fin ?) : vérifiez-le ou publiez-en un plus simple.";

/** What the calendar server serves, path by path, and what it was asked. */
const served = {
  body: outlook,
  etag: '"v1"',
  hits: [] as { path: string; ifNoneMatch: string | undefined }[],
  status: 200,
};
function calendarServer(request: IncomingMessage, response: ServerResponse) {
  const path = request.url ?? "/";
  served.hits.push({ path, ifNoneMatch: request.headers["if-none-match"] });
  if (path === "/owa/calendar/published/calendar.ics") {
    if (served.status !== 200) return response.writeHead(served.status).end();
    if (request.headers["if-none-match"] === served.etag) return response.writeHead(304).end();
    return response.writeHead(200, { "Content-Type": "text/calendar; charset=utf-8", ETag: served.etag }).end(served.body);
  }
  if (path === "/silent.ics") return; // never answers
  if (path === "/huge.ics") {
    // No Content-Length: the size shows only while reading.
    response.writeHead(200, { "Content-Type": "text/calendar" });
    const line = `${"X-FILLER:".padEnd(74, "x")}\r\n`;
    const write = () => response.write(line.repeat(1000), () => !response.destroyed && setImmediate(write));
    return write();
  }
  if (path === "/february-30.ics") return response.writeHead(200, { "Content-Type": "text/calendar" }).end(february30);
  if (path === "/agenda.html")
    return response.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><p>Agenda</p>");
  if (path === "/moved") return response.writeHead(302, { Location: "/owa/calendar/published/calendar.ics" }).end();
  response.writeHead(404).end();
}

let db: Database;
let server: Server;
let base: string;
let app: ReturnType<typeof testApp>;
let fx: Awaited<ReturnType<typeof staffDirectory>>;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await staffDirectory(db, clock.now());
  app = testApp(db, { clock, config });
  await signIn();
  server = createServer(calendarServer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

/** The PIC VAE's advisor, the one with ranges, signed in now (a day later, their session has expired). */
let advisor: string;
const signIn = async () => {
  advisor = `rdv-session=${await openSession(db, fx.advisor.id, clock.now())}`;
};
async function call(method: string, path: string, body?: unknown, cookie = advisor, on = app) {
  const res = await on.request(`/api${path}`, {
    method,
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}
const connect = (path: string) => call("PUT", "/busy-calendar", { url: `${base}${path}` });
const refresh = () => call("POST", "/busy-calendar/refresh", {});

/** The advisor's on-site slots' local starts on these days, as the public booking offers them. */
async function slotStarts(from: string, to: string) {
  const res = await app.request(
    `/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=${from}&to=${to}&mode=onsite`,
  );
  expect(res.status).toBe(200);
  return ((await res.json()).slots as { start: string; advisorId: string }[])
    .filter((s) => s.advisorId === fx.advisor.id)
    .map((s) => s.start.slice(5, 16));
}

describe("busy times from an advisor's own calendar", () => {
  it("blocks the advisor's slots at the calendar's busy times, across the change to summer time, and keeps no title", async () => {
    const connected = await connect("/owa/calendar/published/calendar.ics");
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({
      connected: true,
      host: "127.0.0.1",
      syncedAt: clock.now().toISOString(),
      lastError: null,
      flagged: false,
      busyCount: 2, // Tuesday 2 and Friday 5 March
    });
    expect(JSON.stringify(connected.body)).not.toContain("/owa/");

    // Tuesday 2 March: 10:00 taken by the meeting. Friday 5: 09:00 by the doctor (08:30–09:30).
    expect(await slotStarts("2027-03-02", "2027-03-02")).toEqual(["03-02T09:00", "03-02T11:00"]);
    expect(await slotStarts("2027-03-05", "2027-03-05")).toEqual(["03-05T10:00", "03-05T11:00"]);
    // The 9th deleted, the 16th moved to Wednesday afternoon, the 23rd cancelled: 10:00 is free.
    for (const day of ["2027-03-09", "2027-03-16", "2027-03-23"]) expect(await slotStarts(day, day)).toHaveLength(3);
    // After the change, the meeting is still at 10:00 in Paris (08:00 UTC).
    expect(await slotStarts("2027-03-30", "2027-03-30")).toEqual(["03-30T09:00", "03-30T11:00"]);
    expect(await slotStarts("2027-04-06", "2027-04-06")).toEqual(["04-06T09:00", "04-06T11:00"]);

    // The desk cannot book it either: the same check as every booking, as over an absence.
    const busyTen = encodeSlotKey({
      offeringId: fx.offering.id,
      advisorId: fx.advisor.id,
      siteId: fx.site.id,
      mode: "onsite",
      start: new Date("2027-03-02T09:00:00Z"),
    });
    const desk = await app.request("/api/desk/bookings", {
      method: "POST",
      headers: { Cookie: fx.cookies.reception, "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
      body: JSON.stringify({ slotKey: busyTen, person: { firstName: "Sami", lastName: "Diallo" } }),
    });
    expect(desk.status).toBe(409);
    const refused = await desk.json();
    expect(refused.error.code).toBe("SLOT_TAKEN");
    // What it proposes instead leaves out the busy hour.
    expect(refused.error.alternatives.map((a: { start: string }) => a.start)).not.toContain("2027-03-02T10:00:00+01:00");
    expect(refused.error.alternatives.length).toBeGreaterThan(0);

    // Times only: neither a title, a place nor a description, nor the address in clear.
    const stored = JSON.stringify([
      await db.prisma.busyCalendar.findMany(),
      await db.prisma.busyCalendarEvent.findMany(),
      await db.prisma.auditEvent.findMany({ where: { action: { startsWith: "busy_calendar." } } }),
    ]);
    for (const secret of ["Réunion", "confidentiel", "Jaurès", "médical", "équipe", "/owa/calendar"]) {
      expect(stored).not.toContain(secret);
    }
    expect(await db.prisma.busyCalendarEvent.count()).toBe(6);
    expect(await db.prisma.auditEvent.count({ where: { action: "busy_calendar.connect", actorId: fx.advisor.id } })).toBe(1);
  });

  it("shows the busy times in the advisor's agenda, without their title", async () => {
    const agenda = await call("GET", "/agenda?from=2027-03-01&to=2027-03-07");
    expect(agenda.status).toBe(200);
    expect(agenda.body.ownCalendarBusy).toEqual([
      { advisorId: fx.advisor.id, start: "2027-03-02T10:00:00+01:00", end: "2027-03-02T11:00:00+01:00" },
      { advisorId: fx.advisor.id, start: "2027-03-05T08:30:00+01:00", end: "2027-03-05T09:30:00+01:00" },
    ]);
  });

  it("reads it again every 15 minutes, once across readers, asking with its ETag: unchanged, the busy times stay", async () => {
    served.hits = [];
    clock.advance(10 * 60_000);
    expect(await readDueCalendars(deps())).toBe(0);
    clock.advance(5 * 60_000);
    // Two instances' readers at once: the calendar is claimed by one.
    const [a, b] = await Promise.all([readDueCalendars(deps()), readDueCalendars(deps())]);
    expect(a + b).toBe(1);
    expect(served.hits).toEqual([{ path: "/owa/calendar/published/calendar.ics", ifNoneMatch: '"v1"' }]);
    expect(await db.prisma.busyCalendarEvent.count()).toBe(6);
    expect((await call("GET", "/busy-calendar")).body.syncedAt).toBe(clock.now().toISOString());
  });

  it("reads it in full once a day, so that the busy times always reach a year ahead", async () => {
    served.hits = [];
    clock.set("2027-02-27T00:15:00Z");
    await signIn();
    expect(await readDueCalendars(deps())).toBe(1);
    expect(served.hits).toEqual([{ path: "/owa/calendar/published/calendar.ics", ifNoneMatch: undefined }]);
    expect(await db.prisma.busyCalendarEvent.count()).toBe(6);
  });

  it("is refreshed on demand, once a minute at most, and takes the calendar's changes", async () => {
    served.body = outlook
      .replace("DTSTART;TZID=Romance Standard Time:20270305T083000", "DTSTART;TZID=Romance Standard Time:20270305T103000")
      .replace("DTEND;TZID=Romance Standard Time:20270305T093000", "DTEND;TZID=Romance Standard Time:20270305T113000");
    served.etag = '"v2"';
    clock.advance(60_000);
    served.hits = [];
    // Two clicks at once: one read.
    const both = await Promise.all([refresh(), refresh()]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 429]);
    expect(served.hits).toHaveLength(1);
    expect(await slotStarts("2027-03-05", "2027-03-05")).toEqual(["03-05T09:00"]);
    clock.advance(30_000);
    const again = await refresh();
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(/dans une minute/);
  });

  it("keeps the last busy times when the calendar fails, says why, and flags it after a day of failures", async () => {
    served.status = 404;
    clock.advance(60_000);
    const failed = (await refresh()).body;
    expect(failed).toMatchObject({
      lastError: "L'adresse répond 404 : vérifiez qu'elle est toujours publiée.",
      failingSince: clock.now().toISOString(),
      flagged: false,
    });
    expect(await slotStarts("2027-03-05", "2027-03-05")).toEqual(["03-05T09:00"]);
    clock.advance(24 * 3_600_000);
    await signIn();
    await readDueCalendars(deps());
    expect((await call("GET", "/busy-calendar")).body).toMatchObject({ flagged: true, lastError: expect.stringMatching(/404/) });
    served.status = 200;
    clock.advance(15 * 60_000);
    await readDueCalendars(deps());
    expect((await call("GET", "/busy-calendar")).body).toMatchObject({ flagged: false, failingSince: null, lastError: null });
    clock.set("2027-02-26T08:00:00Z");
    await signIn();
  });

  it("tells a calendar that never answers, one too big, and a page that is not a calendar", async () => {
    const cases: [string, RegExp][] = [
      ["/silent.ics", /^Le calendrier n'a pas répondu en 0,3 secondes\.$/],
      ["/huge.ics", /^Le calendrier dépasse 64 Ko/],
      ["/agenda.html", /^Ce n'est pas un calendrier ICS/],
    ];
    for (const [path, problem] of cases) {
      const started = performance.now();
      const answer = await connect(path);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ connected: true, busyCount: 0, syncedAt: null });
      expect(answer.body.lastError).toMatch(problem);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });

  it("follows a redirect and reads webcal:// addresses as HTTP", async () => {
    served.etag = '"v3"';
    const moved = await connect("/moved");
    expect(moved.body).toMatchObject({ lastError: null, busyCount: 2 });
    const webcal = await call("PUT", "/busy-calendar", {
      url: `${base.replace("http:", "webcal:")}/owa/calendar/published/calendar.ics`,
    });
    // webcal:// is HTTPS: the local server speaks plain HTTP, so the secure connection fails, and says so.
    expect(webcal.body.lastError).toMatch(/pas pu être joint|connexion sécurisée/);
  });

  it("refuses an address that is not a calendar's, naming the field", async () => {
    for (const url of ["", "ftp://example.org/calendar.ics", "mon agenda", "https://user:secret@example.org/a.ics"]) {
      const answer = await call("PUT", "/busy-calendar", { url });
      expect(answer.status).toBe(422);
      expect(answer.body.error.fields).toHaveProperty("url");
      expect(answer.body.error.message).toContain("adresse web");
    }
  });

  it("refuses an address on a private or local network unless the platform allows it, without calling it", async () => {
    const strict = testApp(db, { clock, config: testConfig() });
    served.hits = [];
    for (const url of [`${base}/owa/calendar/published/calendar.ics`, "http://localhost/calendar.ics", "http://[::1]/a.ics"]) {
      const answer = await call("PUT", "/busy-calendar", { url }, advisor, strict);
      expect(answer.status).toBe(422);
      expect(answer.body.error.fields.url).toMatch(/réseau privé/);
    }
    expect(served.hits).toEqual([]);
  });

  it("is the advisor's own: reception has none to connect", async () => {
    expect((await call("GET", "/busy-calendar", undefined, fx.cookies.reception)).status).toBe(403);
    expect((await call("GET", "/busy-calendar", undefined, "")).status).toBe(401);
  });

  it("is not read while the advisor's account is deactivated", async () => {
    await connect("/owa/calendar/published/calendar.ics");
    await db.prisma.staffUser.update({ where: { id: fx.advisor.id }, data: { active: false } });
    served.hits = [];
    clock.advance(20 * 60_000);
    expect(await readDueCalendars(deps())).toBe(0);
    await db.prisma.staffUser.update({ where: { id: fx.advisor.id }, data: { active: true } });
    expect(await readDueCalendars(deps())).toBe(1);
    expect(served.hits).toHaveLength(1);
    await signIn();
  });

  it("gives up a calendar whose repetitions never end, in seconds, keeps its busy times and answers others meanwhile", async () => {
    let started = performance.now();
    const refused = await connect("/february-30.ics");
    expect(refused.body).toMatchObject({ connected: true, busyCount: 0, syncedAt: null, lastError: TOO_COMPLEX });
    expect(performance.now() - started).toBeLessThan(5_000);

    served.body = outlook;
    served.etag = '"v4"';
    expect((await connect("/owa/calendar/published/calendar.ics")).body).toMatchObject({ busyCount: 2, lastError: null });
    served.body = endlessOutlook;
    served.etag = '"v5"';
    clock.advance(15 * 60_000);
    await signIn();
    started = performance.now();
    let readersDone = false;
    const reading = readDueCalendars(deps()).finally(() => {
      readersDone = true;
    });
    // While the reader waits for the calendar, the server answers: the Tuesday meeting still blocks 10:00.
    expect(await slotStarts("2027-03-02", "2027-03-02")).toEqual(["03-02T09:00", "03-02T11:00"]);
    expect(readersDone).toBe(false);
    expect(await reading).toBe(1);
    expect(performance.now() - started).toBeLessThan(config.busyCalendars.readTimeoutMs + 4_000);
    expect((await call("GET", "/busy-calendar")).body).toMatchObject({
      busyCount: 2,
      lastError: TOO_COMPLEX,
      failingSince: clock.now().toISOString(),
    });
    served.body = outlook;
    clock.set("2027-02-26T08:00:00Z");
    await signIn();
  });

  it("disconnects: the busy times are deleted and the slots free again", async () => {
    await connect("/owa/calendar/published/calendar.ics");
    expect(await slotStarts("2027-03-02", "2027-03-02")).toHaveLength(2);
    expect((await call("DELETE", "/busy-calendar")).status).toBe(200);
    expect(await slotStarts("2027-03-02", "2027-03-02")).toHaveLength(3);
    expect(await db.prisma.busyCalendarEvent.count()).toBe(0);
    expect((await call("GET", "/busy-calendar")).body).toEqual({ connected: false });
    expect(await db.prisma.auditEvent.count({ where: { action: "busy_calendar.disconnect" } })).toBe(1);
  });
});

const deps = () => ({ db, clock, config, log: createLogger("silent") });
