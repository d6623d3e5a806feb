import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { seal } from "../../server/db/sealed.ts";
import { purgeSpent } from "../../server/features/privacy/purge.ts";
import { anonymiseExpired } from "../../server/features/privacy/retention.ts";
import { createTransport, messageIdOf } from "../../server/mail/transport.ts";
import { TEST_SECRET, testApp, testConfig, testDeps, testOutboxWorker } from "../helpers/app.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// Tokens and personal data at rest: no usable link is stored in clear — not in the outbox's
// messages waiting to go, nor in a booking's answer kept for its retries — and the e-mails
// written to files (no SMTP_URL) go with an erasure and with the retention period.

// Monday 26 October 2026, 10 h 00 in Paris.
const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

async function post(path: string, body: object, cookie = "", key = randomUUID()) {
  const res = await env.app.request(`/api${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
/** Everything the outbox and the kept answers hold, as the database stores it. */
const atRest = async () =>
  JSON.stringify(
    await env.db.sql.query(
      `SELECT (SELECT json_agg(json_build_object('recipient', recipient, 'payload', payload)) FROM "OutboxMessage") AS outbox,
              (SELECT json_agg(response) FROM "IdempotencyKey") AS answers`,
    ),
  );
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1).replace(/^.*#/, "");

describe("links at rest", () => {
  it("keeps a booking's private link sealed in its e-mails and in its kept answer, which a retry still gets", async () => {
    const slots = await (
      await env.app.request(
        `/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=2026-10-28&to=2026-10-28`,
      )
    ).json();
    const body = {
      slotKey: slots.slots[0].key,
      person: { firstName: "Léa", lastName: "Scellée", email: "lea.scellee@example.org" },
      noticeAccepted: true,
    };
    const key = randomUUID();
    const booked = await post("/bookings", body, "", key);
    expect(booked.status).toBe(201);
    const stored = await atRest();
    expect(stored).not.toContain(tokenOf(booked.body.manageUrl));
    expect(stored).not.toContain("/rdv/");
    expect(stored).not.toContain("Scellée");
    const replayed = await post("/bookings", body, "", key);
    expect(replayed).toMatchObject({ status: 201, body: { manageUrl: booked.body.manageUrl } });
    // A server with another SESSION_SECRET cannot open the kept answer: it says so, no 500.
    const stranger = testApp(env.db, { clock, config: testConfig({ SESSION_SECRET: "un-autre-secret-un-autre-secret-0123" }) });
    const refused = await stranger.request("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/déjà été enregistrée.*e-mail de confirmation/);
    // The kept answer goes with the person's data.
    await env.db.prisma.appointment.update({ where: { id: booked.body.appointment.id }, data: { status: "cancelled" } });
    const person = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: booked.body.appointment.id } });
    expect((await send("POST", `/people/${person.personId}/erase`, env.fx.cookies.regionalAdmin, { confirm: true })).status).toBe(
      200,
    );
    expect(await env.db.prisma.idempotencyKey.count({ where: { key: `booking:${key}` } })).toBe(0);
  });

  it("keeps invitation links and codes, and password links, sealed too", async () => {
    const referral = await post(
      "/referrals",
      {
        fromStructureId: env.fx.partner.id,
        toStructureId: env.fx.structure.id,
        serviceId: env.fx.services.vae.id,
        person: { firstName: "Sami", lastName: "Invité", email: "sami@example.org" },
        need: "Un projet de VAE.",
        consent: true,
      },
      env.fx.cookies.referrer,
    );
    const invited = await send("POST", `/referrals/${referral.body.id}/invitation`, env.fx.cookies.referrer, { email: true });
    expect(invited.status).toBe(200);
    await send("POST", "/auth/password-reset", "", { email: "conseil@staff.test" });
    await send("POST", `/admin/structures/${env.fx.structure.id}/members`, env.fx.cookies.structureAdmin, {
      email: "nouvelle@staff.test",
      firstName: "Nouvelle",
      lastName: "Recrue",
      role: "advisor",
    });
    const stored = await atRest();
    expect(stored).not.toContain(tokenOf(invited.body.url));
    expect(stored).not.toContain(invited.body.code);
    expect(stored).not.toContain("#");
    expect(stored).not.toMatch(/mot-de-passe|rejoindre|invitation/);
  });

  it("fails, saying why, a message sealed under another secret, rather than sending nothing forever", async () => {
    const message = await env.db.prisma.outboxMessage.create({
      data: {
        type: "test",
        recipient: "x@example.org",
        dueAt: clock.now(),
        payload: seal("un-autre-secret-un-autre-secret-0123", { subject: "s", text: "t", html: "h" }) as object,
      },
    });
    const worker = testOutboxWorker(env.db, { clock, send: async () => {} });
    await worker.drain();
    await worker.stop();
    expect(await env.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/SESSION_SECRET/),
    });
  });
});

describe("e-mails written to files", () => {
  // The worker, the app and the jobs writing and erasing in one data folder.
  const config = testConfig();
  const deps = () => testDeps(env.db, { clock, config });
  const dir = join(config.dataDir, "outbox");
  const sendAll = async () => {
    const worker = testOutboxWorker(env.db, { clock, send: createTransport(config), config });
    await worker.drain();
    await worker.stop();
  };
  const fileOf = (id: string) => join(dir, `${messageIdOf(id).replace(/[<>]/g, "")}.eml`);

  /** A person met at the PIC VAE whose confirmation was written to a file. */
  async function metAndMailed(lastName: string, startsAt: Date) {
    const person = await env.db.prisma.person.create({
      data: { firstName: "Léa", lastName, email: `${lastName}@example.org`, lastActivityAt: startsAt },
    });
    const appointment = await env.db.prisma.appointment.create({
      data: {
        offeringId: env.fx.offering.id,
        structureId: env.fx.structure.id,
        advisorId: env.fx.advisor.id,
        personId: person.id,
        mode: "phone",
        channel: "online",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      },
    });
    const message = await env.db.prisma.outboxMessage.create({
      data: {
        type: "appointment.booked",
        recipient: `${lastName}@example.org`,
        dueAt: clock.now(),
        appointmentId: appointment.id,
        payload: seal(TEST_SECRET, { subject: "Confirmé", text: `Bonjour ${lastName}`, html: `<p>${lastName}</p>` }) as object,
      },
    });
    await sendAll();
    expect(readFileSync(fileOf(message.id), "utf8")).toContain(lastName);
    return { person, message };
  }

  it("go with the person's erasure", async () => {
    const { person, message } = await metAndMailed("Fichier", new Date("2026-09-01T08:00:00Z"));
    const app = testApp(env.db, { clock, config });
    const res = await app.request(`/api/people/${person.id}/erase`, {
      method: "POST",
      headers: { Cookie: env.fx.cookies.structureAdmin, "Content-Type": "application/json" },
      body: JSON.stringify({ confirm: true }),
    });
    expect(res.status).toBe(200);
    expect(existsSync(fileOf(message.id))).toBe(false);
  });

  it("go with the retention period, and a month after they were sent", async () => {
    const { message } = await metAndMailed("Ancienne", new Date("2023-09-01T08:00:00Z"));
    await anonymiseExpired(deps(), clock.now());
    expect(existsSync(fileOf(message.id))).toBe(false);
    expect(readdirSync(dir).some((name) => name.includes(message.id))).toBe(false);

    const { message: recent } = await metAndMailed("Recente", new Date("2026-09-02T08:00:00Z"));
    expect((await purgeSpent(deps(), new Date())).files).toBe(0);
    expect(existsSync(fileOf(recent.id))).toBe(true);
    // Files are dated by the machine's clock, as the outbox's rows by sending: a month on, both go.
    const { files } = await purgeSpent(deps(), new Date(Date.now() + 31 * 86_400_000));
    expect(files).toBeGreaterThanOrEqual(1);
    expect(existsSync(fileOf(recent.id))).toBe(false);
  });
});
