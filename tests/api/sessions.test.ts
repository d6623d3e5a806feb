import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { sessionKeyOf } from "../../server/domain/availability.ts";
import { sessionSegment } from "../../server/domain/session-path.ts";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { messageOf, smsOf } from "../helpers/app.ts";
import { advisorCookie, sender, useStaffApp } from "../helpers/staff.ts";

// Monday 26 October 2026 (Paris UTC+1). The PIC VAE's advisor holds a 12-seat information
// session on Tuesdays, 14:00–16:00, on site (tests/helpers/fixtures.ts).
const clock = fixedClock("2026-10-26T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);
const advisor = () => advisorCookie(env, clock.now());

/** Tuesday `date` at 14:00 in Paris, in UTC. */
const tuesday = (date: string) => new Date(`${date}T13:00:00Z`);
const segmentOn = (date: string) => sessionSegment(sessionKeyOf(env.fx.collective.offeringId, env.fx.advisor.id, tuesday(date)));
const slotKeyOn = (date: string, offeringId = env.fx.collective.offeringId) =>
  encodeSlotKey({ offeringId, advisorId: env.fx.advisor.id, siteId: env.fx.site.id, mode: "onsite", start: tuesday(date) });

let booked = 0;
/** A seat booked online as anyone books it: the confirmation, the reminders with the private link. */
async function bookSeat(date: string, person: { firstName: string; lastName: string; email?: string; phone?: string }) {
  const { slots } = await (
    await env.app.request(`/api/slots?service=reunion-information-vae&structure=${env.fx.structure.id}&from=${date}&to=${date}`)
  ).json();
  const res = await env.app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `session-seat-${++booked}` },
    body: JSON.stringify({ slotKey: slots[0].key, person, noticeAccepted: true }),
  });
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { id: body.appointment.id as string, token: String(body.manageUrl).split("/").pop() as string };
}

/** A seat written directly (a past session, or one filled up for a test). */
async function seatAt(date: string, lastName: string) {
  const person = await env.db.prisma.person.create({ data: { firstName: "Sam", lastName, email: `${lastName}@example.org` } });
  return env.db.prisma.appointment.create({
    data: {
      offeringId: env.fx.collective.offeringId,
      structureId: env.fx.structure.id,
      siteId: env.fx.site.id,
      mode: "onsite",
      advisorId: env.fx.advisor.id,
      personId: person.id,
      startsAt: tuesday(date),
      endsAt: new Date(tuesday(date).getTime() + 120 * 60_000),
      sessionKey: sessionKeyOf(env.fx.collective.offeringId, env.fx.advisor.id, tuesday(date)),
      channel: "reception",
    },
  });
}

const otherAdvisor = async () => `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;

describe("a collective session", () => {
  it("opens as one thing: when, where, seats taken and left, its participants and how they booked", async () => {
    await bookSeat("2026-10-27", { firstName: "Zoé", lastName: "Vasseur", email: "zoe@example.org" });
    const lea = await bookSeat("2026-10-27", { firstName: "Léa", lastName: "Durand", phone: "03 20 11 22 33" });
    await bookSeat("2026-10-27", { firstName: "Adam", lastName: "Dewitte", phone: "06 12 34 56 78" });
    const { status, body } = await send("GET", `/agenda/sessions/${segmentOn("2026-10-27")}`, await advisor());
    expect(status).toBe(200);
    expect(body.session).toMatchObject({
      start: "2026-10-27T14:00:00+01:00",
      end: "2026-10-27T16:00:00+01:00",
      mode: "onsite",
      site: { name: "Lille Centre", address: "12 rue Nationale" },
      advisor: { firstName: "Claire", lastName: "Martin" },
      service: { name: "Réunion d'information collective VAE" },
      seats: 12,
      seatsTaken: 3,
      seatsLeft: 9,
      cancelled: false,
      started: false,
    });
    expect(
      body.session.participants.map((p: { person: { lastName: string; phone: string | null; notifiedBy: string } }) => [
        p.person.lastName,
        p.person.phone,
        p.person.notifiedBy,
      ]),
    ).toEqual([
      ["Dewitte", "06 12 34 56 78", "sms"],
      ["Durand", "03 20 11 22 33", "phone-call"],
      ["Vasseur", null, "email"],
    ]);
    expect(body.session.participants[0]).toMatchObject({ channel: "online", bookedBy: null, status: "booked", outcome: null });

    // The agenda and each seat's page lead to it.
    const agenda = await send("GET", "/agenda?from=2026-10-27&to=2026-10-27", await advisor());
    expect(agenda.body.appointments.map((a: { session: string | null }) => a.session)).toEqual(
      Array(3).fill(segmentOn("2026-10-27")),
    );
    const seat = await send("GET", `/agenda/appointments/${lea.id}`, env.fx.cookies.reception);
    expect(seat.body.appointment.session).toBe(segmentOn("2026-10-27"));
    expect((await send("GET", `/agenda/sessions/${segmentOn("2026-10-27")}`, env.fx.cookies.reception)).status).toBe(200);
  });

  it("is the structure's and its advisor's only: another structure gets a 404, a referrer a 403, a bad key a 422", async () => {
    const segment = segmentOn("2026-10-27");
    expect((await send("GET", `/agenda/sessions/${segment}`, await otherAdvisor())).status).toBe(404);
    expect((await send("GET", `/agenda/sessions/${segment}`, env.fx.cookies.referrer)).status).toBe(403);
    const refused = await send("POST", `/agenda/sessions/${segment}/cancel`, await otherAdvisor(), { reason: "Essai" });
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe("Session introuvable.");
    const slots = await send("GET", `/agenda/sessions/${segment}/slots`, await otherAdvisor());
    expect(slots.status).toBe(404);
    expect(await env.db.prisma.appointment.count({ where: { startsAt: tuesday("2026-10-27"), status: "booked" } })).toBe(3);
    const bad = await send("GET", "/agenda/sessions/not-a-session", await advisor());
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.key).toMatch(/identifiant de session/);
    expect((await send("GET", `/agenda/sessions/${segmentOn("2026-12-29")}`, await advisor())).status).toBe(404);
  });

  it("takes attendance per participant once it has begun, by the rules of an appointment's outcome", async () => {
    const early = await send("POST", `/agenda/sessions/${segmentOn("2026-10-27")}/attendance`, await advisor(), {
      attendance: [{ appointmentId: (await seatAt("2026-10-27", "Tôt")).id, outcome: "honoured" }],
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/pas encore commencé/);

    const seats = await Promise.all(["Alpha", "Bravo", "Charlie"].map((name) => seatAt("2026-10-20", name)));
    const segment = segmentOn("2026-10-20");
    const stranger = await send("POST", `/agenda/sessions/${segment}/attendance`, await advisor(), {
      attendance: [
        { appointmentId: seats[0]?.id, outcome: "honoured" },
        { appointmentId: (await seatAt("2026-10-27", "Ailleurs")).id, outcome: "honoured" },
      ],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.fields["attendance.1.appointmentId"]).toMatch(/pas une place de cette session/);
    expect(await env.db.prisma.appointment.count({ where: { id: seats[0]?.id, outcome: { not: null } } })).toBe(0);

    const outcomes = ["honoured", "no_show", "excused"] as const;
    const marked = await send("POST", `/agenda/sessions/${segment}/attendance`, env.fx.cookies.reception, {
      attendance: seats.map((s, i) => ({ appointmentId: s.id, outcome: outcomes[i] })),
    });
    expect(marked.status).toBe(200);
    const { body } = await send("GET", `/agenda/sessions/${segment}`, await advisor());
    expect(body.session.started).toBe(true);
    expect(
      body.session.participants.map((p: { person: { lastName: string }; outcome: string }) => [p.person.lastName, p.outcome]),
    ).toEqual([
      ["Alpha", "honoured"],
      ["Bravo", "no_show"],
      ["Charlie", "excused"],
    ]);
    const events = await env.db.prisma.auditEvent.findMany({ where: { entityId: { in: seats.map((s) => s.id) } } });
    expect(events.map((e) => e.action)).toEqual(Array(3).fill("appointment.outcome"));
    // A session that took place is neither moved nor cancelled.
    const moved = await send("POST", `/agenda/sessions/${segment}/move`, await advisor(), { slotKey: slotKeyOn("2026-12-15") });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toMatch(/a commencé/);
    const late = await send("POST", `/agenda/sessions/${segment}/cancel`, await advisor(), { reason: "Trop tard" });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/présences sont notées/);
  });

  it("is cancelled whole, with a reason: every participant told by e-mail (CANCEL .ics) or SMS, reminders withdrawn", async () => {
    const zoe = await bookSeat("2026-11-03", { firstName: "Zoé", lastName: "Vasseur", email: "zoe@example.org" });
    const adam = await bookSeat("2026-11-03", { firstName: "Adam", lastName: "Dewitte", phone: "06 12 34 56 78" });
    const segment = segmentOn("2026-11-03");
    const noReason = await send("POST", `/agenda/sessions/${segment}/cancel`, await advisor(), { reason: "  " });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields.reason).toMatch(/obligatoire/);

    const res = await send("POST", `/agenda/sessions/${segment}/cancel`, env.fx.cookies.reception, {
      reason: "Salle indisponible",
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cancelled: 2 });
    const email = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: zoe.id, type: "appointment.cancelled", channel: "email" },
    });
    expect(email.recipient).toBe("zoe@example.org");
    const payload = messageOf(email);
    expect(payload.text).toContain("Motif : Salle indisponible");
    expect(payload.ics?.method).toBe("CANCEL");
    expect(payload.ics?.content).toContain("SEQUENCE:1");
    const sms = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: adam.id, type: "appointment.cancelled", channel: "sms" },
    });
    expect(sms.recipient).toBe("+33612345678");
    expect(smsOf(sms).sms.text).toMatch(/annul/i);
    expect(
      await env.db.prisma.outboxMessage.count({
        where: { appointmentId: { in: [zoe.id, adam.id] }, type: "appointment.reminder", status: "pending" },
      }),
    ).toBe(0);
    const audit = await env.db.prisma.auditEvent.findMany({ where: { action: "session.cancel" } });
    expect(audit.map((e) => e.entityId).sort()).toEqual([zoe.id, adam.id].sort());

    const { body } = await send("GET", `/agenda/sessions/${segment}`, await advisor());
    expect(body.session).toMatchObject({ cancelled: true, seatsTaken: 0, seatsLeft: 12 });
    expect(body.session.participants.map((p: { status: string }) => p.status)).toEqual(["cancelled", "cancelled"]);
    expect((await send("POST", `/agenda/sessions/${segment}/cancel`, await advisor(), { reason: "Encore" })).status).toBe(409);
  });

  it("moves whole to a free time of its advisor: every participant told with SEQUENCE + 1 and their own link", async () => {
    const zoe = await bookSeat("2026-11-10", { firstName: "Zoé", lastName: "Vasseur", email: "zoe@example.org" });
    const adam = await bookSeat("2026-11-10", { firstName: "Adam", lastName: "Dewitte", phone: "06 12 34 56 78" });
    const eva = await bookSeat("2026-11-10", { firstName: "Eva", lastName: "Leroy", email: "eva@example.org" });
    const segment = segmentOn("2026-11-10");

    const slots = await send("GET", `/agenda/sessions/${segment}/slots?from=2026-11-01`, await advisor());
    expect(slots.status).toBe(200);
    const starts = slots.body.slots.map((s: { start: string }) => s.start);
    expect(starts).toContain("2026-11-17T14:00:00+01:00");
    expect(starts).not.toContain("2026-11-10T14:00:00+01:00");
    const target = slots.body.slots.find((s: { start: string }) => s.start === "2026-11-17T14:00:00+01:00");

    const res = await send("POST", `/agenda/sessions/${segment}/move`, await advisor(), { slotKey: target.key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ key: segmentOn("2026-11-17"), start: "2026-11-17T14:00:00+01:00", moved: 3 });
    const rows = await env.db.prisma.appointment.findMany({ where: { id: { in: [zoe.id, adam.id, eva.id] } } });
    expect(rows.map((r) => [r.startsAt.toISOString(), r.icsSequence, r.status])).toEqual(
      Array(3).fill(["2026-11-17T13:00:00.000Z", 1, "booked"]),
    );
    for (const seat of [zoe, eva]) {
      const moved = await env.db.prisma.outboxMessage.findFirstOrThrow({
        where: { appointmentId: seat.id, type: "appointment.moved", channel: "email" },
      });
      const payload = messageOf(moved);
      expect(payload.text).toContain("mardi 10 novembre");
      expect(payload.ics?.method).toBe("REQUEST");
      expect(payload.ics?.content).toContain("SEQUENCE:1");
      // The link the person holds still works, and the new reminders carry it.
      expect(payload.text).toContain(`/rdv/${seat.token}`);
    }
    const sms = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: adam.id, type: "appointment.moved", channel: "sms" },
    });
    expect(sms.recipient).toBe("+33612345678");
    expect((await env.app.request(`/api/manage/${zoe.token}`)).status).toBe(200);
    expect(await env.db.prisma.auditEvent.count({ where: { action: "session.move" } })).toBe(3);

    expect((await send("GET", `/agenda/sessions/${segment}`, await advisor())).status).toBe(404);
    const moved = await send("GET", `/agenda/sessions/${segmentOn("2026-11-17")}`, await advisor());
    expect(moved.body.session).toMatchObject({ start: "2026-11-17T14:00:00+01:00", seatsTaken: 3 });
  });

  it("moves all seats or none: a time without seats enough, or where the advisor is away, leaves every seat as it was", async () => {
    const seats = await Promise.all(["Un", "Deux", "Trois"].map((name) => seatAt("2026-11-24", name)));
    const segment = segmentOn("2026-11-24");
    // Ten of the twelve seats of 1 December are taken: two left for three participants.
    for (let i = 0; i < 10; i++) await seatAt("2026-12-01", `Pris${i}`);
    const full = await send("POST", `/agenda/sessions/${segment}/move`, await advisor(), { slotKey: slotKeyOn("2026-12-01") });
    expect(full.status).toBe(409);
    expect(full.body.error.message).toMatch(/plus que 2 place\(s\) pour 3 participant\(s\)/);

    await env.db.prisma.absence.create({
      data: {
        advisorId: env.fx.advisor.id,
        startsAt: new Date("2026-12-08T12:00:00Z"),
        endsAt: new Date("2026-12-08T17:00:00Z"),
        reason: "Formation",
      },
    });
    const away = await send("POST", `/agenda/sessions/${segment}/move`, await advisor(), { slotKey: slotKeyOn("2026-12-08") });
    expect(away.status).toBe(409);
    expect(away.body.error.message).toMatch(/plus libre pour le conseiller/);

    const otherOffering = await send("POST", `/agenda/sessions/${segment}/move`, await advisor(), {
      slotKey: slotKeyOn("2026-12-15", env.fx.offering.id),
    });
    expect(otherOffering.status).toBe(422);
    expect(otherOffering.body.error.fields.slotKey).toMatch(/même session/);
    const garbage = await send("POST", `/agenda/sessions/${segment}/move`, await advisor(), { slotKey: "x" });
    expect(garbage.body.error.fields.slotKey).toMatch(/n'existe pas/);
    const elsewhere = await send("POST", `/agenda/sessions/${segment}/move`, await otherAdvisor(), {
      slotKey: slotKeyOn("2026-12-15"),
    });
    expect(elsewhere.status).toBe(404);

    const rows = await env.db.prisma.appointment.findMany({ where: { id: { in: seats.map((s) => s.id) } } });
    expect(rows.map((r) => [r.startsAt.toISOString(), r.icsSequence, r.sessionKey])).toEqual(
      Array(3).fill([
        "2026-11-24T13:00:00.000Z",
        0,
        sessionKeyOf(env.fx.collective.offeringId, env.fx.advisor.id, tuesday("2026-11-24")),
      ]),
    );
    expect(
      await env.db.prisma.outboxMessage.count({
        where: { appointmentId: { in: seats.map((s) => s.id) }, type: "appointment.moved" },
      }),
    ).toBe(0);
    // Never its own time.
    const own = await send("GET", `/agenda/sessions/${segment}/slots?from=2026-11-24`, await advisor());
    expect(own.body.slots.map((s: { start: string }) => s.start)).not.toContain("2026-11-24T14:00:00+01:00");
  });
});
