import { afterAll, expect, it } from "vitest";
import { openDatabase } from "../../server/db/database.ts";
import { seal } from "../../server/db/sealed.ts";
import { createPostgresqlUrl, TEST_DATABASE_URL } from "../helpers/db.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";
import {
  book,
  FULL,
  faultDirectory,
  freePort,
  freeSlots,
  killAllServers,
  request,
  type ServerProcess,
  START,
  startServer,
  waitFor,
} from "./harness.ts";

// A structure's system down for an hour while meetings are booked and cancelled: the platform's
// attempts fail (connection refused), back off, and once the system is back every event reaches
// it exactly once — each booking before its cancellation — however many times it was tried.
const SIZES = FULL ? { meetings: 40 } : { meetings: 12 };
const SECRET = "faults-secret-faults-secret-faults-0123";
const SIGNING = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const HOUR = 3_600_000;

afterAll(killAllServers);

it(`a receiver down for an hour: once it is back, each of ${SIZES.meetings * 2} events is delivered exactly once, in order`, {
  timeout: 300_000,
}, async ({ skip }) => {
  skip(!TEST_DATABASE_URL, "needs PostgreSQL: set TEST_DATABASE_URL");
  const { url, drop } = await createPostgresqlUrl(TEST_DATABASE_URL as string);
  const db = await openDatabase({ kind: "postgresql", url, poolSize: 2 });
  const receiver = await webhookReceiver(await freePort());
  await receiver.down();
  let server: ServerProcess | undefined;
  try {
    const start = (now: number) =>
      startServer({ DATABASE_URL: url, NOW: new Date(now).toISOString(), WEBHOOK_ALLOW_PRIVATE: "true" });
    let now = Date.parse(START);
    server = await start(now);
    const fx = await faultDirectory(db);
    const admin = await db.prisma.staffUser.create({
      data: { email: "admin@faults.test", firstName: "Chloé", lastName: "Admin" },
    });
    await db.prisma.webhookEndpoint.create({
      data: {
        structureId: fx.structure.id,
        url: receiver.url,
        events: ["appointment_booked", "appointment_cancelled"],
        secret: { ...seal(SECRET, SIGNING) },
        createdById: admin.id,
        createdAt: new Date(now),
      },
    });

    // The receiver is down: each event is refused at once, then again after 5 s.
    const slots = await freeSlots(server.url, fx.structure.id, "2026-03-23", SIZES.meetings);
    for (const [i, slot] of slots.entries()) {
      const booked = await book(server.url, slot, `webhook-down-${i}`);
      expect(booked.status, JSON.stringify(booked.body)).toBe(201);
      const token = String(booked.body.manageUrl).split("/").pop();
      const cancelled = await request(`${server.url}/api/manage/${token}/cancel`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      expect(cancelled.status).toBe(200);
    }
    const tried = () => db.prisma.webhookAttempt.count();
    await waitFor("the first attempts refused", async () => (await tried()) >= SIZES.meetings, 60_000);
    expect(await db.prisma.webhookDelivery.count({ where: { status: "delivered" } })).toBe(0);
    await server.stop();

    // An hour later the receiver is back, and a process with it.
    await receiver.up();
    now += HOUR;
    server = await start(now);
    const distinct = () => new Set(receiver.received.map((r) => r.headers["webhook-id"])).size;
    await waitFor("every event delivered", () => distinct() === SIZES.meetings * 2, 120_000);
    await server.stop();

    // Two hours more, another process: nothing is sent again.
    now += 2 * HOUR;
    server = await start(now);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await server.stop();

    expect(receiver.received).toHaveLength(SIZES.meetings * 2);
    const events = receiver.verified(SIGNING);
    for (const [i, event] of events.entries()) {
      const id = (event.data as { id: string }).id;
      const sameMeeting = events.filter((e) => (e.data as { id: string }).id === id).map((e) => e.type);
      expect(sameMeeting, `meeting ${i}`).toEqual(["appointment.booked", "appointment.cancelled"]);
    }
    expect(await db.prisma.webhookDelivery.count({ where: { status: "delivered" } })).toBe(SIZES.meetings * 2);
    const attempts = await db.prisma.webhookAttempt.groupBy({ by: ["status"], _count: true });
    console.info("webhook attempts by answer", JSON.stringify(attempts));
  } finally {
    await server?.kill();
    await receiver.down();
    await db.close();
    await drop();
  }
});
