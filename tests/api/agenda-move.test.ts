import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { messageOf, smsOf } from "../helpers/app.ts";
import { TEST_DATABASE_URL } from "../helpers/db.ts";
import { useDesk } from "../helpers/desk.ts";

// Staff move a meeting (POST /api/agenda/appointments/{id}/move): the messages a move by the
// person sends, the same guards as a booking, only within the user's scope.
const { clock, env, send, book, deskSlots, outsider } = useDesk();

const advisorCookie = async () => `rdv-session=${await openSession(env.db, env.fx.advisor.id, clock.now())}`;
const move = (id: string, slotKey: string, cookie = env.fx.cookies.reception) =>
  send("POST", `/agenda/appointments/${id}/move`, cookie, { slotKey });
const messagesOf = (appointmentId: string, type: string) =>
  env.db.prisma.outboxMessage.findMany({ where: { appointmentId, type }, orderBy: { createdAt: "asc" } });
const eventOf = (ics: string) =>
  new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent") as ICAL.Component);

/** Free slots of the PIC VAE's individual offering from a day, on site. */
async function onsite(from: string) {
  const { slots } = (await deskSlots(`offering=${env.fx.offering.id}&from=${from}`)).body as {
    slots: { key: string; start: string; mode: string; advisor: { id: string } }[];
  };
  return slots.filter((s) => s.mode === "onsite");
}

async function bookFor(from: string, person: object) {
  const [slot] = await onsite(from);
  const booked = await book(env.fx.cookies.reception, { slotKey: slot?.key, person });
  expect(booked.status).toBe(201);
  return { id: booked.body.appointment.id as string, token: (booked.body.manageUrl as string).split("/rdv/")[1] as string };
}

describe("staff move a meeting", () => {
  it("moves it in place: the person told by e-mail and SMS with the .ics SEQUENCE + 1 and their link, the advisor told, audited", async () => {
    const { id, token } = await bookFor("2026-11-02", {
      firstName: "Nadia",
      lastName: "Lefebvre",
      email: "nadia@example.org",
      phone: "06 12 34 56 78",
    });
    const [, target] = await onsite("2026-11-03");
    expect(target?.start).toBe("2026-11-03T10:00:00+01:00");
    const moved = await move(id, target?.key as string);
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({
      appointment: { id, start: "2026-11-03T10:00:00+01:00", end: "2026-11-03T10:45:00+01:00" },
      told: { person: ["email", "sms"], call: null, advisors: [{ firstName: "Claire", lastName: "Martin" }] },
    });

    const [email] = await messagesOf(id, "appointment.moved");
    const mail = messageOf(email as { payload: unknown });
    expect(mail.subject).toBe("Rendez-vous déplacé au mardi 3 novembre 2026 à 10 h 00");
    expect(mail.ics?.method).toBe("REQUEST");
    const event = eventOf(mail.ics?.content ?? "");
    expect(event.sequence).toBe(1);
    expect(event.startDate.toString()).toBe("2026-11-03T10:00:00");
    // The private link handed over at the desk still works, and the e-mail gives it.
    expect(mail.text).toContain(`/rdv/${token}`);
    const sms = (await messagesOf(id, "appointment.moved")).find((m) => m.channel === "sms");
    expect(smsOf(sms as { payload: unknown }).sms.text).toMatch(/3\/11/);
    expect((await messagesOf(id, "advisor.moved")).map((m) => m.recipient)).toEqual([env.fx.advisor.email]);
    const managed = await env.app.request(`/api/manage/${token}`);
    expect((await managed.json()).appointment.start).toBe("2026-11-03T10:00:00+01:00");

    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "appointment.move", entityId: id } });
    expect(audit).toMatchObject({ actorId: env.fx.users.reception.id, details: { structureId: env.fx.structure.id } });
    // The old time is free again.
    expect((await onsite("2026-11-02"))[0]?.start).toBe("2026-11-02T09:00:00+01:00");
  });

  it("by the advisor themself: they are neither e-mailed nor named among those told", async () => {
    const { id } = await bookFor("2026-11-09", { firstName: "Lina", lastName: "Roux", email: "lina@example.org" });
    const [, target] = await onsite("2026-11-10");
    // Claire Martin, whose meeting it is, moves it.
    const moved = await move(id, target?.key as string, await advisorCookie());
    expect(moved.status).toBe(200);
    expect(moved.body.told).toEqual({ person: ["email"], call: null, advisors: [] });
    const sent = await messagesOf(id, "appointment.moved");
    expect(sent.map((m) => m.recipient)).toEqual(["lina@example.org"]);
  });

  it("moves to another offering of the structure (the collective session); a person to call is named", async () => {
    const { id } = await bookFor("2026-11-09", { firstName: "Paul", lastName: "Morel", phone: "03 20 12 34 56" });
    const { slots } = (await deskSlots(`offering=${env.fx.collective.offeringId}&from=2026-11-09`)).body;
    const moved = await move(id, slots[0].key, await advisorCookie());
    expect(moved.status).toBe(200);
    expect(moved.body.appointment.start).toBe("2026-11-10T14:00:00+01:00");
    // A landline gets no text: the structure calls.
    expect(moved.body.told).toMatchObject({ person: [], call: "03 20 12 34 56" });
    const shown = await send("GET", `/agenda/appointments/${id}`, env.fx.cookies.reception);
    expect(shown.body.appointment.offering.service.name).toBe("Réunion d'information collective VAE");
  });

  it("moves to another advisor: the new one gets the booking, the one who had it is told it is gone", async () => {
    const shared = env.fx.users.sharedAdvisor;
    await env.db.prisma.availabilityRule.create({
      data: {
        advisorId: shared.id,
        structureId: env.fx.structure.id,
        siteId: env.fx.site.id,
        modes: ["onsite"],
        weekdays: [1, 2, 3, 4, 5],
        startTime: "14:00",
        endTime: "17:00",
        validFrom: new Date("2026-10-01"),
        offerings: { create: [{ offeringId: env.fx.offering.id }] },
      },
    });
    const { id } = await bookFor("2026-11-16", { firstName: "Inès", lastName: "Roger", email: "ines@example.org" });
    const theirs = (await deskSlots(`offering=${env.fx.offering.id}&advisor=${shared.id}&from=2026-11-16`)).body.slots[0];
    const moved = await move(id, theirs.key, env.fx.cookies.structureAdmin);
    expect(moved.status).toBe(200);
    expect(moved.body.told.advisors).toEqual([
      { firstName: "Prénom", lastName: "conseil-partage" },
      { firstName: "Claire", lastName: "Martin" },
    ]);
    expect((await messagesOf(id, "advisor.booked")).map((m) => m.recipient)).toEqual([env.fx.advisor.email, shared.email]);
    expect((await messagesOf(id, "advisor.moved")).map((m) => m.recipient)).toEqual([env.fx.advisor.email]);
  });

  it("refuses, in French: a cancelled meeting, one with an outcome, a slot taken, another structure's slot, a made-up key", async () => {
    const taken = await bookFor("2026-11-23", { firstName: "Anne", lastName: "Roux" });
    const { id } = await bookFor("2026-11-23", { firstName: "Marc", lastName: "Blanc" });
    const takenSlot = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: taken.id } });
    // The slot the first meeting holds, as the desk listed it before.
    const [first] = await onsite("2026-11-24");
    await move(taken.id, first?.key as string);
    const lost = await move(id, first?.key as string);
    expect(lost.status).toBe(409);
    expect(lost.body.error).toMatchObject({
      code: "SLOT_TAKEN",
      message: expect.stringMatching(/^Ce créneau vient d'être réservé/),
    });
    expect(takenSlot.icsSequence).toBe(0);

    const elsewhere = encodeSlotKey({
      offeringId: env.fx.other.offerings[0]?.id as string,
      advisorId: env.fx.otherAdvisor.id,
      siteId: env.fx.other.sites[0]?.id as string,
      mode: "onsite",
      start: new Date("2026-11-24T13:00:00Z"),
    });
    const foreign = await move(id, elsewhere);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields).toEqual({ slotKey: "Choisissez un créneau d'une offre de la même structure." });

    const madeUp = await move(id, "n'importe-quoi");
    expect(madeUp.status).toBe(422);
    expect(madeUp.body.error.fields.slotKey).toMatch(/^Ce créneau n'existe pas/);

    await env.db.prisma.appointment.update({ where: { id }, data: { outcome: "no_show", outcomeAt: clock.now() } });
    const [later] = await onsite("2026-11-30");
    const final = await move(id, later?.key as string);
    expect(final.status).toBe(409);
    expect(final.body.error.message).toBe(
      "Ce rendez-vous a son issue notée « absence » : il ne peut plus être déplacé. Prenez un nouveau rendez-vous.",
    );
    const cancel = await send("POST", `/agenda/appointments/${taken.id}/cancel`, env.fx.cookies.reception, {
      reason: "Empêchement",
    });
    expect(cancel.status).toBe(200);
    const gone = await move(taken.id, later?.key as string);
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toBe("Ce rendez-vous est annulé : il ne peut plus être déplacé. Prenez-en un nouveau.");
    expect(await env.db.prisma.auditEvent.count({ where: { action: "appointment.move", entityId: id } })).toBe(0);
  });

  it("only within the user's scope: another structure's advisor gets a 404, a referrer a 403", async () => {
    const { id } = await bookFor("2026-12-01", { firstName: "Léo", lastName: "Garnier" });
    const [target] = await onsite("2026-12-02");
    const stranger = await move(id, target?.key as string, await outsider());
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.message).toMatch(/^Rendez-vous introuvable/);
    expect((await move(id, target?.key as string, env.fx.cookies.referrer)).status).toBe(403);
    const row = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id } });
    expect(row.icsSequence).toBe(0);
    expect(await env.db.prisma.outboxMessage.count({ where: { appointmentId: id, type: "appointment.moved" } })).toBe(0);
  });
});

describe("the desk's person search", () => {
  it("shows each person's meetings to come here, soonest first — not those cancelled, over or with an outcome", async () => {
    const first = await bookFor("2026-12-14", { firstName: "Yasmine", lastName: "Carpentier", phone: "06 55 44 33 22" });
    const person = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: first.id }, select: { personId: true } });
    const [later, cancelled] = await onsite("2026-12-15");
    const again = await book(env.fx.cookies.reception, { slotKey: later?.key, person: { id: person.personId } });
    const gone = await book(env.fx.cookies.reception, { slotKey: cancelled?.key, person: { id: person.personId } });
    await send("POST", `/agenda/appointments/${gone.body.appointment.id}/cancel`, env.fx.cookies.reception, {
      reason: "Erreur de saisie",
    });
    const found = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=06 55 44 33 22`, env.fx.cookies.reception);
    expect(found.status).toBe(200);
    expect(found.body.people).toHaveLength(1);
    expect(found.body.people[0].upcoming).toEqual([
      {
        id: first.id,
        start: "2026-12-14T09:00:00+01:00",
        mode: "onsite",
        service: "Information-conseil VAE",
        advisor: { firstName: "Claire", lastName: "Martin" },
      },
      expect.objectContaining({ id: again.body.appointment.id, start: "2026-12-15T09:00:00+01:00" }),
    ]);
  });
});

describe("the printed confirmation, at any time", () => {
  it("gives the meeting, with whom, and the private link the person's reminders hold; none once unknown; never for another structure", async () => {
    const [slot] = await onsite("2026-12-21");
    const booked = await book(env.fx.cookies.reception, {
      slotKey: slot?.key,
      person: { firstName: "Rose", lastName: "Lambert", email: "rose@example.org" },
    });
    const id = booked.body.appointment.id;
    const printed = await send("GET", `/agenda/appointments/${id}/confirmation`, await advisorCookie());
    expect(printed.status).toBe(200);
    expect(printed.body).toEqual({
      appointment: booked.body.appointment,
      person: { firstName: "Rose", lastName: "Lambert" },
      advisor: { firstName: "Claire", lastName: "Martin" },
      manageUrl: booked.body.manageUrl,
    });
    // Known by name only: no reminder holds the link, the sheet says how to reach the structure.
    const walkIn = await bookFor("2026-12-22", { firstName: "Jean", lastName: "Marchal" });
    const bare = await send("GET", `/agenda/appointments/${walkIn.id}/confirmation`, env.fx.cookies.reception);
    expect(bare.body.manageUrl).toBeNull();
    expect((await send("GET", `/agenda/appointments/${id}/confirmation`, await outsider())).status).toBe(404);
    await send("POST", `/agenda/appointments/${id}/cancel`, env.fx.cookies.reception, { reason: "Empêchement" });
    const cancelled = await send("GET", `/agenda/appointments/${id}/confirmation`, env.fx.cookies.reception);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.message).toBe("Ce rendez-vous est annulé : aucune confirmation à imprimer.");
  });
});

// PGlite is one connection: only PostgreSQL runs two moves at once.
describe.skipIf(!TEST_DATABASE_URL)("two staff moving into one slot at once (PostgreSQL)", () => {
  it("one wins, the other gets a 409 and keeps its meeting where it was", async () => {
    const a = await bookFor("2026-12-07", { firstName: "Alice", lastName: "Dupont" });
    const b = await bookFor("2026-12-07", { firstName: "Bruno", lastName: "Petit" });
    const [target] = await onsite("2026-12-08");
    const answers = await Promise.all([
      move(a.id, target?.key as string),
      move(b.id, target?.key as string, env.fx.cookies.structureAdmin),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409);
    expect(loser?.body.error.code).toBe("SLOT_TAKEN");
    const rows = await env.db.prisma.appointment.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.filter((r) => r.startsAt.toISOString() === "2026-12-08T08:00:00.000Z")).toHaveLength(1);
    expect(rows.map((r) => r.icsSequence).sort()).toEqual([0, 1]);
  });
});
