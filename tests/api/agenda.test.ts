import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { messageOf } from "../helpers/app.ts";
import { advisorCookie, meetingAt, sender, useStaffApp } from "../helpers/staff.ts";

// Monday 26 October 2026, the day after clocks went back: Paris is UTC+1.
const clock = fixedClock("2026-10-26T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

const advisor = () => advisorCookie(env, clock.now());

describe("the agenda", () => {
  it("shows an advisor their week: appointments, free slots around them, absences, closures — in Paris time", async () => {
    const booked = await meetingAt(env, "2026-10-27T08:00:00Z");
    await env.db.prisma.absence.create({
      data: {
        advisorId: env.fx.advisor.id,
        startsAt: new Date("2026-10-29T08:00:00Z"),
        endsAt: new Date("2026-10-29T11:00:00Z"),
        reason: "Formation",
      },
    });
    await env.db.prisma.closure.create({
      data: { structureId: env.fx.structure.id, startDate: new Date("2026-10-30"), endDate: new Date("2026-10-30") },
    });
    const { status, body } = await send("GET", "/agenda?from=2026-10-26&to=2026-11-01", await advisor());
    expect(status).toBe(200);
    expect(body.today).toBe("2026-10-26");
    expect(body.sites).toContainEqual({ id: env.fx.site.id, name: "Lille Centre" });
    expect(body.appointments).toEqual([
      expect.objectContaining({
        id: booked.id,
        start: "2026-10-27T09:00:00+01:00",
        person: { firstName: "Léa", lastName: "Durand", phone: "06 12 34 56 78" },
      }),
    ]);
    expect(body.absences).toEqual([expect.objectContaining({ start: "2026-10-29T09:00:00+01:00", reason: "Formation" })]);
    expect(body.closures).toEqual([expect.objectContaining({ startDate: "2026-10-30", endDate: "2026-10-30" })]);
    const days = new Set(body.freeSlots.map((s: { start: string }) => s.start.slice(0, 10)));
    // Staff may book within the public notice: today counts. Thursday is taken by the absence, Friday closed.
    expect([...days]).toEqual(["2026-10-26", "2026-10-27", "2026-10-28"]);
    const tuesday = body.freeSlots
      .filter((s: { start: string }) => s.start.startsWith("2026-10-27"))
      .map((s: { start: string }) => s.start);
    expect(tuesday).not.toContain("2026-10-27T09:00:00+01:00");
    expect(tuesday[0]).toBe("2026-10-27T10:00:00+01:00"); // 45 min + 15 min buffer
  });

  it("names the advisors shown, one column each, and says the server's time in the agenda's zone", async () => {
    // A second advisor of the structure with nothing booked still has their column in the team's day.
    const second = await env.db.prisma.staffUser.create({
      data: {
        email: `${randomUUID()}@pic-vae-lille.test`,
        firstName: "Bruno",
        lastName: "Aubert",
        memberships: { create: [{ structureId: env.fx.structure.id, role: "advisor" }] },
      },
    });
    const team = await send(
      "GET",
      `/agenda?from=2026-10-26&to=2026-10-26&structure=${env.fx.structure.id}`,
      env.fx.cookies.reception,
    );
    expect(team.status).toBe(200);
    expect(team.body.now).toBe("2026-10-26T09:00:00+01:00");
    const names = team.body.advisors.map((a: { lastName: string }) => a.lastName);
    expect(names).toContain("Aubert");
    expect(names).toContain(env.fx.advisor.lastName);
    // By name, as the columns are read.
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, "fr")));
    const own = await send("GET", "/agenda?from=2026-10-26&to=2026-10-26", await advisor());
    expect(own.body.advisors).toEqual([
      { id: env.fx.advisor.id, firstName: env.fx.advisor.firstName, lastName: env.fx.advisor.lastName },
    ]);
    await env.db.prisma.membership.deleteMany({ where: { userId: second.id } });
    await env.db.prisma.staffUser.delete({ where: { id: second.id } });
  });

  it("gives today's when no day is asked for: the advisor's home says how many meetings and when the next is", async () => {
    const later = await meetingAt(env, "2026-10-26T10:00:00Z");
    const tomorrow = await meetingAt(env, "2026-10-27T10:00:00Z");
    const { status, body } = await send("GET", "/agenda", await advisor());
    expect(status).toBe(200);
    expect(body.today).toBe("2026-10-26");
    // The answer spans the day's edges in every zone; its day's meetings are those dated today.
    const ids = body.appointments
      .filter((a: { start: string }) => a.start.startsWith(body.today))
      .map((a: { id: string }) => a.id);
    expect(ids).toContain(later.id);
    expect(ids).not.toContain(tomorrow.id);
    expect(body.appointments.find((a: { id: string }) => a.id === later.id)).toMatchObject({
      start: "2026-10-26T11:00:00+01:00",
      seats: 1,
    });
    await env.db.prisma.appointment.deleteMany({ where: { id: { in: [later.id, tomorrow.id] } } });
  });

  it("lets an advisor open their structure's team, not another's", async () => {
    const team = await send("GET", `/agenda?from=2026-10-26&to=2026-10-26&structure=${env.fx.structure.id}`, await advisor());
    expect(team.status).toBe(200);
    const other = await send("GET", `/agenda?from=2026-10-26&to=2026-10-26&structure=${env.fx.other.id}`, await advisor());
    expect(other.status).toBe(404);
  });

  it("gives the reception desk the team of its structure, and nothing of another", async () => {
    const team = await send(
      "GET",
      `/agenda?from=2026-10-26&to=2026-11-01&structure=${env.fx.structure.id}`,
      env.fx.cookies.reception,
    );
    expect(team.status).toBe(200);
    expect(team.body.appointments.map((a: { advisor: { id: string } }) => a.advisor.id)).toContain(env.fx.advisor.id);
    const other = await send(
      "GET",
      `/agenda?from=2026-10-26&to=2026-11-01&structure=${env.fx.other.id}`,
      env.fx.cookies.reception,
    );
    expect(other.status).toBe(404);
    const tooLong = await send("GET", "/agenda?from=2026-10-01&to=2026-12-01", env.fx.cookies.reception);
    expect(tooLong.body.error.fields.to).toMatch(/31 jours/);
    expect((await send("GET", "/agenda?from=2026-10-26&to=2026-11-01", env.fx.cookies.referrer)).status).toBe(403);
  });
});

describe("an appointment", () => {
  it("opens with the person's contact and their history with the structure, never another structure's", async () => {
    const earlier = await meetingAt(env, "2026-10-19T08:00:00Z");
    const now = await meetingAt(env, "2026-10-28T08:00:00Z");
    await env.db.prisma.appointment.update({ where: { id: now.id }, data: { personId: earlier.personId } });
    const { status, body } = await send("GET", `/agenda/appointments/${now.id}`, env.fx.cookies.reception);
    expect(status).toBe(200);
    expect(body.appointment).toMatchObject({
      start: "2026-10-28T09:00:00+01:00",
      channel: "online",
      person: { firstName: "Léa", email: "lea.durand@example.org", phone: "06 12 34 56 78", notifiedBy: "email" },
      offering: { service: { name: "Information-conseil VAE" } },
      history: [{ id: earlier.id, start: "2026-10-19T10:00:00+02:00", status: "booked" }],
    });
    expect((await send("GET", `/agenda/appointments/${now.id}`, env.fx.cookies.structureAdmin)).status).toBe(200);
    // Staff of another structure, or a referrer, never see it.
    const otherAdvisor = `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;
    expect((await send("GET", `/agenda/appointments/${now.id}`, otherAdvisor)).status).toBe(404);
    expect((await send("GET", `/agenda/appointments/${now.id}`, env.fx.cookies.referrer)).status).toBe(403);
  });

  it("takes its outcome from its start time on, and private notes", async () => {
    const later = await meetingAt(env, "2026-10-26T13:00:00Z");
    const early = await send("POST", `/agenda/appointments/${later.id}/outcome`, env.fx.cookies.reception, {
      outcome: "no_show",
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/pas encore commencé/);
    const a = await meetingAt(env, "2026-10-26T08:00:00Z"); // starts now
    expect(
      (await send("POST", `/agenda/appointments/${a.id}/outcome`, env.fx.cookies.reception, { outcome: "no_show" })).status,
    ).toBe(200);
    expect((await send("POST", `/agenda/appointments/${a.id}/outcome`, await advisor(), { outcome: "honoured" })).status).toBe(
      200,
    );
    expect(
      (await send("PATCH", `/agenda/appointments/${a.id}`, await advisor(), { notes: "Projet VAE aide-soignante." })).status,
    ).toBe(200);
    const stored = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: a.id } });
    expect([stored.outcome, stored.outcomeAt?.toISOString(), stored.notes]).toEqual([
      "honoured",
      "2026-10-26T08:00:00.000Z",
      "Projet VAE aide-soignante.",
    ]);
    const bad = await send("POST", `/agenda/appointments/${a.id}/outcome`, await advisor(), {
      outcome: "venu",
      status: "x",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.outcome).toMatch(/honoré/);
    const notText = await send("PATCH", `/agenda/appointments/${a.id}`, await advisor(), { notes: 123 });
    expect(notText.body.error.fields.notes).toBe("texte attendu.");
    const events = await env.db.prisma.auditEvent.findMany({ where: { entityId: a.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["appointment.outcome", "appointment.outcome", "appointment.notes"]);
    expect(JSON.stringify(events)).not.toContain("aide-soignante");
  });

  it("is cancelled by the structure with a reason: the person is told, with the CANCEL .ics", async () => {
    const a = await meetingAt(env, "2026-10-30T09:00:00Z");
    const noReason = await send("POST", `/agenda/appointments/${a.id}/cancel`, env.fx.cookies.reception, { reason: " " });
    expect(noReason.body.error.fields.reason).toMatch(/obligatoire/);
    expect(
      (await send("POST", `/agenda/appointments/${a.id}/cancel`, env.fx.cookies.reception, { reason: "Conseillère malade" }))
        .status,
    ).toBe(200);
    const message = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: a.id, type: "appointment.cancelled" },
    });
    const payload = messageOf(message);
    expect(message.recipient).toBe("lea.durand@example.org");
    expect(payload.text).toContain("Motif : Conseillère malade");
    expect(payload.ics?.method).toBe("CANCEL");
    expect(payload.ics?.content).toContain("SEQUENCE:1");
    expect(
      (await send("POST", `/agenda/appointments/${a.id}/cancel`, env.fx.cookies.reception, { reason: "encore" })).status,
    ).toBe(409);
  });

  it("shows staff a phone booked online the French way, kept in E.164, and whether they must call the person", async () => {
    const open = await (
      await env.app.request(
        `/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=2026-11-02&to=2026-11-02`,
      )
    ).json();
    const [first, second] = open.slots.filter(
      (slot: { start: string }, i: number, all: { start: string }[]) => all.findIndex((s) => s.start === slot.start) === i,
    );
    const book = async (slotKey: string, phone: string) => {
      const res = await env.app.request("/api/bookings", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
        body: JSON.stringify({ slotKey, person: { firstName: "Léa", lastName: "Durand", phone }, noticeAccepted: true }),
      });
      expect(res.status).toBe(201);
      const { appointment } = await res.json();
      const stored = await env.db.prisma.appointment.findUniqueOrThrow({
        where: { id: appointment.id },
        include: { person: true },
      });
      const shown = await send("GET", `/agenda/appointments/${appointment.id}`, env.fx.cookies.reception);
      return { stored: stored.person.phone, shown: shown.body.appointment.person };
    };

    const mobile = await book(first.key, "+33 (0)6 12 34 56 78");
    expect(mobile.stored).toBe("+33612345678");
    expect(mobile.shown).toMatchObject({ email: null, phone: "06 12 34 56 78", notifiedBy: "sms", told: ["sms"] });
    // A landline is a way to reach the person, but no text message goes to it: staff call.
    const landline = await book(second.key, "03 20 11 22 33");
    expect(landline.stored).toBe("+33320112233");
    expect(landline.shown).toMatchObject({ email: null, phone: "03 20 11 22 33", notifiedBy: "phone-call", told: [] });
  });
});
