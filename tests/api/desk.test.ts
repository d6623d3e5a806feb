import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { messageOf } from "../helpers/app.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// Monday 26 October 2026, 9 h 00 in Paris (UTC+1 since Sunday).
const clock = fixedClock("2026-10-26T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

async function book(cookie: string, body: object, key = randomUUID()) {
  const res = await env.app.request("/api/desk/bookings", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const deskSlots = (query: string, cookie = env.fx.cookies.reception) => send("GET", `/desk/slots?${query}`, cookie);
/** Free slots at distinct times (each time is offered on site and by phone). */
const distinctTimes = async (query: string): Promise<[{ key: string }, { key: string }]> => {
  const { slots } = (await deskSlots(query)).body as { slots: { start: string; key: string }[] };
  const distinct = slots.filter((s, i) => slots.findIndex((t) => t.start === s.start) === i);
  const [first, second] = distinct;
  if (!first || !second) throw new Error(`too few slots for ${query}`);
  return [first, second];
};

describe("the reception desk", () => {
  it("lists what it can book in its structure, and only what is open to staff elsewhere", async () => {
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "referral" } });
    const own = await send("GET", `/desk/offerings?structure=${env.fx.structure.id}`, env.fx.cookies.reception);
    expect(own.body.structure.offerings.map((o: { id: string }) => o.id)).toContain(env.fx.offering.id);
    expect(own.body.structure.advisors.map((a: { id: string }) => a.id)).toContain(env.fx.advisor.id);
    // Where the desk may book: its own structure first, then others with an offering open to staff.
    const where = await send("GET", "/desk/structures", env.fx.cookies.reception);
    expect(where.body.structures[0]).toMatchObject({ id: env.fx.structure.id, own: true });
    expect(where.body.structures.slice(1).every((s: { own: boolean }) => !s.own)).toBe(true);
    expect(where.body.structures.map((s: { id: string }) => s.id)).toContain(env.fx.other.id);
    await env.db.prisma.offering.updateMany({ where: { structureId: env.fx.other.id }, data: { bookableBy: "referral" } });
    const closed = await send("GET", "/desk/structures", env.fx.cookies.reception);
    expect(closed.body.structures.map((s: { id: string }) => s.id)).not.toContain(env.fx.other.id);
    await env.db.prisma.offering.updateMany({ where: { structureId: env.fx.other.id }, data: { bookableBy: "public" } });
    const asOutsider = `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;
    const elsewhere = await send("GET", `/desk/offerings?structure=${env.fx.structure.id}`, asOutsider);
    expect(elsewhere.body.structure.offerings.map((o: { id: string }) => o.id)).not.toContain(env.fx.offering.id);
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "public" } });
  });

  it("sees slots the public cannot book: inside the notice, beyond the horizon", async () => {
    const today = await deskSlots(`offering=${env.fx.offering.id}`);
    expect(today.status).toBe(200);
    // 9 h 00 is now: inside the public's two hours of notice, open to someone at the desk.
    expect(today.body.slots[0]).toMatchObject({
      start: "2026-10-26T09:00:00+01:00",
      advisor: { id: env.fx.advisor.id },
      site: { name: "Lille Centre" },
    });
    const publicSlots = await (
      await env.app.request(
        `/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=2026-10-26&to=2026-10-26`,
      )
    ).json();
    expect(publicSlots.slots[0].start).toBe("2026-10-26T11:00:00+01:00");
    const farAway = await deskSlots(`offering=${env.fx.offering.id}&from=2027-03-01`);
    expect(farAway.body.slots[0].start).toBe("2027-03-01T09:00:00+01:00");
    expect(farAway.body.slots).toHaveLength(20);
  });

  it("books a walk-in known only by phone in one call: no e-mail to them, the advisor told, a link to print", async () => {
    const [slot] = (await deskSlots(`offering=${env.fx.offering.id}`)).body.slots;
    const res = await book(env.fx.cookies.reception, {
      slotKey: slot.key,
      person: { firstName: "Karim", lastName: "Benali", phone: "06 98 76 54 32" },
    });
    expect(res.status).toBe(201);
    expect(res.body.appointment).toMatchObject({
      start: "2026-10-26T09:00:00+01:00",
      service: { name: "Information-conseil VAE" },
    });
    expect(res.body.manageUrl).toMatch(/\/rdv\/[A-Za-z0-9_-]{22}$/);
    expect(res.body).toMatchObject({ advisor: { firstName: "Claire", lastName: "Martin" }, confirmationSent: false });
    const stored = await env.db.prisma.appointment.findUniqueOrThrow({
      where: { id: res.body.appointment.id },
      include: { person: true },
    });
    expect([stored.channel, stored.bookedById, stored.person.phone, stored.person.email]).toEqual([
      "reception",
      env.fx.users.reception.id,
      "0698765432",
      null,
    ]);
    const messages = await env.db.prisma.outboxMessage.findMany({ where: { appointmentId: stored.id } });
    expect(messages.map((m) => [m.type, m.recipient])).toEqual([["advisor.booked", env.fx.advisor.email]]);

    const found = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=06 98 76`, env.fx.cookies.reception);
    expect(found.body.people).toEqual([
      expect.objectContaining({ id: stored.personId, firstName: "Karim", phone: "0698765432" }),
    ]);
    for (const q of ["Karim Benali", "benali karim", "+33 6 98 76 54 32", "06.98.76"]) {
      const again = await send(
        "GET",
        `/desk/people?structure=${env.fx.structure.id}&q=${encodeURIComponent(q)}`,
        env.fx.cookies.reception,
      );
      expect(
        again.body.people.map((p: { id: string }) => p.id),
        q,
      ).toEqual([stored.personId]);
    }
    const nobody = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=Karim%20Martin`, env.fx.cookies.reception);
    expect(nobody.body.people).toEqual([]);
    const elsewhere = await send("GET", `/desk/people?structure=${env.fx.other.id}&q=Benali`, env.fx.cookies.reception);
    expect(elsewhere.status).toBe(404);
  });

  it("books a walk-in into a collective session: a seat taken, the seats left one fewer", async () => {
    const [session] = (await deskSlots(`offering=${env.fx.collective.offeringId}`)).body.slots;
    expect(session.seatsLeft).toBe(12);
    const res = await book(env.fx.cookies.reception, {
      slotKey: session.key,
      person: { firstName: "Inès", lastName: "Moreau", phone: "06 11 22 33 44" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.appointment).toMatchObject({ start: session.start, collective: true });
    const [after] = (await deskSlots(`offering=${env.fx.collective.offeringId}`)).body.slots;
    expect(after).toMatchObject({ start: session.start, seatsLeft: 11 });
  });

  it("finds people by what was typed, « % » and « _ » included, not as wildcards", async () => {
    const [slot] = (await deskSlots(`offering=${env.fx.offering.id}&from=2026-11-02`)).body.slots;
    const booked = await book(env.fx.cookies.reception, {
      slotKey: slot.key,
      person: { firstName: "Jean", lastName: "Dupont", email: "jean_dupont@example.org" },
    });
    expect(booked.status).toBe(201);
    const search = async (q: string) =>
      (
        await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=${encodeURIComponent(q)}`, env.fx.cookies.reception)
      ).body.people.map((p: { lastName: string }) => p.lastName);
    expect(await search("n_d")).toEqual(["Dupont"]);
    for (const wildcard of ["%%", "__", "n%d", "jean_d_pont"]) expect(await search(wildcard), wildcard).toEqual([]);
    const users = await send("GET", "/admin/users?q=%25", env.fx.cookies.regionalAdmin);
    expect(users.body.users).toEqual([]);
  });

  it("books someone with no contact at all, and e-mails someone who has an address", async () => {
    const [first, second] = await distinctTimes(`offering=${env.fx.offering.id}&from=2026-10-27`);
    const nobody = await book(env.fx.cookies.reception, {
      slotKey: first.key,
      person: { firstName: "Paul", lastName: "Martin" },
    });
    expect(nobody.status).toBe(201);
    const mailed = await book(env.fx.cookies.reception, {
      slotKey: second.key,
      person: { firstName: "Inès", lastName: "Moreau", email: "ines.moreau@example.org" },
    });
    // Tomorrow 9 h 00: the reminder two days before is already past, the one three hours before is due.
    const messages = await env.db.prisma.outboxMessage.findMany({ where: { appointmentId: mailed.body.appointment.id } });
    expect(messages.map((m) => m.type).sort()).toEqual(["advisor.booked", "appointment.booked", "appointment.reminder"]);
  });

  it("e-mails the confirmation afterwards: the same private link while the desk holds it, else a new one", async () => {
    const [slot] = await distinctTimes(`offering=${env.fx.offering.id}&from=2026-11-04`);
    const booked = await book(env.fx.cookies.reception, { slotKey: slot.key, person: { firstName: "Sami", lastName: "Diallo" } });
    const id = booked.body.appointment.id as string;
    const token = (booked.body.manageUrl as string).split("/rdv/")[1];
    const confirm = (body: object, cookie = env.fx.cookies.reception) =>
      send("POST", `/agenda/appointments/${id}/confirmation`, cookie, body);
    const typeOf = async () =>
      (await env.db.prisma.outboxMessage.findMany({ where: { appointmentId: id }, orderBy: { createdAt: "asc" } })).map((m) => [
        m.type,
        m.recipient,
        m.status,
      ]);

    const noAddress = await confirm({});
    expect([noAddress.status, noAddress.body.error.fields.email]).toEqual([422, expect.stringMatching(/adresse/)]);
    expect((await confirm({ email: "pas une adresse" })).body.error.fields.email).toBeDefined();

    const sent = await confirm({ email: " Sami.Diallo@Example.org ", manageToken: token });
    expect(sent.body).toEqual({ sentTo: "sami.diallo@example.org", manageUrl: booked.body.manageUrl, newLink: false });
    const person = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { person: true } });
    expect(person.person.email).toBe("sami.diallo@example.org");
    const confirmation = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: id, type: "appointment.booked" },
    });
    const payload = messageOf(confirmation);
    expect(payload.text).toContain(booked.body.manageUrl);
    expect(payload.ics?.method).toBe("REQUEST");
    // Their reminders now, and no second notice to the advisor.
    expect(await typeOf()).toEqual([
      ["advisor.booked", env.fx.advisor.email, "pending"],
      ["appointment.booked", "sami.diallo@example.org", "pending"],
      ["appointment.reminder", "sami.diallo@example.org", "pending"],
      ["appointment.reminder", "sami.diallo@example.org", "pending"],
    ]);

    // Sent again without the link (from the agenda, days later): a new link, the old one dead,
    // the pending reminders replaced rather than doubled.
    const again = await confirm({});
    expect(again.body).toMatchObject({ sentTo: "sami.diallo@example.org", newLink: true });
    expect(again.body.manageUrl).not.toBe(booked.body.manageUrl);
    expect((await env.app.request(`/api/manage/${token}`)).status).toBe(404);
    const renewed = (again.body.manageUrl as string).split("/rdv/")[1];
    expect((await env.app.request(`/api/manage/${renewed}`)).status).toBe(200);
    const pending = (await typeOf()).filter(([type, , status]) => type === "appointment.reminder" && status === "pending");
    expect(pending).toHaveLength(2);
    const events = await env.db.prisma.auditEvent.findMany({ where: { entityId: id, action: "appointment.confirmation" } });
    expect(events.map((e) => (e.details as { fields: string[] }).fields)).toEqual([["email"], ["manageToken"]]);
    expect(JSON.stringify(events)).not.toContain("sami");

    // Not for staff of another structure — even the one who booked it there, once they no
    // longer hold its private link; nothing to confirm once cancelled.
    const outsider = `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;
    expect((await confirm({}, outsider)).status).toBe(404);
    await env.db.prisma.appointment.update({ where: { id }, data: { bookedById: env.fx.otherAdvisor.id } });
    expect((await confirm({ manageToken: token }, outsider)).status).toBe(404);
    expect((await confirm({ manageToken: renewed }, outsider)).status).toBe(200);
    await send("POST", `/agenda/appointments/${id}/cancel`, env.fx.cookies.reception, { reason: "Erreur de saisie" });
    const cancelled = await confirm({});
    expect([cancelled.status, cancelled.body.error.message]).toEqual([409, expect.stringMatching(/annulé/)]);
    const over = await env.db.prisma.appointment.create({
      data: {
        ...(({ id: _, manageTokenHash: __, ...rest }) => rest)(
          await env.db.prisma.appointment.findUniqueOrThrow({ where: { id } }),
        ),
        status: "booked",
        startsAt: new Date("2026-10-26T07:00:00Z"),
        endsAt: new Date("2026-10-26T07:30:00Z"),
      },
    });
    const ended = await send("POST", `/agenda/appointments/${over.id}/confirmation`, env.fx.cookies.reception, {});
    expect([ended.status, ended.body.error.message]).toEqual([409, expect.stringMatching(/terminé/)]);
  });

  it("books once per Idempotency-Key, and says when the slot was taken meanwhile", async () => {
    const [slot] = await distinctTimes(`offering=${env.fx.offering.id}&from=2026-10-28`);
    const body = { slotKey: slot.key, person: { firstName: "Léo", lastName: "Petit" } };
    const key = randomUUID();
    const [a, b] = [await book(env.fx.cookies.reception, body, key), await book(env.fx.cookies.reception, body, key)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.appointment.id).toBe(a.body.appointment.id);
    const taken = await book(env.fx.cookies.reception, { ...body, person: { firstName: "Zoé", lastName: "Roux" } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("SLOT_TAKEN");
  });

  it("lets the advisor book a follow-up for the same person in one step", async () => {
    const [slot, next] = await distinctTimes(`offering=${env.fx.offering.id}&from=2026-11-02`);
    const first = await book(env.fx.cookies.reception, { slotKey: slot.key, person: { firstName: "Nora", lastName: "Haddad" } });
    const advisor = `rdv-session=${await openSession(env.db, env.fx.advisor.id, clock.now())}`;
    const followUp = await book(advisor, { slotKey: next.key, followUpOf: first.body.appointment.id, channel: "advisor" });
    expect(followUp.status).toBe(201);
    const stored = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: followUp.body.appointment.id } });
    const original = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: first.body.appointment.id } });
    expect([stored.personId, stored.followUpOfId, stored.channel]).toEqual([original.personId, original.id, "advisor"]);
  });

  it("refuses what is not the desk's to book, naming the field", async () => {
    await env.db.prisma.offering.update({ where: { id: env.fx.other.offerings[0]?.id }, data: { bookableBy: "referral" } });
    const key = encodeSlotKey({
      offeringId: env.fx.other.offerings[0]?.id ?? "",
      advisorId: env.fx.otherAdvisor.id,
      siteId: null,
      mode: "phone",
      start: new Date("2026-11-03T09:00:00Z"),
    });
    const refused = await book(env.fx.cookies.reception, { slotKey: key, person: { firstName: "A", lastName: "B" } });
    expect(refused.body.error.fields.slotKey).toMatch(/orientations/);
    expect((await deskSlots(`offering=${env.fx.other.offerings[0]?.id}`)).status).toBe(403);
    const stranger = await book(env.fx.cookies.reception, { slotKey: key, person: { id: randomUUID() } });
    expect(stranger.body.error.fields["person.id"]).toMatch(/introuvable/);
    const extra = await book(env.fx.cookies.reception, {
      slotKey: key,
      person: { firstName: "A", lastName: "B" },
      status: "booked",
    });
    expect(extra.status).toBe(422);
    const both = await book(env.fx.cookies.reception, {
      slotKey: key,
      person: { firstName: "A", lastName: "B" },
      followUpOf: randomUUID(),
    });
    expect([both.status, both.body.error.fields.person]).toEqual([422, expect.stringMatching(/suivi/)]);
    expect((await book(env.fx.cookies.referrer, { slotKey: key, person: { firstName: "A", lastName: "B" } })).status).toBe(403);
  });
});
