import { beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { anonymiseExpired } from "../../server/features/privacy/retention.ts";
import { endDueWaiting } from "../../server/features/waitlist/end-due.ts";
import { messageOf, testDeps } from "../helpers/app.ts";
import { meetingAt, sender, useStaffApp } from "../helpers/staff.ts";

// The waiting lists as a structure's staff see and change them, and what privacy asks of them:
// on the database under test (PGlite, or PostgreSQL with TEST_DATABASE_URL).

const clock = fixedClock("2026-10-26T09:00:00Z"); // Monday 10:00 in Lille
const env = useStaffApp(clock);
const send = sender(env);
const deps = () => testDeps(env.db, { clock });

beforeEach(async () => {
  clock.set("2026-10-26T09:00:00Z");
  await env.db.prisma.waitlistOffer.deleteMany();
  await env.db.prisma.waitlistEntry.deleteMany();
  await env.db.prisma.outboxMessage.deleteMany();
  await env.db.prisma.auditEvent.deleteMany();
  await env.db.prisma.appointment.deleteMany();
});

const list = (cookie: string, query = "") => send("GET", `/agenda/waitlist?structure=${env.fx.structure.id}${query}`, cookie);
const addAtDesk = (cookie: string, body: object) => send("POST", "/agenda/waitlist", cookie, body);
const newcomer = (firstName: string, email?: string) => ({
  offering: env.fx.offering.id,
  person: { firstName, lastName: "Attente", ...(email ? { email } : { phone: "03 20 12 34 56" }) },
});

/** A meeting on 20 November joins the list from the desk, to be brought forward. */
async function waitingWithMeeting(start = "2026-11-20T09:00:00Z") {
  const meeting = await meetingAt(env, start);
  const added = await addAtDesk(env.fx.cookies.reception, { appointmentId: meeting.id });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  return { meeting, entry: added.body.entry };
}

describe("a structure's waiting list", () => {
  it("lists who waits, in join order, with contacts, wishes, meeting, channel and who added them", async () => {
    const first = await waitingWithMeeting();
    const second = await addAtDesk(env.fx.cookies.advisor, {
      ...newcomer("Inès", "ines@example.org"),
      halfDays: ["1am", "3pm"],
      modes: ["phone"],
      until: "2026-12-31",
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);

    const shown = await list(env.fx.cookies.advisor);
    expect(shown.status).toBe(200);
    expect(shown.body.offerings).toContainEqual({
      id: env.fx.offering.id,
      service: { id: env.fx.services.vae.id, name: "Information-conseil VAE" },
      waiting: 2,
    });
    expect(shown.body.entries.map((e: { id: string }) => e.id)).toEqual([first.entry.id, second.body.entry.id]);
    expect(shown.body.entries[0]).toMatchObject({
      person: { firstName: "Léa", lastName: "Durand", phone: "06 12 34 56 78", email: "lea.durand@example.org" },
      meeting: { id: first.meeting.id, start: "2026-11-20T10:00:00+01:00" },
      channel: "reception",
      addedBy: { firstName: "Prénom", lastName: "accueil" },
      offersSent: 0,
      lastOffer: null,
      waiting: true,
    });
    expect(shown.body.entries[1]).toMatchObject({
      person: { firstName: "Inès", email: "ines@example.org" },
      since: "2026-10-26T10:00:00+01:00",
      halfDays: ["1am", "3pm"],
      modes: ["phone"],
      until: "2026-12-31",
      meeting: null,
      addedBy: { lastName: "conseil" },
    });
    // Someone added without a meeting gets their own link to see or leave the list.
    const joined = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { type: "waitlist.joined", recipient: "ines@example.org" },
    });
    expect(messageOf(joined).text).toMatch(/\/attente\/[A-Za-z0-9_-]{22}/);
  });

  it("is the structure's own: another structure's staff get a 404, the referrer a 403", async () => {
    await waitingWithMeeting();
    const other = await send("GET", `/agenda/waitlist?structure=${env.fx.other.id}`, env.fx.cookies.advisor);
    expect(other.body.entries).toBeUndefined();
    expect(other.status).toBe(404);
    const otherAdvisor = await send("GET", `/agenda/waitlist?structure=${env.fx.structure.id}`, env.fx.cookies.sharedAdvisor);
    expect(otherAdvisor.status).toBe(200);
    expect((await list(env.fx.cookies.referrer)).status).toBe(403);
  });

  it("« Retirer »: the slot held for them passes to the next person; audited; hidden unless ended ones are asked for", async () => {
    const first = await waitingWithMeeting("2026-11-20T09:00:00Z");
    const second = await waitingWithMeeting("2026-11-23T09:00:00Z");
    // A meeting cancelled on 4 November frees its time: offered to the first at once.
    const freed = await meetingAt(env, "2026-11-04T09:00:00Z");
    const cancelled = await send("POST", `/agenda/appointments/${freed.id}/cancel`, env.fx.cookies.advisor, {
      reason: "Conseiller absent.",
    });
    expect(cancelled.status).toBe(200);
    const before = await list(env.fx.cookies.reception);
    expect(before.body.entries[0]).toMatchObject({
      offersSent: 1,
      lastOffer: { status: "open", start: "2026-11-04T10:00:00+01:00", holdUntil: "2026-10-26T10:15:00+01:00" },
    });

    const removed = await send("DELETE", `/agenda/waitlist/${first.entry.id}`, env.fx.cookies.reception);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.entry).toMatchObject({ waiting: false, endReason: "removed", lastOffer: { status: "withdrawn" } });
    const after = await list(env.fx.cookies.reception);
    expect(after.body.entries.map((e: { id: string }) => e.id)).toEqual([second.entry.id]);
    // The slot went on to the second, in the same request.
    expect(after.body.entries[0]).toMatchObject({
      offersSent: 1,
      lastOffer: { status: "open", start: "2026-11-04T10:00:00+01:00" },
    });
    const withEnded = await list(env.fx.cookies.reception, "&ended=true");
    expect(withEnded.body.entries.map((e: { id: string }) => e.id)).toEqual([second.entry.id, first.entry.id]);

    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "waitlist.remove" } });
    expect(audit).toMatchObject({ entityId: first.entry.id, actorId: env.fx.users.reception.id });
    expect(JSON.stringify(audit.details)).not.toMatch(/Durand/);
    // Removed twice: already off the list.
    expect((await send("DELETE", `/agenda/waitlist/${first.entry.id}`, env.fx.cookies.reception)).status).toBe(409);
    // Another structure's staff cannot reach the entry.
    expect((await send("DELETE", `/agenda/waitlist/${second.entry.id}`, env.fx.cookies.referrer)).status).toBe(403);
  });
});

describe("added at the desk", () => {
  it("a known person by id, once per offering; a new one without a contact is refused naming the field", async () => {
    const { meeting } = await waitingWithMeeting();
    const known = await addAtDesk(env.fx.cookies.reception, { offering: env.fx.offering.id, person: { id: meeting.personId } });
    // The person already waits with their meeting: a second place would be offered twice.
    expect(known.status).toBe(409);
    expect(known.body.error.message).toBe("Cette personne est déjà sur la liste d'attente de ce service.");

    const stranger = await env.db.prisma.person.create({ data: { firstName: "Yanis", lastName: "Inconnu" } });
    const unknown = await addAtDesk(env.fx.cookies.reception, { offering: env.fx.offering.id, person: { id: stranger.id } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual({ "person.id": "Personne introuvable." });

    const refused = await addAtDesk(env.fx.cookies.reception, {
      offering: env.fx.offering.id,
      person: { firstName: "", lastName: "Martin" },
      halfDays: ["8am"],
    });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.fields).sort()).toEqual(["halfDays.0", "person.firstName"]);
    expect(refused.body.error.labels["halfDays.0"]).toBe("demi-journées possibles");

    const pastDay = await addAtDesk(env.fx.cookies.reception, { ...newcomer("Eva"), until: "2026-10-20" });
    expect(pastDay.status).toBe(422);
    expect(pastDay.body.error.fields).toEqual({ until: "choisissez aujourd'hui ou un jour à venir." });
    const video = await addAtDesk(env.fx.cookies.reception, { ...newcomer("Eva"), modes: ["video"] });
    expect(video.body.error.fields).toEqual({ modes: "ce service ne se tient pas en visio." });
  });

  it("someone added with no meeting is found at the desk afterwards, to be booked without typing them again", async () => {
    const added = await addAtDesk(env.fx.cookies.reception, newcomer("Nadia", "nadia@example.org"));
    expect(added.status).toBe(201);
    const found = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=nadia`, env.fx.cookies.reception);
    expect(found.body.people).toEqual([
      expect.objectContaining({ id: added.body.entry.person.id, lastSeen: null, upcoming: [] }),
    ]);
    // Another structure's desk does not find her.
    const elsewhere = await send("GET", `/desk/people?structure=${env.fx.other.id}&q=nadia`, env.fx.cookies.sharedAdvisor);
    expect(elsewhere.body.people).toEqual([]);
  });

  it("a meeting of theirs, by the manage join's rules: not within two days", async () => {
    const soon = await meetingAt(env, "2026-10-27T09:00:00Z");
    const refused = await addAtDesk(env.fx.cookies.reception, { appointmentId: soon.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^Ce rendez-vous est dans moins de 2 jours/);
    const both = await addAtDesk(env.fx.cookies.reception, { appointmentId: soon.id, offering: env.fx.offering.id });
    expect(both.status).toBe(422);
    expect(Object.keys(both.body.error.fields)).toEqual(["appointmentId"]);
  });
});

describe("added for a referral received", () => {
  const referral = async () => {
    const person = await env.db.prisma.person.create({
      data: { firstName: "Sami", lastName: "Orienté", email: "sami@example.org" },
    });
    return env.db.prisma.referral.create({
      data: {
        fromStructureId: env.fx.partner.id,
        referrerId: env.fx.users.referrer.id,
        toStructureId: env.fx.structure.id,
        serviceId: env.fx.services.vae.id,
        personId: person.id,
        need: "Projet VAE.",
        consentAt: new Date("2026-10-26T08:00:00Z"),
      },
    });
  };

  it("the receiving structure puts the person on its list for the service asked; its sender cannot", async () => {
    const r = await referral();
    const bySender = await send("POST", `/referrals/${r.id}/waitlist`, env.fx.cookies.referrer, {});
    expect(bySender.status).toBe(403);
    const added = await send("POST", `/referrals/${r.id}/waitlist`, env.fx.cookies.reception, { halfDays: ["2am"] });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.entry).toMatchObject({
      person: { firstName: "Sami" },
      service: { name: "Information-conseil VAE" },
      channel: "referral",
      halfDays: ["2am"],
    });
    expect(await env.db.prisma.outboxMessage.count({ where: { type: "waitlist.joined", recipient: "sami@example.org" } })).toBe(
      1,
    );
    const again = await send("POST", `/referrals/${r.id}/waitlist`, env.fx.cookies.reception, {});
    expect(again.status).toBe(409);
    // The referral says so, to both sides, and offers it no more.
    for (const cookie of [env.fx.cookies.reception, env.fx.cookies.referrer]) {
      const shown = (await send("GET", `/referrals/${r.id}`, cookie)).body.referral;
      expect(shown.waitingSince).toBe("2026-10-26T10:00:00+01:00");
      expect(shown.can.waitlist).toBe(false);
    }
    // Once booked, the referral has nothing to wait for.
    await env.db.prisma.referral.update({ where: { id: r.id }, data: { status: "booked" } });
    expect((await send("POST", `/referrals/${r.id}/waitlist`, env.fx.cookies.reception, {})).status).toBe(409);
  });

  it("an offer the person takes books the referral's meeting: the referral is booked, its timeline says how", async () => {
    const r = await referral();
    expect((await send("POST", `/referrals/${r.id}/waitlist`, env.fx.cookies.reception, {})).status).toBe(201);
    const freed = await meetingAt(env, "2026-11-04T09:00:00Z");
    await send("POST", `/agenda/appointments/${freed.id}/cancel`, env.fx.cookies.advisor, { reason: "Conseiller absent." });
    const offer = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { type: "waitlist.offer", recipient: "sami@example.org" },
    });
    const token = /\/offre\/([A-Za-z0-9_-]{22})/.exec(messageOf(offer).text)?.[1];
    const taken = await env.app.request(`/api/offers/${token}/accept`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(taken.status, await taken.clone().text()).toBe(200);
    const { appointment } = await taken.json();
    const booked = await env.db.prisma.referral.findUniqueOrThrow({ where: { id: r.id }, include: { events: true } });
    expect(booked).toMatchObject({ status: "booked", appointmentId: appointment.id });
    expect(booked.events.map((e) => e.detail)).toContain("par la personne, sur une proposition de la liste d'attente");
  });

  it("booked otherwise (the referrer books it), the referral's place on the list ends", async () => {
    const r = await referral();
    expect((await send("POST", `/referrals/${r.id}/waitlist`, env.fx.cookies.reception, {})).status).toBe(201);
    const { slots } = (await send("GET", `/referrals/${r.id}/slots`, env.fx.cookies.referrer)).body;
    const res = await env.app.request(`/api/referrals/${r.id}/booking`, {
      method: "POST",
      headers: { Cookie: env.fx.cookies.referrer, "Content-Type": "application/json", "Idempotency-Key": `wl-${r.id}` },
      body: JSON.stringify({ slotKey: slots[0].key }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await env.db.prisma.waitlistEntry.findFirstOrThrow({ where: { referralId: r.id } })).toMatchObject({
      endReason: "meeting",
    });
  });
});

describe("privacy", () => {
  it("erasure takes the person off every list, in its transaction: the slot they held goes to the next", async () => {
    const first = await addAtDesk(env.fx.cookies.reception, newcomer("Inès", "ines@example.org"));
    const second = await waitingWithMeeting("2026-11-23T09:00:00Z");
    const freed = await meetingAt(env, "2026-11-04T09:00:00Z");
    await send("POST", `/agenda/appointments/${freed.id}/cancel`, env.fx.cookies.advisor, { reason: "Absent." });
    const held = await env.db.prisma.waitlistOffer.findFirstOrThrow({ where: { status: "open" } });
    expect(held.entryId).toBe(first.body.entry.id);

    const personId = (await env.db.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: first.body.entry.id } })).personId;
    // The structure admin sees her (she waits on its list) and may erase her.
    const erased = await send("POST", `/people/${personId}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const entry = await env.db.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: first.body.entry.id } });
    expect(entry).toMatchObject({ endReason: "erased", tokenHash: null });
    expect((await env.db.prisma.waitlistOffer.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("withdrawn");
    const passed = await env.db.prisma.waitlistOffer.findFirstOrThrow({ where: { status: "open" } });
    expect(passed.entryId).toBe(second.entry.id);
    // Her list messages (name, link) are gone with her.
    expect(await env.db.prisma.outboxMessage.count({ where: { recipient: "ines@example.org" } })).toBe(0);
    expect(await env.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({
      firstName: "Personne",
      email: null,
    });
  });

  it("a daily task ends the waits that are over: the meeting began (or got an outcome), the chosen day passed", async () => {
    const started = await waitingWithMeeting("2026-11-02T09:00:00Z");
    const later = await waitingWithMeeting("2026-11-20T09:00:00Z");
    const until = await addAtDesk(env.fx.cookies.reception, { ...newcomer("Eva"), until: "2026-10-31" });
    const open = await addAtDesk(env.fx.cookies.reception, newcomer("Yves"));

    clock.set("2026-11-01T12:00:00Z");
    expect(await endDueWaiting(deps(), clock.now())).toEqual({ meeting: 0, expired: 1 });
    clock.set("2026-11-02T12:00:00Z");
    await env.db.prisma.appointment.update({ where: { id: later.meeting.id }, data: { status: "cancelled" } });
    expect(await endDueWaiting(deps(), clock.now())).toEqual({ meeting: 2, expired: 0 });

    const ends = await env.db.prisma.waitlistEntry.findMany({ select: { id: true, endReason: true } });
    const reason = (id: string) => ends.find((e) => e.id === id)?.endReason;
    expect(reason(started.entry.id)).toBe("meeting");
    expect(reason(later.entry.id)).toBe("meeting");
    expect(reason(until.body.entry.id)).toBe("expired");
    expect(reason(open.body.entry.id)).toBeNull();
  });

  it("retention waits for a person's places to be over, then anonymises them, the entries kept for the figures", async () => {
    const waiting = await addAtDesk(env.fx.cookies.reception, newcomer("Eva"));
    const personId = (await env.db.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.body.entry.id } })).personId;
    await env.db.prisma.person.update({ where: { id: personId }, data: { lastActivityAt: new Date("2020-01-01T00:00:00Z") } });
    const run = () => anonymiseExpired(deps(), clock.now());
    await run();
    expect((await env.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).anonymisedAt).toBeNull();

    await env.db.prisma.waitlistEntry.update({
      where: { id: waiting.body.entry.id },
      data: { endedAt: new Date("2020-02-01T00:00:00Z"), endReason: "expired" },
    });
    await run();
    expect((await env.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).anonymisedAt).not.toBeNull();
    expect(await env.db.prisma.waitlistEntry.findUniqueOrThrow({ where: { id: waiting.body.entry.id } })).toMatchObject({
      personId,
      tokenHash: null,
    });
  });

  it("the person's export lists their places on the structure's lists and the offers made", async () => {
    const { meeting, entry } = await waitingWithMeeting("2026-11-20T09:00:00Z");
    const freed = await meetingAt(env, "2026-11-04T09:00:00Z");
    await send("POST", `/agenda/appointments/${freed.id}/cancel`, env.fx.cookies.advisor, { reason: "Absent." });
    const exported = await send("GET", `/people/${meeting.personId}/export`, env.fx.cookies.structureAdmin);
    expect(exported.status).toBe(200);
    expect(exported.body.waitingLists).toEqual([
      {
        id: entry.id,
        structure: env.fx.structure.name,
        service: "Information-conseil VAE",
        appointmentId: meeting.id,
        halfDays: [],
        modes: [],
        until: null,
        channel: "inscription à l'accueil",
        joinedAt: "2026-10-26T10:00:00+01:00",
        endedAt: null,
        endReason: null,
        offers: [
          {
            start: "2026-11-04T10:00:00+01:00",
            mode: "sur place",
            sentAt: "2026-10-26T10:00:00+01:00",
            heldUntil: "2026-10-26T10:15:00+01:00",
            status: "en attente de réponse",
            answeredAt: null,
          },
        ],
      },
    ]);
  });
});
