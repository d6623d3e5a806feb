import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { messageOf } from "../helpers/app.ts";
import { useDesk } from "../helpers/desk.ts";

// The reception desk books for walk-ins and callers; its refusals are in desk.error.test.ts,
// what it must not see or do elsewhere in desk.security.test.ts.
const { clock, env, send, book, deskSlots, distinctTimes, confirm, walkIn } = useDesk();

describe("the reception desk", () => {
  it("lists what it can book in its structure, and what is open to staff elsewhere", async () => {
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "referral" } });
    const own = await send("GET", `/desk/offerings?structure=${env.fx.structure.id}`, env.fx.cookies.reception);
    expect(own.body.structure.offerings.map((o: { id: string }) => o.id)).toContain(env.fx.offering.id);
    expect(own.body.structure.advisors.map((a: { id: string }) => a.id)).toContain(env.fx.advisor.id);
    // Where the desk may book: its own structure first, then others with an offering open to staff.
    const where = await send("GET", "/desk/structures", env.fx.cookies.reception);
    expect(where.body.structures[0]).toMatchObject({ id: env.fx.structure.id, own: true });
    expect(where.body.structures.slice(1).every((s: { own: boolean }) => !s.own)).toBe(true);
    expect(where.body.structures.map((s: { id: string }) => s.id)).toContain(env.fx.other.id);
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

  it("filters the first slots by mode or site before counting twenty", async () => {
    const phone = await deskSlots(`offering=${env.fx.offering.id}&mode=phone`);
    expect(phone.status).toBe(200);
    expect(phone.body.slots).toHaveLength(20);
    expect(new Set(phone.body.slots.map((s: { mode: string }) => s.mode))).toEqual(new Set(["phone"]));
    const here = await deskSlots(`offering=${env.fx.offering.id}&site=${env.fx.site.id}`);
    expect(here.body.slots).toHaveLength(20);
    expect(here.body.slots.every((s: { site: { id: string } | null }) => s.site?.id === env.fx.site.id)).toBe(true);
    // Unfiltered, each time comes on site and by phone: the filter gives twenty distinct times, not ten.
    const all = await deskSlots(`offering=${env.fx.offering.id}`);
    expect(new Set(all.body.slots.map((s: { start: string }) => s.start)).size).toBe(10);
    expect(new Set(phone.body.slots.map((s: { start: string }) => s.start)).size).toBe(20);
    // A site of another structure holds none of this offering's slots.
    const elsewhere = await deskSlots(`offering=${env.fx.offering.id}&site=${env.fx.other.sites[0]?.id}`);
    expect(elsewhere.body.slots).toEqual([]);
    const offerings = await send("GET", `/desk/offerings?structure=${env.fx.structure.id}`, env.fx.cookies.reception);
    expect(offerings.body.structure.sites).toEqual([{ id: env.fx.site.id, name: "Lille Centre" }]);
  });

  it("books with the arrangements ticked, which the agenda shows; an unknown one is named", async () => {
    // Far from the days the other tests book.
    const [slot] = (await deskSlots(`offering=${env.fx.offering.id}&from=2027-02-01`)).body.slots;
    const unknown = await book(env.fx.cookies.reception, {
      slotKey: slot.key,
      person: { firstName: "Anne", lastName: "Roux", phone: "06 11 22 33 44" },
      accessibilityAids: ["wheelchair", "guide_dog"],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields["accessibilityAids.1"]).toMatch(/^aménagement inconnu ; valeurs possibles : wheelchair, /);
    const res = await book(env.fx.cookies.reception, {
      slotKey: slot.key,
      person: { firstName: "Anne", lastName: "Roux", phone: "06 11 22 33 44" },
      accessibilityAids: ["sign_language", "wheelchair"],
      accessibilityNeeds: "Arrive avec un accompagnant",
    });
    expect(res.status).toBe(201);
    const shown = await send("GET", `/agenda/appointments/${res.body.appointment.id}`, env.fx.cookies.reception);
    expect(shown.body.appointment).toMatchObject({
      accessibilityAids: ["sign_language", "wheelchair"],
      accessibilityNeeds: "Arrive avec un accompagnant",
    });
  });

  it("books a walk-in known only by a mobile in one call: no e-mail to them but an SMS, the advisor told, a link to print", async () => {
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
      "+33698765432",
      null,
    ]);
    const messages = await env.db.prisma.outboxMessage.findMany({ where: { appointmentId: stored.id } });
    expect(messages.filter((m) => m.channel === "email").map((m) => [m.type, m.recipient])).toEqual([
      ["advisor.booked", env.fx.advisor.email],
    ]);
    expect(messages.filter((m) => m.channel === "sms" && m.type === "appointment.booked").map((m) => m.recipient)).toEqual([
      "+33698765432",
    ]);

    const found = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=06 98 76`, env.fx.cookies.reception);
    expect(found.body.people).toEqual([
      expect.objectContaining({
        id: stored.personId,
        firstName: "Karim",
        phone: "06 98 76 54 32",
        notifiedBy: "sms",
        told: ["sms"],
      }),
    ]);
    for (const q of ["Karim Benali", "benali karim", "+33 6 98 76 54 32", "0033 (0)6 98 76", "06.98.76", "98 76 54"]) {
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
    // Found again, each says how they hear of their meetings: nobody can tell Paul Martin.
    const found = async (q: string) =>
      (await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=${encodeURIComponent(q)}`, env.fx.cookies.reception))
        .body.people;
    expect(await found("Paul Martin")).toEqual([expect.objectContaining({ phone: null, notifiedBy: "none" })]);
    expect(await found("ines.moreau")).toEqual([expect.objectContaining({ notifiedBy: "email" })]);
  });

  it("e-mails the confirmation afterwards: the same private link while the desk holds it, else a new one", async () => {
    const { id, manageUrl, token } = await walkIn("2026-11-04");
    const typeOf = async () =>
      (await env.db.prisma.outboxMessage.findMany({ where: { appointmentId: id }, orderBy: { createdAt: "asc" } })).map((m) => [
        m.type,
        m.recipient,
        m.status,
      ]);

    const sent = await confirm(id, { email: " Sami.Diallo@Example.org ", manageToken: token });
    expect(sent.body).toEqual({ sentTo: "sami.diallo@example.org", manageUrl, newLink: false });
    const person = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { person: true } });
    expect(person.person.email).toBe("sami.diallo@example.org");
    const confirmation = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: id, type: "appointment.booked" },
    });
    const payload = messageOf(confirmation);
    expect(payload.text).toContain(manageUrl);
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
    const again = await confirm(id, {});
    expect(again.body).toMatchObject({ sentTo: "sami.diallo@example.org", newLink: true });
    expect(again.body.manageUrl).not.toBe(manageUrl);
    expect((await env.app.request(`/api/manage/${token}`)).status).toBe(404);
    const renewed = (again.body.manageUrl as string).split("/rdv/")[1];
    expect((await env.app.request(`/api/manage/${renewed}`)).status).toBe(200);
    const pending = (await typeOf()).filter(([type, , status]) => type === "appointment.reminder" && status === "pending");
    expect(pending).toHaveLength(2);
    const events = await env.db.prisma.auditEvent.findMany({ where: { entityId: id, action: "appointment.confirmation" } });
    expect(events.map((e) => (e.details as { fields: string[] }).fields)).toEqual([["email"], ["manageToken"]]);
    expect(JSON.stringify(events)).not.toContain("sami");
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
});
