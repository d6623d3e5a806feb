import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { sweepReferrals } from "../../server/features/referrals/sweep.ts";
import { messageOf, smsOf } from "../helpers/app.ts";
import { SWEEP_CONFIG, useReferrals } from "../helpers/referrals.ts";

// A referral's life through the API: a partner refers someone to the PIC VAE of Lille, which
// answers from its inbox; the meeting is booked by the referrer, or by the person with their
// invitation; what became of it flows back. What is refused is in referrals.error.test.ts, who
// may see and answer a referral in referrals.security.test.ts.
const { clock, env, send, at, refer, detail, post, kinds, firstSlot } = useReferrals();

describe("a referral", () => {
  it("is booked directly by the referrer; the outcome flows back, never the target's notes", async () => {
    const id = await refer();
    expect((await detail(id)).body.referral).toMatchObject({
      status: "sent",
      from: { name: "CCAS de Roubaix" },
      to: { name: "Point Info Conseil VAE de Lille" },
      person: { firstName: "Nadia", phone: "06 12 34 56 78" },
      can: { accept: false, book: true, invite: true, waitlist: false },
    });
    // The referrer books with the public notice: 9 h 00 is now, the first slot is later.
    const offered = (await send("GET", `/referrals/${id}/slots`, env.fx.cookies.referrer)).body.slots as {
      start: string;
      siteId: string | null;
      mode: string;
      advisor?: unknown;
    }[];
    expect(offered[0]?.advisor).toBeUndefined();
    expect(new Set(offered.map((s) => `${s.start}|${s.siteId}|${s.mode}`)).size).toBe(offered.length);
    expect((await detail(id)).body.referral.createdAt).toBe("2026-10-26T09:00:00+01:00");
    const slot = await firstSlot(id);
    expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.parse("2026-10-26T11:00:00+01:00"));
    const key = randomUUID();
    const booked = await post(`/referrals/${id}/booking`, env.fx.cookies.referrer, { slotKey: slot.key }, key);
    expect(booked.body).toMatchObject({ appointment: { id: expect.any(String) } });
    const again = await post(`/referrals/${id}/booking`, env.fx.cookies.referrer, { slotKey: slot.key }, key);
    expect(again.body.appointment.id).toBe(booked.body.appointment.id);
    const appointment = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: booked.body.appointment.id } });
    expect([appointment.channel, appointment.bookedById]).toEqual(["referral", env.fx.users.referrer.id]);
    expect((await detail(id)).body.referral.status).toBe("booked");

    // The advisor writes notes and marks the meeting honoured once it has started (sessions of then).
    await env.db.prisma.appointment.update({
      where: { id: appointment.id },
      data: { notes: "Dossier recevable, livret 1 à préparer." },
    });
    at(appointment.startsAt.toISOString());
    try {
      const advisor = `rdv-session=${await openSession(env.db, env.fx.advisor.id, clock.now())}`;
      const referrer = `rdv-session=${await openSession(env.db, env.fx.users.referrer.id, clock.now())}`;
      expect((await post(`/agenda/appointments/${appointment.id}/outcome`, advisor, { outcome: "honoured" })).status).toBe(200);
      const followed = await detail(id, referrer);
      expect(followed.body.referral.status).toBe("honoured");
      expect(await kinds(id, referrer)).toEqual(["created", "booked", "outcome"]);
      expect(JSON.stringify(followed.body)).not.toContain("livret");
      expect(JSON.stringify((await send("GET", "/referrals?box=sent", referrer)).body)).not.toContain("livret");
    } finally {
      at("2026-10-26T08:00:00Z");
    }
  });

  it("invites the person, who books with the printed code, « referral only » included; a second booking is refused", async () => {
    // Closed to the public: only a referral opens it.
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "referral" } });
    const id = await refer();
    const invited = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false, days: 10 });
    expect(invited.status).toBe(200);
    expect(invited.body.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(invited.body.sentTo).toBeNull();
    const stored = await env.db.prisma.referral.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored)).not.toContain(invited.body.code);

    // Typed in lower case with spaces: still the code.
    const typed = invited.body.code.toLowerCase().replace(/-/g, " ");
    const open = await env.app.request(`/api/invitations/${encodeURIComponent(typed)}`);
    expect(open.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await open.json()).invitation).toMatchObject({
      firstName: "Nadia",
      from: { name: "CCAS de Roubaix" },
      service: { slug: "information-conseil-vae" },
      state: "open",
    });
    const slots = await (await env.app.request(`/api/invitations/${invited.body.code}/slots`)).json();
    expect(slots.slots[0].advisor).toBeUndefined();
    // One per time and place, and a later day on asking.
    const places = slots.slots.map(
      (x: { start: string; siteId: string | null; mode: string }) => `${x.start}|${x.siteId}|${x.mode}`,
    );
    expect(new Set(places).size).toBe(places.length);
    const later = await (await env.app.request(`/api/invitations/${invited.body.code}/slots?from=2026-11-16`)).json();
    expect(later.slots[0].start.slice(0, 10)).toBe("2026-11-16");
    const publicly = await post(
      "/bookings",
      "",
      {
        slotKey: slots.slots[0].key,
        person: { firstName: "Quelqu'un", lastName: "Autre", phone: "0611111111" },
        noticeAccepted: true,
      },
      randomUUID(),
    );
    expect(publicly.body.error.fields.slotKey).toMatch(/en ligne/);
    const book = (slotKey: string, key = randomUUID()) =>
      post(
        `/invitations/${invited.body.code}/booking`,
        "",
        { slotKey, noticeAccepted: true, phone: "0698765432", smsReminders: false },
        key,
      );
    const booked = await book(slots.slots[0].key);
    expect(booked.status).toBe(201);
    expect(booked.body.manageUrl).toMatch(/\/rdv\//);
    const second = await book(slots.slots[1].key);
    expect([second.status, second.body.error.message]).toEqual([409, expect.stringMatching(/déjà pris/)]);
    expect((await detail(id)).body.referral.status).toBe("booked");
    expect(await kinds(id)).toEqual(["created", "invited", "booked"]);
    const person = await env.db.prisma.person.findFirstOrThrow({ where: { referrals: { some: { id } } } });
    expect([person.phone, person.smsReminders]).toEqual(["+33698765432", false]);
    expect(person.noticeAcceptedAt).not.toBeNull();
    // « Recevoir les rappels par SMS » unticked: nothing texted.
    expect(
      await env.db.prisma.outboxMessage.count({ where: { appointmentId: booked.body.appointment.id, channel: "sms" } }),
    ).toBe(0);
    const appointment = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: booked.body.appointment.id } });
    expect([appointment.channel, appointment.bookedById]).toEqual(["referral", null]);
    await env.db.prisma.offering.update({ where: { id: env.fx.offering.id }, data: { bookableBy: "public" } });

    // The person did not come: the referrer reads it (sessions of that day).
    at(appointment.startsAt.toISOString());
    try {
      const reception = `rdv-session=${await openSession(env.db, env.fx.users.reception.id, clock.now())}`;
      const referrer = `rdv-session=${await openSession(env.db, env.fx.users.referrer.id, clock.now())}`;
      await post(`/agenda/appointments/${appointment.id}/outcome`, reception, { outcome: "no_show" });
      expect((await detail(id, referrer)).body.referral.status).toBe("no_show");
    } finally {
      at("2026-10-26T08:00:00Z");
    }
  });

  it("books once when the referrer and the person book at the same moment", async () => {
    const id = await refer();
    const invited = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false });
    const slots = (await (await env.app.request(`/api/invitations/${invited.body.code}/slots`)).json()).slots;
    const results = await Promise.all([
      post(`/invitations/${invited.body.code}/booking`, "", { slotKey: slots[0].key, noticeAccepted: true }, randomUUID()),
      post(`/referrals/${id}/booking`, env.fx.cookies.referrer, { slotKey: slots[1].key }, randomUUID()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await env.db.prisma.appointment.count({ where: { person: { referrals: { some: { id } } } } })).toBe(1);
  });

  it("sends the invitation by e-mail with a reminder that booking withdraws", async () => {
    const id = await refer();
    const invited = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: true });
    expect(invited.body.sentTo).toBe("nadia.benamar@example.org");
    const messages = await env.db.prisma.outboxMessage.findMany({ where: { referralId: id }, orderBy: { dueAt: "asc" } });
    expect(messages.map((m) => [m.type, m.dueAt.toISOString()])).toEqual([
      ["referral.invitation", "2026-10-26T08:00:00.000Z"],
      ["referral.reminder", "2026-10-29T08:00:00.000Z"],
    ]);
    const token = invited.body.url.split("#")[1];
    expect(messages[0] && messageOf(messages[0]).text).toContain(token);
    expect(JSON.stringify(await env.db.prisma.referral.findUniqueOrThrow({ where: { id } }))).not.toContain(token);

    // A new invitation replaces the first: its link dies, its pending messages are withdrawn.
    const renewed = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: true });
    expect((await env.app.request(`/api/invitations/${token}`)).status).toBe(404);
    const slots = await (await env.app.request(`/api/invitations/${renewed.body.url.split("#")[1]}/slots`)).json();
    await post(
      `/invitations/${renewed.body.url.split("#")[1]}/booking`,
      "",
      { slotKey: slots.slots[0].key, noticeAccepted: true },
      randomUUID(),
    );
    // Booked: nothing left to send about the invitation (here not even its e-mail, still queued).
    const left = await env.db.prisma.outboxMessage.findMany({ where: { referralId: id, status: "pending" } });
    expect(left).toEqual([]);
  });

  it("reprints the running invitation's slip: a new code, the same link, the pending SMS carrying the new code", async () => {
    const id = await refer();
    const reprint = () => post(`/referrals/${id}/invitation/reprint`, env.fx.cookies.referrer, {});
    const none = await reprint();
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe("Aucune invitation en cours : envoyez-en une nouvelle.");

    const texted = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false, sms: true });
    const token = texted.body.url.split("#")[1];
    const again = await reprint();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ expiresAt: texted.body.expiresAt, sentTo: null, textedTo: null });
    expect(again.body.url).toMatch(/\/invitation$/);
    expect(again.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(again.body.code).not.toBe(texted.body.code);
    // The old code is dead, the new one and the link open the invitation.
    expect((await env.app.request(`/api/invitations/${texted.body.code}`)).status).toBe(404);
    expect((await env.app.request(`/api/invitations/${again.body.code}`)).status).toBe(200);
    expect((await env.app.request(`/api/invitations/${token}`)).status).toBe(200);
    // The SMS not yet sent say the new code, and still the link.
    const pending = await env.db.prisma.outboxMessage.findMany({ where: { referralId: id, status: "pending" } });
    expect(pending.map((m) => m.type).sort()).toEqual(["referral.invitation", "referral.reminder"]);
    for (const message of pending) {
      const text = smsOf(message)?.sms.text ?? "";
      expect(text).not.toContain(texted.body.code);
      expect(text).toContain(token);
    }
    const invitationSms = pending.find((m) => m.type === "referral.invitation");
    expect(invitationSms && smsOf(invitationSms)?.sms.text).toContain(again.body.code);
    const timeline = (await detail(id)).body.referral.timeline as { kind: string; detail: string }[];
    expect(timeline.at(-1)).toMatchObject({ kind: "invited", detail: "feuillet réimprimé, nouveau code" });
    expect(await env.db.prisma.auditEvent.count({ where: { action: "referral.reprint", entityId: id } })).toBe(1);
  });

  it("sends the invitation by SMS to the person's mobile, with the code and a reminder, both withdrawn like the e-mail's", async () => {
    const id = await refer();
    expect((await detail(id)).body.referral.person).toMatchObject({ phone: "06 12 34 56 78", textable: true });
    const texted = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false, sms: true });
    expect(texted.status).toBe(200);
    expect(texted.body).toMatchObject({ sentTo: null, textedTo: "06 12 34 56 78" });
    const rows = () =>
      env.db.prisma.outboxMessage.findMany({ where: { referralId: id }, orderBy: [{ createdAt: "asc" }, { dueAt: "asc" }] });
    const first = await rows();
    expect(first.map((m) => [m.type, m.channel, m.recipient, m.dueAt.toISOString(), m.status])).toEqual([
      ["referral.invitation", "sms", "+33612345678", "2026-10-26T08:00:00.000Z", "pending"],
      ["referral.reminder", "sms", "+33612345678", "2026-10-29T08:00:00.000Z", "pending"],
    ]);
    const token = texted.body.url.split("#")[1];
    const [invitationSms, reminderSms] = first.map((m) => smsOf(m));
    expect(invitationSms?.sms.text).toContain(token);
    expect(invitationSms?.sms.text).toContain(texted.body.code);
    expect(invitationSms?.zone).toBe("Europe/Paris");
    expect(reminderSms?.sms.text).toMatch(/pas encore pris RDV/);
    expect(invitationSms?.sms.segments).toBeLessThanOrEqual(2);
    const timeline = async () =>
      ((await detail(id)).body.referral.timeline as { kind: string; detail: string }[]).filter((e) => e.kind !== "created");
    expect(await timeline()).toEqual([expect.objectContaining({ kind: "invited", detail: "par SMS au 06 12 34 56 78" })]);

    // Both ways: the previous SMS are withdrawn, the new ones go with the e-mails.
    const both = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: true, sms: true });
    expect(both.body).toMatchObject({ sentTo: "nadia.benamar@example.org", textedTo: "06 12 34 56 78" });
    const second = await rows();
    expect(second.slice(0, 2).map((m) => m.status)).toEqual(["cancelled", "cancelled"]);
    expect(
      second
        .filter((m) => m.status === "pending")
        .map((m) => [m.type, m.channel])
        .sort(),
    ).toEqual([
      ["referral.invitation", "email"],
      ["referral.invitation", "sms"],
      ["referral.reminder", "email"],
      ["referral.reminder", "sms"],
    ]);
    expect((await timeline()).at(-1)?.detail).toBe("par courriel à nadia.benamar@example.org et par SMS au 06 12 34 56 78");

    // Both reminders sent: one step of the timeline, saying both ways.
    await env.db.prisma.outboxMessage.updateMany({
      where: { referralId: id, type: "referral.reminder", status: "pending" },
      data: { status: "sent", sentAt: new Date("2026-10-29T08:00:05Z") },
    });
    expect(await sweepReferrals(env.db, new Date("2026-10-29T09:00:00Z"), SWEEP_CONFIG)).toMatchObject({ reminded: 1 });
    expect((await timeline()).at(-1)).toMatchObject({ kind: "reminded", detail: "rappel envoyé par courriel et par SMS" });

    // Booked with the link: nothing left to send, by either way.
    const link = both.body.url.split("#")[1];
    const slots = await (await env.app.request(`/api/invitations/${link}/slots`)).json();
    const booked = await post(
      `/invitations/${link}/booking`,
      "",
      { slotKey: slots.slots[0].key, noticeAccepted: true },
      randomUUID(),
    );
    expect(booked.status).toBe(201);
    expect(
      await env.db.prisma.outboxMessage.count({
        where: { referralId: id, status: "pending", type: { in: ["referral.invitation", "referral.reminder"] } },
      }),
    ).toBe(0);
  });

  it("texts the invitation sent late in the evening the next morning, not in the night", async () => {
    const id = await refer();
    at("2026-10-26T20:30:00Z"); // 21 h 30 in Paris
    try {
      // A session of the evening: the morning's has gone idle.
      const referrer = `rdv-session=${await openSession(env.db, env.fx.users.referrer.id, clock.now())}`;
      expect((await post(`/referrals/${id}/invitation`, referrer, { email: true, sms: true })).status).toBe(200);
      const sent = await env.db.prisma.outboxMessage.findMany({ where: { referralId: id, type: "referral.invitation" } });
      expect(sent.map((m) => [m.channel, m.dueAt.toISOString()]).sort()).toEqual([
        ["email", "2026-10-26T20:30:00.000Z"],
        ["sms", "2026-10-27T07:00:00.000Z"],
      ]);
    } finally {
      at("2026-10-26T08:00:00Z");
    }
  });

  it("is declined by the target with a reason the referrer reads", async () => {
    const id = await refer();
    expect((await post(`/referrals/${id}/accept`, env.fx.cookies.advisor)).body.referral.status).toBe("accepted");
    const declined = await post(`/referrals/${id}/decline`, env.fx.cookies.advisor, { reason: "Expérience hors du champ VAE." });
    expect(declined.body.referral).toMatchObject({ status: "declined", statusReason: "Expérience hors du champ VAE." });
    const mail = await env.db.prisma.outboxMessage.findFirstOrThrow({ where: { referralId: id, type: "referral.declined" } });
    expect(mail.recipient).toBe("orienteur@staff.test");
    expect(messageOf(mail).text).toContain("Expérience hors du champ VAE.");
    expect((await detail(id)).body.referral.can).toEqual({
      accept: false,
      decline: false,
      redirect: false,
      book: false,
      invite: false,
      // The referrer may send the person elsewhere (referral-inbox.test.ts).
      readdress: true,
      waitlist: false,
    });
    expect(await kinds(id)).toEqual(["created", "accepted", "declined"]);
  });

  it("is redirected to another structure as a linked referral", async () => {
    const id = await refer();
    const next = await post(`/referrals/${id}/redirect`, env.fx.cookies.structureAdmin, {
      toStructureId: env.fx.other.id,
      serviceId: env.fx.services.cep.id,
      reason: "Un conseil en évolution professionnelle d'abord.",
    });
    expect(next.body).toEqual({ id: expect.any(String) });
    const original = (await detail(id)).body.referral;
    expect(original).toMatchObject({ status: "redirected", redirectedTo: { id: next.body.id, structure: "CIO de Roubaix" } });
    const linked = await env.db.prisma.referral.findUniqueOrThrow({ where: { id: next.body.id } });
    expect([linked.fromStructureId, linked.redirectedFromId, linked.status]).toEqual([env.fx.structure.id, id, "sent"]);
    // The CIO's advisor handles it; the first referrer follows it too, without answering for it.
    const cio = `rdv-session=${await openSession(env.db, env.fx.otherAdvisor.id, clock.now())}`;
    expect((await detail(next.body.id, cio)).body.referral.redirectedFrom).toMatchObject({ id });
    expect((await detail(next.body.id)).body.referral).toMatchObject({ status: "sent", can: { accept: false, decline: false } });
  });

  it("expires unused: the referrer is told, the reminder sent goes into the timeline", async () => {
    const id = await refer();
    await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: true, days: 5 });
    // The outbox sends the reminder on 29 October.
    await env.db.prisma.outboxMessage.updateMany({
      where: { referralId: id, type: "referral.reminder" },
      data: { status: "sent", sentAt: new Date("2026-10-29T08:00:05Z") },
    });
    expect(await sweepReferrals(env.db, new Date("2026-10-29T09:00:00Z"), SWEEP_CONFIG)).toMatchObject({ reminded: 1 });
    expect(await sweepReferrals(env.db, new Date("2026-10-31T07:59:00Z"), SWEEP_CONFIG)).toMatchObject({
      expired: 0,
      reminded: 0,
    });
    const [first, second] = await Promise.all([
      sweepReferrals(env.db, new Date("2026-10-31T08:00:00Z"), SWEEP_CONFIG),
      sweepReferrals(env.db, new Date("2026-10-31T08:00:00Z"), SWEEP_CONFIG),
    ]);
    expect(first.expired + second.expired).toBe(1);
    expect((await detail(id)).body.referral.status).toBe("expired");
    expect(await kinds(id)).toEqual(["created", "invited", "reminded", "expired"]);
    const told = await env.db.prisma.outboxMessage.findMany({ where: { referralId: id, type: "referral.expired" } });
    expect(told.map((m) => m.recipient)).toEqual(["orienteur@staff.test"]);
    // Invited again, it is back in the running.
    const again = await post(`/referrals/${id}/invitation`, env.fx.cookies.referrer, { email: false });
    expect(again.status).toBe(200);
    expect((await detail(id)).body.referral.status).toBe("sent");
  });

  it("goes back to accepted when its meeting is cancelled, and can be booked again", async () => {
    const id = await refer();
    const slot = await firstSlot(id, env.fx.cookies.reception);
    const booked = await post(`/referrals/${id}/booking`, env.fx.cookies.reception, { slotKey: slot.key }, randomUUID());
    expect(booked.status).toBe(201);
    await post(`/agenda/appointments/${booked.body.appointment.id}/cancel`, env.fx.cookies.reception, {
      reason: "Conseillère absente",
    });
    expect((await detail(id)).body.referral).toMatchObject({ status: "accepted", appointment: null });
    expect((await kinds(id)).slice(-1)).toEqual(["cancelled"]);
    const next = await firstSlot(id, env.fx.cookies.reception);
    expect((await post(`/referrals/${id}/booking`, env.fx.cookies.reception, { slotKey: next.key }, randomUUID())).status).toBe(
      201,
    );
  });
});
