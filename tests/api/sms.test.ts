import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { cancelAppointment } from "../../server/features/appointments/cancel.ts";
import { createTransport } from "../../server/mail/transport.ts";
import { createSmsTransport } from "../../server/sms/transport.ts";
import { messageOf, smsOf, testApp, testConfig, testOutboxWorker } from "../helpers/app.ts";
import { bookOnline } from "../helpers/book-online.ts";
import { type BrevoReply, startBrevoServer } from "../helpers/brevo.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// SMS through the outbox, into the default transport (a JSON file per SMS in DATA_DIR/outbox/sms):
// who gets one, when (reminders, quiet hours), and that a reminder never comes after its meeting.
let db: Database;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
const clock = fixedClock("2026-03-20T08:00:00Z");
const config = testConfig();
const smsDir = join(config.dataDir, "outbox", "sms");

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
});
afterAll(() => db.close());
afterEach(async () => {
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.appointment.deleteMany();
  clock.set("2026-03-20T08:00:00Z");
});

interface SmsFile {
  to: string;
  text: string;
  segments: number;
  encoding: string;
  messageId: string;
}
/** The SMS written so far, by outbox id. */
const written = (): SmsFile[] =>
  readdirSync(smsDir, { withFileTypes: true })
    .filter((f) => f.name.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(join(smsDir, f.name), "utf8")) as SmsFile);
const writtenFor = (ids: string[]) => written().filter((sms) => ids.includes(sms.messageId));

const worker = () => testOutboxWorker(db, { clock, config, send: createTransport(config) });

const book = (date: string, person: object, time?: string) =>
  bookOnline(testApp(db, { clock, config }), fx.structure.id, { date, person, time });

const rows = (appointmentId: string, channel: "email" | "sms") =>
  db.prisma.outboxMessage.findMany({ where: { appointmentId, channel }, orderBy: { dueAt: "asc" } });

describe("who gets an SMS", () => {
  it("someone who gave a mobile only is confirmed by SMS, with the private link, within 2 GSM-7 segments", async () => {
    const { id, manageUrl } = await book("2026-03-30", { phone: "06 12 34 56 78" });
    await worker().drain();
    const [confirmation] = await rows(id, "sms");
    expect(confirmation).toMatchObject({ type: "appointment.booked", recipient: "+33612345678", status: "sent" });
    const [sms] = writtenFor([confirmation?.id ?? ""]);
    expect(sms).toMatchObject({ to: "+33612345678", encoding: "GSM-7" });
    expect(sms?.text).toContain(manageUrl);
    expect(sms?.text).toContain("30/03");
    expect(sms?.segments).toBeLessThanOrEqual(2);
    // No e-mail address: no e-mail to the person; the advisor is told by e-mail as ever.
    expect((await rows(id, "email")).map((r) => r.recipient)).toEqual([fx.advisor.email]);
  });

  it("nobody is texted who unticked « Recevoir les rappels par SMS », or gave a landline", async () => {
    const unticked = await book("2026-03-30", { phone: "06 12 34 56 78", email: "lea@example.org", smsReminders: false });
    const landline = await book("2026-03-31", { phone: "03 20 12 34 56" });
    expect(await rows(unticked.id, "sms")).toEqual([]);
    expect(await rows(landline.id, "sms")).toEqual([]);
  });

  it("someone with an e-mail and a mobile gets both, reminders included, on the offering's plan", async () => {
    const { id } = await book("2026-03-31", { phone: "+33 (0)6 12 34 56 78", email: "lea@example.org" }, "10:00");
    const sms = await rows(id, "sms");
    const emails = (await rows(id, "email")).filter((r) => r.recipient === "lea@example.org");
    expect(sms.map((r) => r.type)).toEqual(["appointment.booked", "appointment.reminder", "appointment.reminder"]);
    // 48 h and 3 h before 10:00 on 31 March (08:00 UTC), as the e-mails; but 3 h before is 07:00
    // in Paris, still night for a text: it goes at 08:00.
    expect(emails.filter((r) => r.type === "appointment.reminder").map((r) => r.dueAt.toISOString())).toEqual([
      "2026-03-29T08:00:00.000Z",
      "2026-03-31T05:00:00.000Z",
    ]);
    expect(sms.slice(1).map((r) => r.dueAt.toISOString())).toEqual(["2026-03-29T08:00:00.000Z", "2026-03-31T06:00:00.000Z"]);
    expect(smsOf(sms[1] ?? { payload: null }).sms.text).toMatch(/^Bonjour Léa, rappel de votre RDV : mar. 31\/03 à 10h/);
  });
});

describe("when", () => {
  it("sends an SMS reminder when it falls due, not before", async () => {
    const { id } = await book("2026-03-31", { phone: "06 12 34 56 78" }, "10:00");
    const w = worker();
    await w.drain();
    const [, first] = await rows(id, "sms");
    clock.set("2026-03-29T07:59:00Z");
    await w.drain();
    expect(writtenFor([first?.id ?? ""])).toEqual([]);
    clock.set("2026-03-29T08:00:00Z");
    await w.drain();
    expect(writtenFor([first?.id ?? ""])).toHaveLength(1);
  });

  it("never sends a reminder, e-mail or SMS, once its meeting has started: workers down across it drop it", async () => {
    const { id } = await book("2026-03-31", { phone: "06 12 34 56 78", email: "lea@example.org" }, "10:00");
    await worker().drain();
    // The workers were down from the 48 h reminders till after the meeting began.
    clock.set("2026-03-31T08:35:00Z");
    await worker().drain();
    const reminders = await db.prisma.outboxMessage.findMany({ where: { appointmentId: id, type: "appointment.reminder" } });
    expect(reminders).toHaveLength(4);
    expect(reminders.map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(writtenFor(reminders.map((r) => r.id))).toEqual([]);
  });

  it("holds a confirmation booked at night till 08:00 in the structure's zone", async () => {
    clock.set("2026-03-20T21:30:00Z"); // 22:30 in Paris
    const { id } = await book("2026-03-24", { phone: "06 12 34 56 78" });
    const [confirmation] = await rows(id, "sms");
    expect(confirmation?.dueAt.toISOString()).toBe("2026-03-21T07:00:00.000Z");
    await worker().drain();
    expect(writtenFor([confirmation?.id ?? ""])).toEqual([]);
    clock.set("2026-03-21T07:00:00Z");
    await worker().drain();
    expect(writtenFor([confirmation?.id ?? ""])).toHaveLength(1);
  });

  it("texts at once at night when the meeting is before 10:00 the next morning", async () => {
    clock.set("2026-03-22T21:30:00Z"); // Sunday 22:30 in Paris; the meeting is Monday 09:00
    const { id } = await book("2026-03-23", { phone: "06 12 34 56 78" }, "09:00");
    const [confirmation] = await rows(id, "sms");
    expect(confirmation?.dueAt.toISOString()).toBe("2026-03-22T21:30:00.000Z");
    await worker().drain();
    expect(writtenFor([confirmation?.id ?? ""])).toHaveLength(1);
  });

  it("puts off till morning an SMS that comes due at night by a retry or a late worker, the attempt not counted", async () => {
    const { id } = await book("2026-03-27", { phone: "06 12 34 56 78" });
    const [confirmation] = await rows(id, "sms");
    clock.set("2026-03-20T19:30:00Z"); // 20:30 in Paris: the worker was down all day
    await worker().drain();
    const after = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: confirmation?.id ?? "" } });
    expect(after).toMatchObject({ status: "pending", attempts: 0 });
    expect(after.dueAt.toISOString()).toBe("2026-03-21T07:00:00.000Z");
    expect(writtenFor([after.id])).toEqual([]);
  });
});

describe("the right people are told", () => {
  it("a cancellation withdraws the SMS reminders and texts the person; the private link is not in it", async () => {
    const { id, manageUrl } = await book("2026-03-31", { phone: "06 12 34 56 78" });
    const app = testApp(db, { clock, config });
    const token = manageUrl.split("/").pop();
    const res = await app.request(`/api/manage/${token}/cancel`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({}),
    });
    expect(res.status).toBe(200);
    const sms = await rows(id, "sms");
    expect(sms.filter((r) => r.type === "appointment.reminder").every((r) => r.status === "cancelled")).toBe(true);
    const cancelled = sms.find((r) => r.type === "appointment.cancelled");
    expect(smsOf(cancelled ?? { payload: null }).sms.text).toMatch(/annul/i);
    expect(smsOf(cancelled ?? { payload: null }).sms.text).not.toContain(token);
  });

  it("a move to another advisor tells the advisor who had the meeting that it left their agenda, the new one of a new meeting", async () => {
    const other = await db.prisma.staffUser.create({
      data: { email: "second@pic-vae-lille.test", firstName: "Marc", lastName: "Petit", passwordHash: "x" },
    });
    await db.prisma.membership.create({ data: { userId: other.id, structureId: fx.structure.id, role: "advisor" } });
    const rule = await db.prisma.availabilityRule.create({
      data: {
        advisorId: other.id,
        structureId: fx.structure.id,
        siteId: fx.site.id,
        modes: ["onsite"],
        weekdays: [6],
        startTime: "09:00",
        endTime: "12:00",
        validFrom: new Date("2026-01-05"),
        offerings: { create: [{ offeringId: fx.offering.id }] },
      },
    });
    try {
      const { id, manageUrl } = await book("2026-03-30", { email: "lea@example.org" }, "09:00");
      const app = testApp(db, { clock, config });
      const { slots } = await (
        await app.request(`/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-04-04&to=2026-04-04`)
      ).json();
      const token = manageUrl.split("/").pop();
      const res = await app.request(`/api/manage/${token}/reschedule`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ slotKey: slots[0].key }),
      });
      expect(res.status).toBe(200);
      const notices = (await rows(id, "email")).filter((r) => r.type.startsWith("advisor."));
      const to = (email: string) =>
        notices
          .filter((r) => r.recipient === email)
          .map((r) => messageOf(r).subject)
          .sort();
      expect(to(fx.advisor.email)).toEqual([
        "Nouveau rendez-vous le lundi 30 mars 2026 à 9 h 00",
        "Rendez-vous retiré de votre agenda : lundi 30 mars 2026 à 9 h 00",
      ]);
      expect(to(other.email)).toEqual(["Nouveau rendez-vous le samedi 4 avril 2026 à 9 h 00"]);
      const away = notices.find((r) => r.recipient === fx.advisor.email && r.type === "advisor.moved");
      expect(messageOf(away ?? { payload: null }).text).toContain("avec Marc Petit");
      expect(messageOf(away ?? { payload: null }).text).not.toContain("Auparavant");
    } finally {
      await db.prisma.availabilityRule.delete({ where: { id: rule.id } });
    }
  });

  it("a referral's meeting cancelled by the structure tells the partner who referred the person", async () => {
    const { id } = await book("2026-03-30", { phone: "06 12 34 56 78" });
    const appointment = await db.prisma.appointment.findUniqueOrThrow({ where: { id } });
    const referrer = await db.prisma.staffUser.create({
      data: { email: "referente@partenaire.test", firstName: "Inès", lastName: "Martin", passwordHash: "x" },
    });
    const referral = await db.prisma.referral.create({
      data: {
        fromStructureId: fx.partner.id,
        referrerId: referrer.id,
        toStructureId: fx.structure.id,
        serviceId: fx.services.vae.id,
        personId: appointment.personId,
        need: "VAE",
        consentAt: clock.now(),
        status: "booked",
        appointmentId: id,
      },
    });
    await db.prisma.$transaction((tx) =>
      cancelAppointment(tx, id, { by: "structure", reason: "Fermeture exceptionnelle." }, { now: clock.now(), config }),
    );
    const told = await db.prisma.outboxMessage.findFirstOrThrow({ where: { referralId: referral.id } });
    expect(told).toMatchObject({ type: "referral.meeting-cancelled", recipient: "referente@partenaire.test" });
    expect(messageOf(told).subject).toBe("Rendez-vous annulé : Léa Durand");
    expect(messageOf(told).text).toContain("Fermeture exceptionnelle.");
    expect((await db.prisma.referral.findUniqueOrThrow({ where: { id: referral.id } })).status).toBe("accepted");
    // The person is texted.
    expect((await rows(id, "sms")).map((r) => r.type)).toContain("appointment.cancelled");
  });
});

describe("through Brevo's API (a local server speaking it)", () => {
  const KEY = "xkeysib-test-0123456789";
  async function throughBrevo(reply: (count: number) => BrevoReply | undefined) {
    const brevo = await startBrevoServer({ apiKey: KEY, reply: (_, count) => reply(count) });
    const w = testOutboxWorker(db, {
      clock,
      config,
      send: createTransport(config),
      sendSms: createSmsTransport({ smsUrl: brevo.smsUrl(), dataDir: config.dataDir }),
    });
    return { brevo, w };
  }
  const confirmationOf = async (id: string) =>
    db.prisma.outboxMessage.findFirstOrThrow({ where: { appointmentId: id, channel: "sms", type: "appointment.booked" } });

  it("retries a 503 with back-off and sends the SMS once when Brevo takes it", async () => {
    const { id } = await book("2026-03-30", { phone: "06 12 34 56 78" });
    const { brevo, w } = await throughBrevo((count) =>
      count <= 2 ? { status: 503, body: { code: "internal_error", message: "Service unavailable" } } : undefined,
    );
    try {
      for (let i = 0; i < 3; i++) {
        await w.drain();
        clock.advance(60 * 60_000);
      }
      expect(await confirmationOf(id)).toMatchObject({ status: "sent", attempts: 3 });
      const texts = brevo.received.filter((r) => (r.body as { recipient?: string }).recipient === "33612345678");
      expect(texts).toHaveLength(3); // two refused, one taken
      expect(JSON.stringify(texts[2]?.body)).toContain("/rdv/");
    } finally {
      await brevo.close();
    }
  });

  it("keeps an SMS Brevo refuses (400) as failed at once, with Brevo's code and not the text", async () => {
    const { id } = await book("2026-03-30", { phone: "06 12 34 56 78" });
    const { brevo, w } = await throughBrevo(() => ({
      status: 400,
      body: { code: "invalid_parameter", message: "33612345678 bad" },
    }));
    try {
      await w.drain();
      clock.advance(24 * 60 * 60_000);
      await w.drain();
      const row = await confirmationOf(id);
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row.lastError).toContain("invalid_parameter");
      expect(row.lastError).not.toContain("33612345678");
    } finally {
      await brevo.close();
    }
  });

  it("waits as long as a 429 says before trying again", async () => {
    const { id } = await book("2026-03-30", { phone: "06 12 34 56 78" });
    const { brevo, w } = await throughBrevo((count) =>
      count === 1
        ? { status: 429, body: { code: "too_many_requests", message: "Too many" }, headers: { "Retry-After": "7200" } }
        : undefined,
    );
    try {
      await w.drain();
      const row = await confirmationOf(id);
      expect(row.status).toBe("pending");
      expect(row.dueAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(7_200_000);
      clock.advance(7_200_000);
      await w.drain();
      expect((await confirmationOf(id)).status).toBe("sent");
    } finally {
      await brevo.close();
    }
  });
});
