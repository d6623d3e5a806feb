import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

const clock = fixedClock("2026-10-26T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);
const advisor = async () => `rdv-session=${await openSession(env.db, env.fx.advisor.id, clock.now())}`;
const fetchFeed = (url: string) => env.app.request(new URL(url).pathname);

describe("the advisor's calendar feed", () => {
  it("is a private iCal address that calendar apps parse: the advisor's meetings, first name and initial only", async () => {
    const person = await env.db.prisma.person.create({
      data: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org", phone: "+33612345678" },
    });
    const common = {
      offeringId: env.fx.offering.id,
      structureId: env.fx.structure.id,
      advisorId: env.fx.advisor.id,
      personId: person.id,
    };
    await env.db.prisma.appointment.createMany({
      data: [
        // Tuesday 27 October, 10 h 00 in Paris: after the clocks went back.
        {
          ...common,
          siteId: env.fx.site.id,
          mode: "onsite",
          channel: "online",
          startsAt: new Date("2026-10-27T09:00:00Z"),
          endsAt: new Date("2026-10-27T09:45:00Z"),
        },
        {
          ...common,
          mode: "phone",
          channel: "reception",
          startsAt: new Date("2026-10-28T09:00:00Z"),
          endsAt: new Date("2026-10-28T09:45:00Z"),
          status: "cancelled",
        },
      ],
    });
    const created = await send("POST", "/calendar-feed", await advisor(), {});
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(/\/api\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);

    const res = await fetchFeed(created.body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.summary).toBe("Léa D. — Information-conseil VAE");
    expect(event?.location).toBe("Lille Centre");
    expect(event?.startDate.toString()).toBe("2026-10-27T10:00:00");
    expect(text).toMatch(/^DTSTART;TZID=Europe\/Paris:20261027T100000/m);
    expect(text).toContain("BEGIN:VTIMEZONE");
    for (const secret of ["Durand", "lea.durand", "612345678", "12 34 56 78"]) expect(text).not.toContain(secret);
    expect((await send("GET", "/calendar-feed", await advisor())).body.active).toBe(true);
  });

  it("places a phone meeting « Par téléphone » with the person's number, never at the site it was booked at", async () => {
    const person = await env.db.prisma.person.create({
      data: { firstName: "Karim", lastName: "Benali", phone: "+33639981234" },
    });
    const silent = await env.db.prisma.person.create({
      data: { firstName: "Inès", lastName: "Roux", email: "ines@example.org" },
    });
    const common = {
      offeringId: env.fx.offering.id,
      structureId: env.fx.structure.id,
      advisorId: env.fx.advisor.id,
      channel: "reception" as const,
      // A phone meeting keeps the site of the range it was booked in: the advisor must not go there.
      siteId: env.fx.site.id,
      mode: "phone" as const,
    };
    await env.db.prisma.appointment.createMany({
      data: [
        { ...common, personId: person.id, startsAt: new Date("2026-11-02T09:00:00Z"), endsAt: new Date("2026-11-02T09:45:00Z") },
        { ...common, personId: silent.id, startsAt: new Date("2026-11-02T10:00:00Z"), endsAt: new Date("2026-11-02T10:45:00Z") },
      ],
    });
    const created = await send("POST", "/calendar-feed", await advisor(), {});
    const calendar = new ICAL.Component(ICAL.parse(await (await fetchFeed(created.body.url)).text()));
    const byPerson = new Map(
      calendar
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v))
        .map((e) => [e.summary.split(" — ")[0], e.location]),
    );
    expect(byPerson.get("Karim B.")).toBe("Par téléphone : 06 39 98 12 34");
    expect(byPerson.get("Inès R.")).toBe("Par téléphone (numéro non communiqué)");
  });

  it("stops working when replaced or revoked", async () => {
    const first = await send("POST", "/calendar-feed", await advisor(), {});
    const second = await send("POST", "/calendar-feed", await advisor(), {});
    expect((await fetchFeed(first.body.url)).status).toBe(404);
    expect((await fetchFeed(second.body.url)).status).toBe(200);
    const revoked = await env.app.request("/api/calendar-feed", { method: "DELETE", headers: { Cookie: await advisor() } });
    expect(revoked.status).toBe(200);
    expect((await fetchFeed(second.body.url)).status).toBe(404);
    expect((await send("GET", "/calendar-feed", await advisor())).body.active).toBe(false);
    expect((await env.app.request("/api/feeds/pas-un-jeton.ics")).status).toBe(422);
    expect((await send("POST", "/calendar-feed", env.fx.cookies.referrer, {})).status).toBe(403);
  });
});
