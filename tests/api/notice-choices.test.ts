import { describe, expect, it } from "vitest";
import type { Clock } from "../../server/clock.ts";
import { sendNoticeDigests } from "../../server/features/notices/notice-digest.ts";
import { runDailyTasks } from "../../server/jobs/daily.ts";
import { DAILY_TASKS } from "../../server/jobs/tasks.ts";
import { createLogger } from "../../server/logger.ts";
import { smtpTransport } from "../../server/mail/transport.ts";
import { messageOf, testConfig, testOutboxWorker } from "../helpers/app.ts";
import { useDesk } from "../helpers/desk.ts";
import { startSmtpServer } from "../helpers/smtp.ts";
import { advisorCookie } from "../helpers/staff.ts";

// The e-mails staff get about what others did to their meetings and referrals: never for their
// own action (a follow-up, a cancellation, an absence they made themselves), and for the rest,
// as each chose per kind — every e-mail, one digest a day (sent by the daily jobs), or none.
const { clock, env, send, book, distinctTimes } = useDesk();

const noticesTo = (email: string, type: string, appointmentId?: string) =>
  env.db.prisma.outboxMessage.findMany({ where: { recipient: email, type, ...(appointmentId && { appointmentId }) } });
const advisor = () => advisorCookie(env, clock.now());
const advisorEmail = () => env.fx.advisor.email;

/** A meeting with the PIC's advisor from `from` on, booked with the session `cookie` (reception's by default). */
async function meeting(from: string, cookie = env.fx.cookies.reception) {
  const [slot] = await distinctTimes(`offering=${env.fx.offering.id}&from=${from}`);
  const booked = await book(cookie, {
    slotKey: slot.key,
    person: { firstName: "Sami", lastName: "Diallo", phone: "0612345678" },
  });
  expect(booked.status).toBe(201);
  return booked.body.appointment.id as string;
}
const cancel = (id: string, cookie: string) =>
  send("POST", `/agenda/appointments/${id}/cancel`, cookie, { reason: "Empêchement du conseiller." });

describe("never for one's own action", () => {
  it("a meeting booked by the advisor themself (a follow-up) is not e-mailed to them; booked by the desk, it is", async () => {
    const own = await meeting("2026-11-02", await advisor());
    expect(await noticesTo(advisorEmail(), "advisor.booked", own)).toEqual([]);
    const byDesk = await meeting("2026-11-03");
    const [notice] = await noticesTo(advisorEmail(), "advisor.booked", byDesk);
    expect(notice?.status).toBe("pending");
  });

  it("a meeting the advisor cancels is not e-mailed to them; one the desk cancels is", async () => {
    const mine = await meeting("2026-11-04");
    expect((await cancel(mine, await advisor())).status).toBe(200);
    expect(await noticesTo(advisorEmail(), "advisor.cancelled", mine)).toEqual([]);
    const theirs = await meeting("2026-11-05");
    expect((await cancel(theirs, env.fx.cookies.reception)).status).toBe(200);
    expect(await noticesTo(advisorEmail(), "advisor.cancelled", theirs)).toHaveLength(1);
  });

  it("an absence the advisor declares cancels their meetings without e-mailing them; the person is told", async () => {
    const id = await meeting("2026-11-09");
    const absence = await send("POST", "/availability/absences", await advisor(), {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2026-11-09T00:00",
      end: "2026-11-10T00:00",
      onBooked: "cancel",
    });
    expect(absence.status).toBe(201);
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id } })).status).toBe("cancelled");
    expect(await noticesTo(advisorEmail(), "advisor.cancelled", id)).toEqual([]);
    expect(await env.db.prisma.outboxMessage.count({ where: { appointmentId: id, type: "appointment.cancelled" } })).toBe(1);
  });
});

describe("choices per kind", () => {
  const choices = async (cookie: string) => (await send("GET", "/notices", cookie)).body.choices;

  it("are every e-mail until chosen, and are one's own", async () => {
    expect(await choices(env.fx.cookies.reception)).toEqual([
      { kind: "agenda_booked", delivery: "every" },
      { kind: "agenda_changed", delivery: "every" },
      { kind: "referral_answered", delivery: "every" },
      { kind: "referral_followed", delivery: "every" },
    ]);
    expect((await send("GET", "/notices", "")).status).toBe(401);
  });

  it("refuse a kind twice, an unknown kind or delivery, and a field they do not take", async () => {
    const put = (body: object) => send("PUT", "/notices", env.fx.cookies.reception, body);
    const twice = await put({
      choices: [
        { kind: "agenda_booked", delivery: "none" },
        { kind: "agenda_booked", delivery: "every" },
      ],
    });
    expect([twice.status, twice.body.error.fields]).toEqual([422, { "choices.1.kind": expect.stringMatching(/un seul choix/) }]);
    expect((await put({ choices: [{ kind: "everything", delivery: "none" }] })).status).toBe(422);
    expect((await put({ choices: [{ kind: "agenda_booked", delivery: "weekly" }] })).status).toBe(422);
    expect((await put({ choices: [], userId: env.fx.advisor.id })).status).toBe(422);
    expect((await choices(env.fx.cookies.reception))[0]).toEqual({ kind: "agenda_booked", delivery: "every" });
  });

  it("« none » sends nothing of that kind, and only of that kind", async () => {
    const saved = await send("PUT", "/notices", await advisor(), { choices: [{ kind: "agenda_changed", delivery: "none" }] });
    expect(saved.status).toBe(200);
    expect(saved.body.choices[1]).toEqual({ kind: "agenda_changed", delivery: "none" });
    const id = await meeting("2026-11-10");
    expect(await noticesTo(advisorEmail(), "advisor.booked", id)).toHaveLength(1);
    await cancel(id, env.fx.cookies.reception);
    expect(await noticesTo(advisorEmail(), "advisor.cancelled", id)).toEqual([]);
    // The person is told all the same (by SMS: a mobile, no address).
    expect(await env.db.prisma.outboxMessage.count({ where: { appointmentId: id, type: "appointment.cancelled" } })).toBe(1);
  });

  it("« none » for answers to one's referrals: a refusal is not e-mailed to the referrer", async () => {
    await send("PUT", "/notices", env.fx.cookies.referrer, { choices: [{ kind: "referral_answered", delivery: "none" }] });
    const referred = await send("POST", "/referrals", env.fx.cookies.referrer, {
      fromStructureId: env.fx.partner.id,
      toStructureId: env.fx.structure.id,
      serviceId: env.fx.services.vae.id,
      person: { firstName: "Nadia", lastName: "Benamar", phone: "0612345678" },
      need: "VAE d'aide-soignante.",
      consent: true,
    });
    const id = referred.body.id as string;
    await send("POST", `/referrals/${id}/decline`, env.fx.cookies.reception, { reason: "Complet." });
    expect(await env.db.prisma.outboxMessage.count({ where: { referralId: id, type: "referral.declined" } })).toBe(0);
    expect((await send("GET", `/referrals/${id}`, env.fx.cookies.referrer)).body.referral.status).toBe("declined");
  });

  it("« digest » holds the notices for one e-mail a day, sent by the daily jobs through SMTP", async () => {
    const smtp = await startSmtpServer();
    const night = new Date("2026-10-27T01:00:00Z");
    const worker = (at: Clock = clock) =>
      testOutboxWorker(env.db, { clock: at, send: smtpTransport(smtp.url, { timeoutMs: 3000 }), log: createLogger("silent") });
    try {
      // What the earlier tests left to send goes first.
      await worker().drain();
      smtp.received.length = 0;
      await send("PUT", "/notices", await advisor(), { choices: [{ kind: "agenda_booked", delivery: "digest" }] });
      const first = await meeting("2026-11-12");
      const second = await meeting("2026-11-13");
      const held = await env.db.prisma.outboxMessage.findMany({
        where: { recipient: advisorEmail(), type: "advisor.booked", appointmentId: { in: [first, second] } },
        orderBy: { createdAt: "asc" },
      });
      expect(held.map((m) => m.status)).toEqual(["digest", "digest"]);
      const subjects = held.map((m) => messageOf(m).subject);
      // Held: the worker sends the rest, not them.
      await worker().drain();
      expect(smtp.received.filter((m) => m.to === advisorEmail())).toEqual([]);

      // The night's jobs: one digest, then nothing more the same day.
      const deps = { db: env.db, clock, config: testConfig(), log: createLogger("silent") };
      const ran = await runDailyTasks(deps, DAILY_TASKS, night);
      expect(ran.find((task) => task.name === "notice-digest")?.result).toEqual({ digests: 1, notices: 2 });
      expect(await runDailyTasks(deps, DAILY_TASKS, night)).toEqual([]);
      await worker({ now: () => night }).drain();
      const digests = smtp.received.filter((m) => m.to === advisorEmail());
      expect(digests).toHaveLength(1);
      const digest = digests[0]?.parsed;
      expect(digest?.subject).toBe("Votre résumé du jour : 2 messages");
      for (const subject of subjects) expect(digest?.text).toContain(subject);
      expect(digest?.text).toContain("Sami Diallo");
      expect(
        (await env.db.prisma.outboxMessage.findMany({ where: { id: { in: held.map((m) => m.id) } } })).map((m) => m.status),
      ).toEqual(["sent", "sent"]);
      // Nothing held any more: the next run sends no empty digest.
      expect(await sendNoticeDigests(deps, night)).toEqual({ digests: 0, notices: 0 });
    } finally {
      await smtp.close();
    }
  });
});
