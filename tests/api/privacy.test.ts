import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { sqlIn } from "../../server/db/database.ts";
import { AppError } from "../../server/errors.ts";
import { lockLivePerson } from "../../server/features/appointments/live-person.ts";
import { purgeAuditLog, purgeSpent } from "../../server/features/privacy/purge.ts";
import { anonymiseExpired, retentionTask } from "../../server/features/privacy/retention.ts";
import { bookForReferral } from "../../server/features/referrals/book-for-referral.ts";
import { loadReferral, type ReferralRow } from "../../server/features/referrals/referrals.ts";
import { decodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { runDailyTasks } from "../../server/jobs/daily.ts";
import { testDeps } from "../helpers/app.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// The personal-data lifecycle: the retention period, the daily jobs that anonymise and purge,
// and a person's export and erasure by the structure that knows them.

// Monday 26 October 2026, 10 h 00 in Paris.
const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);
const deps = () => testDeps(env.db, { clock });

const MONTH_MS = 30.5 * 86_400_000;
let slot = 0;

/**
 * Someone met `monthsAgo` months ago (negative: a meeting to come) at the PIC VAE, whom the
 * partner's referrer had referred there, with everything personal data lands in: notes, needs,
 * a private link, e-mails, a replayable booking answer, a timeline.
 */
async function personMet(monthsAgo: number, opts: { status?: "booked" | "cancelled"; firstName?: string } = {}) {
  const p = env.db.prisma;
  // Whole hours apart, so that no two meetings of the advisor overlap.
  const startsAt = new Date(
    Math.round((clock.now().getTime() - monthsAgo * MONTH_MS) / 3_600_000) * 3_600_000 + ++slot * 3_600_000,
  );
  const person = await p.person.create({
    data: {
      firstName: opts.firstName ?? "Léa",
      lastName: "Durand",
      email: "lea.durand@example.org",
      phone: "0612345678",
      birthYear: 1990,
      situation: "employee",
      communeCode: "59350",
      createdAt: startsAt,
      lastActivityAt: new Date(Math.min(startsAt.getTime(), clock.now().getTime())),
    },
  });
  const appointment = await p.appointment.create({
    data: {
      offeringId: env.fx.offering.id,
      structureId: env.fx.structure.id,
      siteId: env.fx.site.id,
      mode: "onsite",
      advisorId: env.fx.advisor.id,
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      status: opts.status ?? "booked",
      outcome: monthsAgo > 0 && opts.status !== "cancelled" ? "honoured" : null,
      channel: "referral",
      manageTokenHash: `hash-${person.id}`,
      accessibilityNeeds: "Fauteuil roulant",
      notes: "Projet de VAE d'aide-soignante.",
      cancelReason: opts.status === "cancelled" ? "Empêchement de Léa" : null,
      cancelledAt: opts.status === "cancelled" ? startsAt : null,
    },
  });
  const referral = await p.referral.create({
    data: {
      fromStructureId: env.fx.partner.id,
      referrerId: env.fx.users.referrer.id,
      toStructureId: env.fx.structure.id,
      serviceId: env.fx.services.vae.id,
      personId: person.id,
      need: "Léa veut faire valider son expérience d'aide-soignante.",
      consentAt: startsAt,
      status: "booked",
      appointmentId: appointment.id,
      invitationTokenHash: `token-${person.id}`,
      invitationCodeHash: `code-${person.id}`,
      createdAt: startsAt,
      events: { create: [{ at: startsAt, kind: "created", detail: "Léa Durand, à rappeler le soir" }] },
    },
  });
  // Prisma sets updatedAt itself: the referral's last change is set back to its time here.
  await p.$executeRaw`UPDATE "Referral" SET "updatedAt" = ${startsAt} WHERE "id" = ${referral.id}::uuid`;
  await p.outboxMessage.createMany({
    data: [
      {
        type: "appointment.booked",
        recipient: "lea.durand@example.org",
        dueAt: startsAt,
        payload: {},
        appointmentId: appointment.id,
        status: "sent",
        sentAt: startsAt,
      },
      {
        type: "referral.invitation",
        recipient: "lea.durand@example.org",
        dueAt: startsAt,
        payload: {},
        referralId: referral.id,
        status: "sent",
        sentAt: startsAt,
      },
    ],
  });
  await p.idempotencyKey.create({
    data: {
      key: `booking:${person.id}`,
      requestHash: "0".repeat(64),
      status: 201,
      response: { appointment: { id: appointment.id, person: { firstName: "Léa" } }, manageUrl: "https://rdv.test/rdv/secret" },
      createdAt: clock.now(),
    },
  });
  return { person, appointment, referral };
}

/** What the dashboards count: meetings by structure, service, status, outcome and channel; referrals by flow and status. */
async function aggregates() {
  const p = env.db.prisma;
  const appointments = await p.appointment.groupBy({
    by: ["structureId", "offeringId", "advisorId", "status", "outcome", "channel", "mode"],
    _count: { _all: true },
    orderBy: [{ structureId: "asc" }, { offeringId: "asc" }, { status: "asc" }, { outcome: "asc" }, { channel: "asc" }],
  });
  const referrals = await p.referral.groupBy({
    by: ["fromStructureId", "toStructureId", "serviceId", "status"],
    _count: { _all: true },
    orderBy: [{ fromStructureId: "asc" }, { toStructureId: "asc" }, { status: "asc" }],
  });
  const events = await p.referralEvent.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } });
  return { appointments, referrals, events };
}

const personRow = (id: string) => env.db.prisma.person.findUniqueOrThrow({ where: { id } });

describe("the retention period", () => {
  it("anonymises who was last seen past it, keeps every row and every total, and leaves the others alone", async () => {
    const old = await personMet(25);
    const cancelledOld = await personMet(26, { status: "cancelled" });
    const recent = await personMet(23);
    const coming = await personMet(-1);
    // Known long ago, but a meeting is still to come: never anonymised before it is over.
    await env.db.prisma.person.update({ where: { id: coming.person.id }, data: { lastActivityAt: new Date("2023-01-01") } });
    const before = await aggregates();

    expect(await anonymiseExpired(deps(), clock.now())).toEqual({ persons: 2 });

    expect(await aggregates()).toEqual(before);
    const person = await personRow(old.person.id);
    expect(person).toMatchObject({
      firstName: "Personne",
      lastName: "anonymisée",
      email: null,
      phone: null,
      birthYear: null,
      situation: null,
      communeCode: null,
      anonymisedAt: clock.now(),
    });
    const appointment = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: old.appointment.id } });
    expect(appointment).toMatchObject({
      status: "booked",
      outcome: "honoured",
      channel: "referral",
      structureId: env.fx.structure.id,
      advisorId: env.fx.advisor.id,
      startsAt: old.appointment.startsAt,
      accessibilityNeeds: "",
      notes: "",
      manageTokenHash: null,
      manageTokenRevokedAt: clock.now(),
    });
    const cancelled = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: cancelledOld.appointment.id } });
    expect(cancelled).toMatchObject({
      status: "cancelled",
      cancelReason: null,
      cancelledAt: cancelledOld.appointment.cancelledAt,
    });
    const referral = await env.db.prisma.referral.findUniqueOrThrow({
      where: { id: old.referral.id },
      include: { events: true },
    });
    expect(referral).toMatchObject({
      status: "booked",
      need: "",
      statusReason: null,
      invitationTokenHash: null,
      invitationCodeHash: null,
    });
    expect(referral.events.map((e) => [e.kind, e.detail])).toEqual([["created", ""]]);
    expect(
      await env.db.prisma.outboxMessage.count({
        where: { OR: [{ appointmentId: old.appointment.id }, { referralId: old.referral.id }] },
      }),
    ).toBe(0);
    expect(await env.db.prisma.idempotencyKey.count({ where: { key: `booking:${old.person.id}` } })).toBe(0);

    for (const kept of [recent, coming]) {
      expect(await personRow(kept.person.id)).toMatchObject({
        firstName: "Léa",
        email: "lea.durand@example.org",
        anonymisedAt: null,
      });
      const a = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: kept.appointment.id } });
      expect(a.notes).not.toBe("");
      expect(await env.db.prisma.outboxMessage.count({ where: { appointmentId: kept.appointment.id } })).toBe(1);
      expect(await env.db.prisma.idempotencyKey.count({ where: { key: `booking:${kept.person.id}` } })).toBe(1);
    }
    // Run again: nothing left to do.
    expect(await anonymiseExpired(deps(), clock.now())).toEqual({ persons: 0 });
  });

  it("follows the period the Région sets", async () => {
    const thirteen = await personMet(13);
    const eleven = await personMet(11);
    expect(await anonymiseExpired(deps(), clock.now())).toEqual({ persons: 0 });
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths: 12 })).status).toBe(200);
    expect((await send("GET", "/admin/settings", env.fx.cookies.regionalAdmin)).body).toEqual({
      retentionMonths: 12,
      min: 6,
      max: 120,
      dpoContact: "",
    });
    expect(await (await env.app.request("/api/privacy")).json()).toEqual({ retentionMonths: 12, dpoContact: "" });
    // The 13-month-old one, and the 23-month-old one of the test before.
    expect(await anonymiseExpired(deps(), clock.now())).toEqual({ persons: 2 });
    expect((await personRow(thirteen.person.id)).anonymisedAt).not.toBeNull();
    expect((await personRow(eleven.person.id)).anonymisedAt).toBeNull();
    await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths: 24 });
  });

  it("refuses a period out of bounds with a 422 naming the field, and lets the Région alone change it", async () => {
    for (const retentionMonths of [0, 5, 121, 12.5, "24"]) {
      const res = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(["retentionMonths"]);
      expect(res.body.error.message).toMatch(/retentionMonths/);
    }
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, {})).status).toBe(422);
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.structureAdmin, { retentionMonths: 36 })).status).toBe(403);
    expect((await send("GET", "/admin/settings", env.fx.cookies.regionalAdmin)).body.retentionMonths).toBe(24);
    const audit = await env.db.prisma.auditEvent.findMany({ where: { action: "settings.update" } });
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe("the daily jobs", () => {
  it("run once a day whatever the calls, and the Région sees what they did", async () => {
    const day = fixedClock("2026-10-27T03:00:00Z");
    const tasks = [retentionTask];
    const first = await runDailyTasks(testDeps(env.db, { clock: day }), tasks, day.now());
    expect(first.map((r) => r.name)).toEqual(["retention"]);
    expect(await runDailyTasks(testDeps(env.db, { clock: day }), tasks, day.now())).toEqual([]);
    const runs = await send("GET", "/admin/job-runs", env.fx.cookies.regionalAdmin);
    // Seen from the 26th, the 27th's run is in the future but within the week.
    expect(runs.status).toBe(200);
    expect((await send("GET", "/admin/job-runs", env.fx.cookies.structureAdmin)).status).toBe(403);
    const row = await env.db.prisma.jobRun.findFirstOrThrow({ where: { job: "retention" } });
    expect(row.result).toEqual({ persons: 0 });
    expect(row.finishedAt).not.toBeNull();
  });

  it("purge the audit log after a year, spent idempotency keys after a day and finished e-mails after a month", async () => {
    const p = env.db.prisma;
    const now = clock.now().getTime();
    const yearAgo = new Date(now - 366 * 86_400_000);
    const lastMonth = new Date(now - 31 * 86_400_000);
    const old = await p.auditEvent.create({ data: { at: yearAgo, action: "site.update", entity: "Site", entityId: "x" } });
    const recent = await p.auditEvent.create({
      data: { at: new Date(now - 300 * 86_400_000), action: "site.update", entity: "Site", entityId: "x" },
    });
    await p.idempotencyKey.create({
      data: {
        key: "vieille-cle",
        requestHash: "0".repeat(64),
        status: 201,
        response: {},
        createdAt: new Date(now - 2 * 86_400_000),
      },
    });
    const sent = await p.outboxMessage.create({
      data: { type: "t", recipient: "a@example.org", dueAt: lastMonth, payload: {}, status: "sent", sentAt: lastMonth },
    });
    const pending = await p.outboxMessage.create({
      data: { type: "t", recipient: "a@example.org", dueAt: lastMonth, payload: {}, status: "pending" },
    });

    const purged = await purgeAuditLog(deps(), clock.now());
    expect(purged.events).toBeGreaterThanOrEqual(1);
    expect(await p.auditEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await p.auditEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
    const spent = await purgeSpent(deps(), clock.now());
    expect(spent.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(await p.idempotencyKey.findUnique({ where: { key: "vieille-cle" } })).toBeNull();
    expect(await p.outboxMessage.findUnique({ where: { id: sent.id } })).toBeNull();
    expect(await p.outboxMessage.findUnique({ where: { id: pending.id } })).not.toBeNull();
  });
});

describe("a person's export and erasure", () => {
  it("exports everything about the person as a JSON file, and audits it without their name", async () => {
    const met = await personMet(3);
    const res = await env.app.request(`/api/people/${met.person.id}/export`, {
      headers: { Cookie: env.fx.cookies.structureAdmin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="donnees-personnelles-.+\.json"$/);
    const data = await res.json();
    expect(data.person).toMatchObject({ firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org", birthYear: 1990 });
    expect(data.person.commune).toEqual({ code: "59350", name: "Lille" });
    expect(data.appointments).toEqual([
      expect.objectContaining({
        id: met.appointment.id,
        structure: env.fx.structure.name,
        service: "Information-conseil VAE",
        site: expect.objectContaining({ name: "Lille Centre" }),
        mode: "sur place",
        status: "réservé",
        outcome: "rendez-vous honoré",
        channel: "pris à la suite d'une orientation",
        notes: "Projet de VAE d'aide-soignante.",
        accessibilityNeeds: "Fauteuil roulant",
      }),
    ]);
    expect(data.referrals).toEqual([
      expect.objectContaining({
        from: "CCAS de Roubaix",
        to: env.fx.structure.name,
        need: "Léa veut faire valider son expérience d'aide-soignante.",
        status: "rendez-vous honoré",
        timeline: [expect.objectContaining({ kind: "orientation envoyée" })],
      }),
    ]);
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "person.exported", entityId: met.person.id },
    });
    expect(JSON.stringify(audit)).not.toMatch(/Léa|Durand|example\.org|0612/);
    expect(audit).toMatchObject({ entity: "Person", actorId: env.fx.users.structureAdmin.id });
  });

  it("refuses erasure while a meeting is to come, then erases once it is cancelled", async () => {
    const coming = await personMet(-1);
    const refused = await send("POST", `/people/${coming.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Information-conseil VAE.*Annulez-les d'abord/);
    expect(refused.body.error.appointments).toEqual([coming.appointment.id]);
    expect((await personRow(coming.person.id)).anonymisedAt).toBeNull();

    const cancel = await send("POST", `/agenda/appointments/${coming.appointment.id}/cancel`, env.fx.cookies.structureAdmin, {
      reason: "À la demande de la personne",
    });
    expect(cancel.status).toBe(200);
    const unconfirmed = await send("POST", `/people/${coming.person.id}/erase`, env.fx.cookies.structureAdmin, {});
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.error.fields).toHaveProperty("confirm");

    const erased = await send("POST", `/people/${coming.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(erased.status).toBe(200);
    expect(erased.body.anonymisedAt).toBe(clock.now().toISOString());
    expect(await personRow(coming.person.id)).toMatchObject({ firstName: "Personne", lastName: "anonymisée", email: null });
    // The cancellation e-mail just rendered held the name: gone too.
    expect(await env.db.prisma.outboxMessage.count({ where: { appointmentId: coming.appointment.id } })).toBe(0);
    // A retry is answered the same, and audited once.
    const again = await send("POST", `/people/${coming.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(again).toMatchObject({ status: 200, body: erased.body });
    const audit = await env.db.prisma.auditEvent.findMany({ where: { action: "person.erased", entityId: coming.person.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/Léa|Durand|example\.org|0612/);

    // The structure holds nothing of her any more: its meeting stays, for the figures, with nobody's name.
    expect((await send("GET", `/people/${coming.person.id}`, env.fx.cookies.structureAdmin)).status).toBe(404);
    const meeting = await send("GET", `/agenda/appointments/${coming.appointment.id}`, env.fx.cookies.structureAdmin);
    expect(meeting.body.appointment).toMatchObject({ status: "cancelled", notes: "", person: { firstName: "Personne" } });
    // Nobody to find at the desk any more.
    const search = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=anonymisée`, env.fx.cookies.reception);
    expect(search.body.people).toEqual([]);
  });

  it("answers 404 for a person of another structure, 403 for a role without the directory", async () => {
    const met = await personMet(2);
    const elsewhere = await env.db.prisma.person.create({ data: { firstName: "Sami", lastName: "Ailleurs" } });
    await env.db.prisma.appointment.create({
      data: {
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        mode: "onsite",
        advisorId: env.fx.otherAdvisor.id,
        personId: elsewhere.id,
        startsAt: new Date("2026-09-01T08:00:00Z"),
        endsAt: new Date("2026-09-01T09:00:00Z"),
        channel: "online",
      },
    });
    for (const path of [`/people/${elsewhere.id}`, `/people/${elsewhere.id}/export`]) {
      expect((await send("GET", path, env.fx.cookies.structureAdmin)).status).toBe(404);
    }
    expect((await send("POST", `/people/${elsewhere.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true })).status).toBe(
      404,
    );
    expect((await send("GET", `/people/00000000-0000-4000-8000-000000000000`, env.fx.cookies.structureAdmin)).status).toBe(404);
    for (const role of ["advisor", "reception", "referrer", "coordinator"] as const) {
      expect((await send("GET", `/people/${met.person.id}/export`, env.fx.cookies[role])).status).toBe(403);
      expect((await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies[role], { confirm: true })).status).toBe(403);
    }
    expect((await personRow(met.person.id)).anonymisedAt).toBeNull();
    // The Région reaches everyone.
    expect((await send("GET", `/people/${elsewhere.id}/export`, env.fx.cookies.regionalAdmin)).status).toBe(200);
  });
});

/** A referral of the person to the PIC VAE still waiting for its meeting (« sent » or « accepted »). */
async function openReferral(personId: string, status: "sent" | "accepted", createdAt = clock.now()) {
  const referral = await env.db.prisma.referral.create({
    data: {
      fromStructureId: env.fx.partner.id,
      referrerId: env.fx.users.referrer.id,
      toStructureId: env.fx.structure.id,
      serviceId: env.fx.services.vae.id,
      personId,
      need: "Léa veut changer de métier.",
      consentAt: createdAt,
      status,
      createdAt,
      events: { create: [{ at: createdAt, kind: "created" }] },
    },
  });
  await env.db.prisma.$executeRaw`UPDATE "Referral" SET "updatedAt" = ${createdAt} WHERE "id" = ${referral.id}::uuid`;
  await env.db.prisma.outboxMessage.create({
    data: {
      type: "referral.reminder",
      recipient: "lea.durand@example.org",
      dueAt: new Date(clock.now().getTime() + 86_400_000),
      payload: {},
      referralId: referral.id,
    },
  });
  return referral;
}

async function post(path: string, cookie: string, body: object, key = randomUUID()) {
  const res = await env.app.request(`/api${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe("after an erasure, nothing more for the person", () => {
  it("closes their open referrals, which can then be neither answered nor booked", async () => {
    const met = await personMet(2);
    const sent = await openReferral(met.person.id, "sent");
    const accepted = await openReferral(met.person.id, "accepted");
    const slotKey = (await send("GET", `/referrals/${accepted.id}/slots`, env.fx.cookies.structureAdmin)).body.slots[0].key;
    expect((await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true })).status).toBe(
      200,
    );

    for (const referral of [sent, accepted]) {
      const row = await env.db.prisma.referral.findUniqueOrThrow({
        where: { id: referral.id },
        include: { events: { orderBy: { at: "asc" } } },
      });
      expect(row.status).toBe("expired");
      expect(row.events.at(-1)).toMatchObject({ kind: "expired", detail: "données de la personne effacées" });
      expect(await env.db.prisma.outboxMessage.count({ where: { referralId: referral.id } })).toBe(0);
      const view = await send("GET", `/referrals/${referral.id}`, env.fx.cookies.structureAdmin);
      expect(view.body.referral.can).toEqual({ accept: false, decline: false, redirect: false, book: false, invite: false });
    }
    // Not even a new invitation brings it back.
    const invite = await send("POST", `/referrals/${accepted.id}/invitation`, env.fx.cookies.referrer, { email: false });
    expect(invite.status).toBe(409);
    expect(invite.body.error.message).toMatch(/effacées/);
    const before = await env.db.prisma.appointment.count();
    const booked = await post(`/referrals/${accepted.id}/booking`, env.fx.cookies.structureAdmin, { slotKey });
    expect(booked.status).toBe(409);
    expect(booked.body.error.message).toMatch(/effacées/);
    expect(await env.db.prisma.appointment.count()).toBe(before);
  });

  it("refuses a booking for them with a 409 even when it was opened before the erasure (invitation, referral)", async () => {
    const met = await personMet(2);
    const referral = await openReferral(met.person.id, "accepted");
    const slotKey = (await send("GET", `/referrals/${referral.id}/slots`, env.fx.cookies.structureAdmin)).body.slots[0].key;
    // What the invitation's or the referral's booking read before the erasure committed.
    const stale = (await loadReferral(env.db, referral.id)) as ReferralRow;
    await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    const before = await env.db.prisma.appointment.count();
    const ref = decodeSlotKey(slotKey);
    if (!ref) throw new Error("slot key");
    const attempt = env.db.prisma.$transaction(async (tx) => {
      // As the erasure already closed it, put it back as the stale read saw it: only the person's lock stands.
      await tx.referral.update({ where: { id: referral.id }, data: { status: "accepted" } });
      // As both bookings do: the person's lock first, then the referral's booking.
      const person = await lockLivePerson(sqlIn(tx), stale.person.id);
      return bookForReferral(tx, stale, person, { ref, now: clock.now(), config: deps().config, audience: "public", byId: null });
    });
    await expect(attempt).rejects.toSatisfy((e) => e instanceof AppError && e.code === "CONFLICT" && /effacées/.test(e.message));
    expect(await env.db.prisma.appointment.count()).toBe(before);
    expect((await env.db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe("expired");
  });

  it("refuses a follow-up at the desk and private notes with a 409", async () => {
    const met = await personMet(2);
    await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    const slots = (await send("GET", `/desk/slots?offering=${env.fx.offering.id}&from=2026-10-27`, env.fx.cookies.reception)).body
      .slots as { key: string }[];
    const followUp = await post("/desk/bookings", env.fx.cookies.reception, {
      slotKey: slots[0]?.key,
      followUpOf: met.appointment.id,
    });
    expect(followUp.status).toBe(409);
    expect(followUp.body.error.fields).toHaveProperty("followUpOf");
    const notes = await send("PATCH", `/agenda/appointments/${met.appointment.id}`, env.fx.cookies.structureAdmin, {
      notes: "Revenue sans rendez-vous.",
    });
    expect(notes.status).toBe(409);
    expect(notes.body.error.fields).toHaveProperty("notes");
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: met.appointment.id } })).notes).toBe("");
  });

  it("the retention job leaves a stale referral's state, for the figures, and nobody can act on it", async () => {
    const met = await personMet(30);
    const old = await openReferral(met.person.id, "sent", new Date(clock.now().getTime() - 30 * MONTH_MS));
    await anonymiseExpired(deps(), clock.now());
    expect((await personRow(met.person.id)).anonymisedAt).not.toBeNull();
    expect((await env.db.prisma.referral.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("sent");
    const accept = await send("POST", `/referrals/${old.id}/accept`, env.fx.cookies.advisor, {});
    expect(accept.status).toBe(409);
  });
});

describe("what the Région sees and sets", () => {
  it("audits a change of the period with its old and new value, and previews what a shorter one would erase", async () => {
    await personMet(20);
    const before = await send("GET", "/admin/settings/retention-preview?months=24", env.fx.cookies.regionalAdmin);
    const shorter = await send("GET", "/admin/settings/retention-preview?months=12", env.fx.cookies.regionalAdmin);
    expect(before).toMatchObject({ status: 200, body: { persons: 0 } });
    expect(shorter.status).toBe(200);
    expect(shorter.body.persons).toBeGreaterThanOrEqual(1);
    const bad = await send("GET", "/admin/settings/retention-preview?months=3", env.fx.cookies.regionalAdmin);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["months"]);
    expect((await send("GET", "/admin/settings/retention-preview?months=12", env.fx.cookies.structureAdmin)).status).toBe(403);

    await env.db.prisma.auditEvent.deleteMany({ where: { action: "settings.update" } });
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths: 36 })).status).toBe(200);
    await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths: 24 });
    const audit = await env.db.prisma.auditEvent.findMany({ where: { action: "settings.update" }, orderBy: { at: "asc" } });
    expect(audit.map((e) => e.details)).toEqual([
      { fields: ["retentionMonths"], change: { field: "retentionMonths", from: 24, to: 36 } },
      { fields: ["retentionMonths"], change: { field: "retentionMonths", from: 36, to: 24 } },
    ]);
  });

  it("sets the data protection officer's contact, audited, and the public notice gives it", async () => {
    const set = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { dpoContact: " dpo@region.example " });
    expect(set.status).toBe(200);
    expect(await (await env.app.request("/api/privacy")).json()).toEqual({
      retentionMonths: 24,
      dpoContact: "dpo@region.example",
    });
    expect((await send("GET", "/admin/settings", env.fx.cookies.regionalAdmin)).body.dpoContact).toBe("dpo@region.example");
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "settings.update", details: { path: ["fields"], array_contains: ["dpoContact"] } },
    });
    expect(audit.details).toMatchObject({ change: { field: "dpoContact", from: "", to: "dpo@region.example" } });

    for (const dpoContact of ["dpo@", "x".repeat(201), 12]) {
      const res = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { dpoContact });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(["dpoContact"]);
      expect(res.body.error.fields.dpoContact).toMatch(/délégué/);
    }
    const postal = "Région Hauts-de-France, DPO, 151 avenue du Président Hoover, 59555 Lille Cedex";
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { dpoContact: postal })).status).toBe(200);
    expect((await (await env.app.request("/api/privacy")).json()).dpoContact).toBe(postal);
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.structureAdmin, { dpoContact: "" })).status).toBe(403);
    await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { dpoContact: "" });
  });

  it("exports in French words, the referral as its page says it, and audits export and erasure on the person's id", async () => {
    const met = await personMet(3);
    await env.db.prisma.person.update({ where: { id: met.person.id }, data: { situation: "executive" } });
    const data = await (
      await env.app.request(`/api/people/${met.person.id}/export`, { headers: { Cookie: env.fx.cookies.structureAdmin } })
    ).json();
    expect(data.person.situation).toBe("cadre");
    expect(data.appointments[0]).toMatchObject({
      mode: "sur place",
      status: "réservé",
      outcome: "rendez-vous honoré",
      channel: "pris à la suite d'une orientation",
    });
    expect(data.referrals[0]).toMatchObject({ status: "rendez-vous honoré", timeline: [{ kind: "orientation envoyée" }] });
    await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    const audit = await env.db.prisma.auditEvent.findMany({
      where: { action: { in: ["person.exported", "person.erased"] }, entityId: met.person.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((e) => [e.action, e.entity])).toEqual([
      ["person.exported", "Person"],
      ["person.erased", "Person"],
    ]);
  });

  it("records the period of an agenda export", async () => {
    const res = await env.app.request(`/api/agenda/export?from=2026-10-01&to=2026-10-31&structure=${env.fx.structure.id}`, {
      headers: { Cookie: env.fx.cookies.structureAdmin },
    });
    expect(res.status).toBe(200);
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "appointments.export" } });
    expect(audit.details).toEqual({ structureId: env.fx.structure.id, period: { from: "2026-10-01", to: "2026-10-31" } });
  });
});
