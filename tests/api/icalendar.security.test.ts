import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { messageOf } from "../helpers/app.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// iCalendar injection: a name is data, never a line of the calendar. Names with control
// characters or bidirectional overrides are refused at input; whatever is stored is escaped as
// RFC 5545 and RFC 6868 say, and ical.js (Thunderbird's parser) reads it back as it was.

// Monday 26 October 2026, 10 h 00 in Paris.
const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);
const unfold = (text: string) => text.replaceAll("\r\n ", "");

async function post(path: string, body: object, cookie = "") {
  const res = await env.app.request(`/api${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const openSlots = async (from: string) =>
  (
    await (
      await env.app.request(`/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=${from}&to=${from}`)
    ).json()
  ).slots as { key: string }[];

describe("names at input", () => {
  const BAD = ["Claire\r\nMETHOD:CANCEL", "Claire\nMartin", "Léa\u202eniartsiD", "Léa\u2066x\u2069", "Tab\tulation", "Bip\u0007"];

  it("refuses a person's name with a line break, a control character or a bidirectional override, naming the field", async () => {
    const [slot] = await openSlots("2026-10-28");
    for (const firstName of BAD) {
      const booked = await post("/bookings", {
        slotKey: slot?.key,
        person: { firstName, lastName: "Durand", email: "lea@example.org" },
        noticeAccepted: true,
      });
      expect(booked.status).toBe(422);
      expect(booked.body.error.fields["person.firstName"]).toMatch(/retour à la ligne ni caractère de contrôle/);
    }
    const referred = await post(
      "/referrals",
      {
        fromStructureId: env.fx.partner.id,
        toStructureId: env.fx.structure.id,
        serviceId: env.fx.services.vae.id,
        person: { firstName: "Léa", lastName: BAD[2] },
        need: "Un projet.",
        consent: true,
      },
      env.fx.cookies.referrer,
    );
    expect(referred.status).toBe(422);
    expect(referred.body.error.fields).toHaveProperty(["person.lastName"]);
    expect(await env.db.prisma.person.count({ where: { firstName: { in: BAD } } })).toBe(0);
  });

  it("refuses a staff member's name, and a structure's or a site's, in the same way", async () => {
    const patch = await send("PATCH", `/admin/users/${env.fx.users.advisor.id}`, env.fx.cookies.regionalAdmin, {
      lastName: "Martin\r\nMETHOD:CANCEL",
    });
    expect(patch.status).toBe(422);
    expect(patch.body.error.fields.lastName).toMatch(/retour à la ligne/);
    const invite = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, env.fx.cookies.structureAdmin, {
      email: "x@staff.test",
      firstName: "X\u202e",
      lastName: "Y",
      role: "advisor",
    });
    expect(invite.body.error.fields).toHaveProperty("firstName");
    const renamed = await send("PATCH", `/admin/structures/${env.fx.structure.id}`, env.fx.cookies.structureAdmin, {
      name: "PIC\nVAE",
    });
    expect(renamed.body.error.fields).toHaveProperty("name");
    const site = await send("PATCH", `/admin/sites/${env.fx.site.id}`, env.fx.cookies.structureAdmin, {
      name: "Lille\u2028Centre",
    });
    expect(site.body.error.fields).toHaveProperty("name");
  });
});

describe("calendars", () => {
  it("give an attendee named with double quotes their own name and their own address (RFC 6868)", async () => {
    const [slot] = await openSlots("2026-10-29");
    const name = { firstName: 'Jean "Jo"', lastName: "O'Brien, fils" };
    const booked = await post("/bookings", {
      slotKey: slot?.key,
      person: { ...name, email: "jean@example.org" },
      noticeAccepted: true,
    });
    expect(booked.status).toBe(201);
    const message = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: booked.body.appointment.id, type: "appointment.booked" },
    });
    const ics = messageOf(message).ics?.content ?? "";
    expect(ics).not.toContain('\\"');
    const attendee = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")?.getFirstProperty("attendee");
    expect(attendee?.getParameter("cn")).toBe(`${name.firstName} ${name.lastName}`);
    expect(attendee?.getFirstValue()).toBe("mailto:jean@example.org");
  });

  it("keep a staff name stored with a line break on one line of the subscription feed", async () => {
    await env.db.prisma.staffUser.update({
      where: { id: env.fx.advisor.id },
      data: { lastName: "Martin\r\nMETHOD:CANCEL\r\nX-WR-CALNAME:Piège" },
    });
    const cookie = `rdv-session=${await openSession(env.db, env.fx.advisor.id, clock.now())}`;
    const created = await send("POST", "/calendar-feed", cookie, {});
    const text = await (await env.app.request(new URL(created.body.url).pathname)).text();
    const lines = unfold(text).split("\r\n");
    expect(lines.filter((line) => /^METHOD/.test(line))).toEqual([]);
    expect(lines.filter((line) => /^X-WR-CALNAME/.test(line))).toHaveLength(1);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("method")).toBeNull();
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe(
      "RDV Orientation — Claire Martin  METHOD:CANCEL  X-WR-CALNAME:Piège",
    );
  });
});
