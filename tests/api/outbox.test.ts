import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { askReset, RESET_ASKED } from "../../server/auth/password-links.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { createLogger } from "../../server/logger.ts";
import { messageIdOf, smtpTransport } from "../../server/mail/transport.ts";
import { TEST_SECRET, testApp, testOutboxWorker } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";
import { freePort } from "../helpers/net.ts";
import { startSmtpServer } from "../helpers/smtp.ts";

// The outbox against a real SMTP server in the test process: messages written by a booking,
// delivered by workers that claim them from the database.
let db: Database;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
const clock = fixedClock("2026-03-20T08:00:00Z");
const log = createLogger("silent");
const FROM = "RDV Orientation <ne-pas-repondre@rdv-orientation.fr>";

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
});
afterAll(() => db.close());
afterEach(async () => {
  await db.prisma.outboxMessage.deleteMany();
  clock.set("2026-03-20T08:00:00Z");
});

let keyCounter = 0;
async function bookOn(date: string, email = "lea.durand@example.org") {
  const app = testApp(db, { clock });
  const { slots } = await (
    await app.request(
      `/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=${date}&to=${date}&mode=onsite`,
    )
  ).json();
  const res = await app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `outbox-${++keyCounter}` },
    body: JSON.stringify({
      slotKey: slots[0].key,
      person: { firstName: "Léa", lastName: "Durand", email },
      noticeAccepted: true,
    }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

const worker = (url: string, extra: { batchSize?: number; leaseMs?: number } = {}) =>
  testOutboxWorker(db, { clock, send: smtpTransport(url, { timeoutMs: 3000 }), from: FROM, log, ...extra });

describe("delivery", () => {
  it("sends the confirmation with its text and HTML parts and the .ics (METHOD:REQUEST), in local time of a DST week", async () => {
    const smtp = await startSmtpServer();
    try {
      const { appointment } = await bookOn("2026-03-30");
      expect(await worker(smtp.url).drain()).toBe(2); // the person's confirmation and the advisor's notice; reminders are not due
      const toPerson = smtp.received.find((m) => m.to === "lea.durand@example.org");
      if (!toPerson) throw new Error("no confirmation received");
      expect(toPerson.parsed.subject).toBe("Rendez-vous confirmé le lundi 30 mars 2026 à 9 h 00");
      expect(toPerson.parsed.text).toContain("lundi 30 mars 2026, de 9 h 00 à 9 h 45");
      expect(toPerson.parsed.html).toContain("lundi 30 mars 2026, de 9 h 00 à 9 h 45");
      expect(toPerson.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      const ics = toPerson.parsed.attachments.find((a) => a.contentType === "text/calendar" || a.filename === "rendez-vous.ics");
      expect(ics?.content.toString()).toContain(`UID:${appointment.id}@rdv-orientation.fr`);
      const sent = await db.prisma.outboxMessage.findFirstOrThrow({
        where: { appointmentId: appointment.id, type: "appointment.booked" },
      });
      expect(toPerson.messageId).toBe(messageIdOf(sent.id));
      expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
      expect(smtp.received.find((m) => m.to === "conseillere@pic-vae-lille.test")?.parsed.subject).toBe(
        "Nouveau rendez-vous le lundi 30 mars 2026 à 9 h 00",
      );
    } finally {
      await smtp.close();
    }
  });

  it("sends reminders when they fall due, not before", async () => {
    const smtp = await startSmtpServer();
    try {
      await bookOn("2026-03-31");
      const w = worker(smtp.url);
      await w.drain();
      expect(smtp.received).toHaveLength(2);
      clock.set("2026-03-29T07:00:00Z"); // 48 h before
      expect(await w.drain()).toBe(1);
      expect(smtp.received.at(-1)?.parsed.subject).toBe("Rappel : rendez-vous le mardi 31 mars 2026 à 9 h 00");
      clock.set("2026-03-31T04:00:00Z"); // 3 h before
      expect(await w.drain()).toBe(1);
      expect(smtp.received).toHaveLength(4);
    } finally {
      await smtp.close();
    }
  });

  it("retries a 451 with backoff, and delivers once when the server accepts", async () => {
    let refusals = 0;
    const smtp = await startSmtpServer((_, to) => (to.startsWith("lea") && refusals++ < 3 ? 451 : undefined));
    try {
      await bookOn("2026-04-01");
      const w = worker(smtp.url);
      for (let i = 0; i < 4; i++) {
        await w.drain();
        clock.advance(60 * 60_000); // past any backoff of the first attempts
      }
      const toPerson = smtp.received.filter(
        (m) => m.to === "lea.durand@example.org" && m.parsed.subject?.startsWith("Rendez-vous confirmé"),
      );
      expect(toPerson).toHaveLength(1);
      const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { type: "appointment.booked" } });
      expect(row).toMatchObject({ status: "sent", attempts: 4 });
    } finally {
      await smtp.close();
    }
  });

  it("stops at a 550 and keeps the message as failed with the reason", async () => {
    const smtp = await startSmtpServer((_, to) => (to.startsWith("inconnu") ? 550 : undefined));
    try {
      await bookOn("2026-04-02", "inconnu@example.org");
      const w = worker(smtp.url);
      await w.drain();
      clock.advance(24 * 60 * 60_000);
      await w.drain();
      const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { type: "appointment.booked" } });
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row.lastError).toMatch(/^550/);
    } finally {
      await smtp.close();
    }
  });

  it("keeps a message pending through a connection refused, and delivers it once the server is back", async () => {
    await bookOn("2026-04-03");
    await worker("smtp://127.0.0.1:9").drain();
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { type: "appointment.booked" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    const smtp = await startSmtpServer();
    try {
      clock.advance(60 * 60_000);
      await worker(smtp.url).drain();
      expect(smtp.received.filter((m) => m.to === "lea.durand@example.org")).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });
});

describe("after an outage", () => {
  it("sends what was put off while the server was out of reach as soon as it takes a message again", async () => {
    const port = await freePort();
    const w = worker(`smtp://127.0.0.1:${port}`);
    await bookOn("2026-04-14", "first@example.org");
    expect(await w.drain()).toBe(2);
    const putOff = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { recipient: "first@example.org", type: "appointment.booked" },
    });
    expect(putOff).toMatchObject({ status: "pending", attempts: 1, unreached: true });
    expect(putOff.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());

    const smtp = await startSmtpServer(() => undefined, port);
    try {
      await bookOn("2026-04-15", "second@example.org");
      await w.drain(); // no time passes: the first message goes with the second
      expect(smtp.received.map((m) => m.to).sort()).toEqual(
        ["conseillere@pic-vae-lille.test", "conseillere@pic-vae-lille.test", "first@example.org", "second@example.org"].sort(),
      );
      expect(await db.prisma.outboxMessage.count({ where: { status: "pending", dueAt: { lte: clock.now() } } })).toBe(0);
    } finally {
      await smtp.close();
    }
  });

  it("leaves a message refused with a 451 to its backoff, whatever else goes", async () => {
    const smtp = await startSmtpServer((_, to) => (to === "greylisted@example.org" ? 451 : undefined));
    try {
      const w = worker(smtp.url);
      await bookOn("2026-04-16", "greylisted@example.org");
      await w.drain();
      await bookOn("2026-04-17", "other@example.org");
      await w.drain();
      const refused = await db.prisma.outboxMessage.findFirstOrThrow({
        where: { recipient: "greylisted@example.org", type: "appointment.booked" },
      });
      expect(refused).toMatchObject({ status: "pending", attempts: 1, unreached: false });
      expect(refused.dueAt.getTime()).toBeGreaterThan(clock.now().getTime());
    } finally {
      await smtp.close();
    }
  });
});

describe("several workers", () => {
  it("two workers on one queue send each message once", async () => {
    const smtp = await startSmtpServer();
    try {
      for (const day of ["2026-04-07", "2026-04-08", "2026-04-09", "2026-04-10"]) await bookOn(day, `p-${day}@example.org`);
      const due = await db.prisma.outboxMessage.count({ where: { dueAt: { lte: clock.now() } } });
      const [a, b] = [worker(smtp.url, { batchSize: 2 }), worker(smtp.url, { batchSize: 2 })];
      const [na, nb] = await Promise.all([a.drain(), b.drain()]);
      expect(na + nb).toBe(due);
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(due);
    } finally {
      await smtp.close();
    }
  });

  it("a worker that dies mid-batch loses nothing: its messages are taken over when the lease ends", async () => {
    const smtp = await startSmtpServer();
    try {
      await bookOn("2026-04-14");
      // A worker claims the batch, then dies before sending anything.
      const claimed = await db.prisma.$executeRaw`
        UPDATE "OutboxMessage" SET "leaseUntil" = ${new Date(clock.now().getTime() + 120_000)}, attempts = attempts + 1
         WHERE status = 'pending' AND "dueAt" <= ${clock.now()}`;
      expect(claimed).toBe(2);
      expect(await worker(smtp.url).drain()).toBe(0); // still leased
      clock.advance(121_000);
      expect(await worker(smtp.url).drain()).toBe(2);
      expect(smtp.received).toHaveLength(2);
    } finally {
      await smtp.close();
    }
  });
});

describe("requests queued as messages", () => {
  // As the sign-in page queues it.
  const asked = async () => {
    await askReset(db, TEST_SECRET, "nadia@cio-lens.test", clock.now());
    return db.prisma.outboxMessage.findFirstOrThrow({ where: { type: RESET_ASKED } });
  };

  it("are carried out and forgotten in one transaction: a task that fails leaves nothing half done, and is tried again", async () => {
    const request = await asked();
    const sent: unknown[] = [];
    const failing = testOutboxWorker(db, {
      clock,
      send: async (message) => {
        sent.push(message);
      },
      tasks: {
        [RESET_ASKED]: async (tx, recipient) => {
          await tx.outboxMessage.create({ data: { type: "staff.reset", recipient, dueAt: clock.now(), payload: {} } });
          throw new Error("la base a lâché");
        },
      },
    });
    await failing.drain();
    // The e-mail it had queued went with it; the request waits for its retry.
    expect(await db.prisma.outboxMessage.findMany({ select: { id: true, status: true, lastError: true } })).toEqual([
      { id: request.id, status: "pending", lastError: "la base a lâché" },
    ]);
    expect(sent).toEqual([]);
  });

  it("are never sent as e-mails by a worker that does not know them: they fail, saying so", async () => {
    const request = await asked();
    const sent: unknown[] = [];
    const unaware = testOutboxWorker(db, {
      clock,
      send: async (message) => {
        sent.push(message);
      },
      tasks: {},
    });
    await unaware.drain();
    expect(sent).toEqual([]);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/rien à envoyer pour « staff.reset_asked »/),
    });
  });
});
