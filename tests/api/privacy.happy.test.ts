import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { purgeAuditLog, purgeSpent } from "../../server/features/privacy/purge.ts";
import { anonymiseExpired, retentionTask } from "../../server/features/privacy/retention.ts";
import { runDailyTasks } from "../../server/jobs/daily.ts";
import { testDeps } from "../helpers/app.ts";
import { usePrivacy } from "../helpers/privacy.ts";

// The personal-data lifecycle: the retention period, the daily jobs that anonymise and purge,
// and a person's export and erasure by the structure that knows them. What is refused is in
// privacy.error.test.ts; who may do it, in privacy.security.test.ts.
const { clock, env, send, deps, personMet, aggregates, personRow } = usePrivacy();

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
      accessibilityAids: [],
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
      publisher: "",
      publicationDirector: "",
      host: "",
      accessibilityContact: "",
    });
    expect(await (await env.app.request("/api/privacy")).json()).toEqual({ retentionMonths: 12, dpoContact: "" });
    // The 13-month-old one, and the 23-month-old one of the test before.
    expect(await anonymiseExpired(deps(), clock.now())).toEqual({ persons: 2 });
    expect((await personRow(thirteen.person.id)).anonymisedAt).not.toBeNull();
    expect((await personRow(eleven.person.id)).anonymisedAt).toBeNull();
    await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { retentionMonths: 24 });
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
    expect(data.person).toMatchObject({
      firstName: "Léa",
      lastName: "Durand",
      email: "lea.durand@example.org",
      phone: "06 12 34 56 78",
      birthYear: 1990,
    });
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
        accessibilityAids: ["Accès en fauteuil roulant", "Boucle magnétique"],
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
    expect(JSON.stringify(audit)).not.toMatch(/Léa|Durand|example\.org|612345678|12 34 56/);
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
    expect(JSON.stringify(audit)).not.toMatch(/Léa|Durand|example\.org|612345678|12 34 56/);

    // The structure holds nothing of her any more: its meeting stays, for the figures, with nobody's name.
    expect((await send("GET", `/people/${coming.person.id}`, env.fx.cookies.structureAdmin)).status).toBe(404);
    const meeting = await send("GET", `/agenda/appointments/${coming.appointment.id}`, env.fx.cookies.structureAdmin);
    expect(meeting.body.appointment).toMatchObject({ status: "cancelled", notes: "", person: { firstName: "Personne" } });
    // Nobody to find at the desk any more.
    const search = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=anonymisée`, env.fx.cookies.reception);
    expect(search.body.people).toEqual([]);
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

    const postal = "Région Hauts-de-France, DPO, 151 avenue du Président Hoover, 59555 Lille Cedex";
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { dpoContact: postal })).status).toBe(200);
    expect((await (await env.app.request("/api/privacy")).json()).dpoContact).toBe(postal);
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
