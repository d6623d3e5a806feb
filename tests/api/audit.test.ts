import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { useReferrals } from "../helpers/referrals.ts";

// What the audit log traces (issue 22.9): the bookings staff make at the desk and for a
// referral, and the person's own with their invitation; every opening of a person's or an
// appointment's page, as the privacy notice says; an outcome with the meeting it is for. And how
// the Région reads it: by author, action and days. Never a name, an address or a number.
const { clock, env, send, at, refer, post, firstSlot } = useReferrals();
/** A session opened now: the clock travels a week in these tests, past the sessions' lifetime. */
const sessionOf = async (userId: string) => `rdv-session=${await openSession(env.db, userId, clock.now())}`;

const eventsOf = (entityId: string) =>
  env.db.prisma.auditEvent.findMany({
    where: { entityId },
    orderBy: { at: "asc" },
    select: { action: true, actorId: true, details: true },
  });

async function deskBooking() {
  const { slots } = (await send("GET", `/desk/slots?offering=${env.fx.offering.id}&from=2026-11-02`, env.fx.cookies.reception))
    .body;
  const res = await post(
    "/desk/bookings",
    env.fx.cookies.reception,
    { slotKey: slots[0].key, person: { firstName: "Sami", lastName: "Diallo", phone: "06 11 22 33 44" } },
    randomUUID(),
  );
  expect(res.status).toBe(201);
  return res.body.appointment.id as string;
}

describe("the audit log", () => {
  it("traces a desk booking, a referrer's and a person's with their invitation, with no personal data", async () => {
    const desk = await deskBooking();
    expect(await eventsOf(desk)).toEqual([
      {
        action: "appointment.book",
        actorId: env.fx.users.reception.id,
        details: { structureId: env.fx.structure.id, channel: "reception" },
      },
    ]);

    const referral = await refer();
    const booked = await post(
      `/referrals/${referral}/booking`,
      env.fx.cookies.referrer,
      { slotKey: (await firstSlot(referral)).key },
      randomUUID(),
    );
    expect(await eventsOf(booked.body.appointment.id)).toEqual([
      {
        action: "appointment.book",
        actorId: env.fx.users.referrer.id,
        details: { structureId: env.fx.structure.id, channel: "referral" },
      },
    ]);

    const invitedFor = await refer({ person: { firstName: "Yanis", lastName: "Morel", phone: "0622334455" } });
    const invited = await post(`/referrals/${invitedFor}/invitation`, env.fx.cookies.referrer, { email: false, days: 10 });
    const { slots } = await (await env.app.request(`/api/invitations/${invited.body.code}/slots?from=2026-11-09`)).json();
    const own = await post(
      `/invitations/${invited.body.code}/booking`,
      "",
      { slotKey: slots[0].key, noticeAccepted: true, phone: "0622334455", smsReminders: false },
      randomUUID(),
    );
    expect(own.status).toBe(201);
    expect(await eventsOf(own.body.appointment.id)).toEqual([
      {
        action: "appointment.book_by_invitation",
        actorId: null,
        details: { structureId: env.fx.structure.id, channel: "referral" },
      },
    ]);
    const everything = JSON.stringify(await env.db.prisma.auditEvent.findMany());
    for (const personal of ["Diallo", "Nadia", "Morel", "0622334455", "+33622334455", "22 33 44 55"])
      expect(everything).not.toContain(personal);
  });

  it("traces every opening of an appointment's page and of a person's page, once each", async () => {
    const id = await deskBooking();
    const appointment = await send("GET", `/agenda/appointments/${id}`, env.fx.cookies.reception);
    expect(appointment.status).toBe(200);
    const personId = appointment.body.appointment.person.id as string;
    expect((await send("GET", `/people/${personId}`, env.fx.cookies.structureAdmin)).status).toBe(200);
    expect((await eventsOf(id)).map((e) => [e.action, e.actorId])).toEqual([
      ["appointment.book", env.fx.users.reception.id],
      ["appointment.view", env.fx.users.reception.id],
    ]);
    expect((await eventsOf(personId)).map((e) => [e.action, e.actorId])).toEqual([
      ["person.view", env.fx.users.structureAdmin.id],
    ]);
    // A page refused (outside the user's structures) is no consultation.
    const outsider = await sessionOf(env.fx.otherAdvisor.id);
    expect((await send("GET", `/agenda/appointments/${id}`, outsider)).status).toBe(404);
    expect(await env.db.prisma.auditEvent.count({ where: { entityId: id, action: "appointment.view" } })).toBe(1);
  });

  it("names the meeting an outcome was recorded for, and is filtered by author, action and days", async () => {
    const meeting = await env.db.prisma.appointment.findFirstOrThrow({
      where: { channel: "reception" },
      orderBy: { startsAt: "asc" },
    });
    at("2026-11-02T11:00:00Z"); // 12 h 00 in Paris, the meeting under way
    const advisor = await sessionOf(env.fx.users.advisor.id);
    const recorded = await send("POST", `/agenda/appointments/${meeting.id}/outcome`, advisor, { outcome: "honoured" });
    expect(recorded.status).toBe(200);
    const region = await sessionOf(env.fx.users.regionalAdmin.id);
    const outcomes = await send("GET", "/admin/audit?action=appointment.outcome", region);
    expect(outcomes.status).toBe(200);
    expect(outcomes.body.events).toEqual([
      expect.objectContaining({
        action: "appointment.outcome",
        entityId: meeting.id,
        label: "rendez-vous du lundi 2 novembre 2026 à 9 h 00, Information-conseil VAE",
        structure: { id: env.fx.structure.id, name: "Point Info Conseil VAE de Lille" },
        actor: expect.objectContaining({ id: env.fx.users.advisor.id }),
      }),
    ]);
    expect(outcomes.body.actions).toEqual(expect.arrayContaining(["appointment.book", "appointment.outcome", "person.view"]));
    expect(outcomes.body.actors.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([env.fx.users.reception.id, env.fx.users.advisor.id]),
    );

    const byReception = await send("GET", `/admin/audit?actor=${env.fx.users.reception.id}`, region);
    expect(byReception.body.events.length).toBeGreaterThan(0);
    expect(byReception.body.events.every((e: { actor: { id: string } }) => e.actor.id === env.fx.users.reception.id)).toBe(true);
    // Days are Paris days: 2 November, 12 h 00 in Paris, is in « 2 novembre », not the 1st nor the 3rd.
    const onTheDay = await send("GET", "/admin/audit?from=2026-11-02&to=2026-11-02", region);
    expect(onTheDay.body.events.map((e: { entityId: string }) => e.entityId)).toEqual([meeting.id]);
    expect((await send("GET", "/admin/audit?from=2026-11-03", region)).body.events).toEqual([]);
    expect((await send("GET", "/admin/audit?to=2026-11-01&action=appointment.outcome", region)).body.events).toEqual([]);
  });

  it("refuses filters it cannot read, naming each in French", async () => {
    const region = await sessionOf(env.fx.users.regionalAdmin.id);
    const bad = await send("GET", "/admin/audit?actor=moi&action=tout&from=2026-02-30", region);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual({
      actor: "identifiant de compte attendu.",
      action: "action attendue, par exemple « appointment.view ».",
      from: expect.stringMatching(/n'existe pas/),
    });
    const backwards = await send("GET", "/admin/audit?from=2026-11-03&to=2026-11-02", region);
    expect([backwards.status, backwards.body.error.fields]).toEqual([422, { to: "La date de fin précède la date de début." }]);
    expect((await send("GET", "/admin/audit", await sessionOf(env.fx.users.structureAdmin.id))).status).toBe(403);
  });
});
