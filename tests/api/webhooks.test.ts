import { createServer } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { seal } from "../../server/db/sealed.ts";
import { createLogger } from "../../server/logger.ts";
import { purgeDeliveries } from "../../server/webhooks/purge.ts";
import { startWebhookWorker } from "../../server/webhooks/worker.ts";
import { messageOf, TEST_SECRET, testApp, testConfig } from "../helpers/app.ts";
import { bookOnline } from "../helpers/book-online.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { atFixture } from "../helpers/fixtures.ts";
import { ROLES, sender, staffDirectory } from "../helpers/staff.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

// Webhooks as a partner's system gets them: a real HTTP receiver on 127.0.0.1 checks every
// delivery with the standardwebhooks package's own verifier.
const clock = fixedClock("2026-03-23T08:00:00Z");
const config = testConfig({ WEBHOOK_ALLOW_PRIVATE: "true" });
const env = {} as {
  db: Database;
  fx: Awaited<ReturnType<typeof staffDirectory>>;
  app: ReturnType<typeof testApp>;
  receiver: Awaited<ReturnType<typeof webhookReceiver>>;
};
const worker = () =>
  startWebhookWorker({ db: env.db, clock, config, log: createLogger("silent"), timeoutMs: 2_000 }, { poll: false });
const send = sender(env);

/** Moves the clock on; sessions would lapse over hours, so everyone signs in again. */
async function advance(ms: number) {
  clock.advance(ms);
  for (const role of ROLES) env.fx.cookies[role] = `rdv-session=${await openSession(env.db, env.fx.users[role].id, clock.now())}`;
}

beforeAll(async () => {
  env.db = await createTestDatabase();
  env.fx = await staffDirectory(env.db, clock.now());
  env.app = testApp(env.db, { clock, config });
  env.receiver = await webhookReceiver();
});
afterAll(async () => {
  await env.receiver.down();
  await env.db.close();
});

async function subscribe(structureId: string, events: string[], cookie = env.fx.cookies.structureAdmin, url = env.receiver.url) {
  const res = await send("POST", `/admin/structures/${structureId}/webhooks`, cookie, { url, events, description: "SI" });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string };
}
const since = (from: number) => env.receiver.received.slice(from);
/** A 45-minute meeting of the PIC VAE's advisor that has begun (its outcome may be noted), for a new person unless said. */
async function pastMeeting(start: string, more: { personId?: string; channel?: "advisor" | "referral"; notes?: string } = {}) {
  const { personId = (await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } })).id, ...rest } = more;
  return env.db.prisma.appointment.create({
    data: {
      ...atFixture(env.fx),
      personId,
      startsAt: new Date(start),
      endsAt: new Date(new Date(start).getTime() + 45 * 60_000),
      channel: "advisor",
      ...rest,
    },
  });
}
const unsubscribe = (id: string) => send("DELETE", `/admin/webhooks/${id}`, env.fx.cookies.regionalAdmin);
/** A referral from the partner to the PIC VAE, for a new person; checked sent. */
async function refer(person: { firstName: string; lastName: string; email: string }, need: string) {
  const referred = await send("POST", "/referrals", env.fx.cookies.referrer, {
    fromStructureId: env.fx.partner.id,
    toStructureId: env.fx.structure.id,
    serviceId: env.fx.services.vae.id,
    person,
    need,
    consent: true,
  });
  expect(referred.status, JSON.stringify(referred.body)).toBe(201);
  return referred;
}

describe("deliveries", () => {
  it("a booking, its move and its cancellation arrive signed, in their order, even when the first attempt of the first failed", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["appointment_booked", "appointment_moved", "appointment_cancelled"]);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const from = env.receiver.received.length;
    // The receiver refuses the first delivery once.
    env.receiver.answer(() => (env.receiver.received.length === from + 1 ? 500 : 200));

    const booked = await bookOnline(env.app, env.fx.structure.id, { date: "2026-03-30", person: { email: "lea@example.org" } });
    expect(await worker().drain()).toBe(1); // refused with a 500: tried again in 5 s
    const post = (path: string, body: object) =>
      env.app.request(`/api/manage/${booked.token}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const { slots } = await (
      await env.app.request(
        `/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=2026-03-31&to=2026-03-31&mode=onsite`,
      )
    ).json();
    expect((await post("/reschedule", { slotKey: slots[0].key })).status).toBe(200);
    expect((await post("/cancel", { reason: "Empêchement" })).status).toBe(200);
    // The move and the cancellation wait behind the booking.
    expect(await worker().drain()).toBe(0);
    clock.advance(5_000);
    expect(await worker().drain()).toBe(3);

    const events = env.receiver.verified(endpoint.secret, since(from));
    expect(events.map((e) => e.type)).toEqual([
      "appointment.booked",
      "appointment.booked",
      "appointment.moved",
      "appointment.cancelled",
    ]);
    const [got] = since(from);
    expect(got?.contentType).toBe("application/json");
    expect(since(from)[1]?.headers["webhook-id"]).toBe(got?.headers["webhook-id"]);
    expect(events[0]?.data).toMatchObject({
      id: booked.id,
      status: "booked",
      startsAt: "2026-03-30T07:00:00.000Z",
      channel: "online",
      structure: { id: env.fx.structure.id },
      site: { id: env.fx.site.id },
      advisor: { id: env.fx.advisor.id },
      person: { firstName: "Léa", lastName: "Durand", email: "lea@example.org" },
    });
    expect(events[2]?.data).toMatchObject({
      startsAt: "2026-03-31T07:00:00.000Z",
      previous: { startsAt: "2026-03-30T07:00:00.000Z" },
    });
    expect(events[3]?.data).toMatchObject({ status: "cancelled" });
    // Never the person's private link.
    for (const r of since(from)) {
      expect(r.body).not.toContain(booked.token);
      expect(r.body).not.toContain("/rdv/");
    }

    const log = await send("GET", `/admin/webhooks/${endpoint.id}/deliveries`, env.fx.cookies.structureAdmin);
    expect(log.status).toBe(200);
    const bookedLog = log.body.deliveries.find((d: { event: string }) => d.event === "appointment_booked");
    expect(bookedLog).toMatchObject({ status: "delivered", attempts: 2 });
    expect(bookedLog.tries.map((t: { status: number }) => t.status)).toEqual([500, 200]);
    await unsubscribe(endpoint.id);
  });

  it("a delivery replayed ten minutes later is refused by the receiver's verifier; « renvoyer » sends it again under the same id, newly signed", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["appointment_outcome"]);
    const from = env.receiver.received.length;
    const meeting = await pastMeeting("2026-03-20T08:00:00Z");
    const noted = await send("POST", `/agenda/appointments/${meeting.id}/outcome`, env.fx.cookies.structureAdmin, {
      outcome: "honoured",
    });
    expect(noted.status).toBe(200);
    await worker().drain();
    const [delivery] = since(from);
    expect(env.receiver.verified(endpoint.secret, since(from))[0]).toMatchObject({
      type: "appointment.outcome",
      data: { id: meeting.id, outcome: "honoured" },
    });

    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 10 * 60_000);
      expect(() => new Webhook(endpoint.secret).verify(delivery?.body ?? "", delivery?.headers ?? {})).toThrow(/too old/i);
    } finally {
      vi.useRealTimers();
    }

    const { deliveries } = (await send("GET", `/admin/webhooks/${endpoint.id}/deliveries`, env.fx.cookies.structureAdmin)).body;
    const resent = await send("POST", `/admin/webhook-deliveries/${deliveries[0].id}/resend`, env.fx.cookies.structureAdmin, {});
    expect(resent.status).toBe(200);
    await worker().drain();
    const again = since(from)[1];
    expect(again?.headers["webhook-id"]).toBe(delivery?.headers["webhook-id"]);
    expect(again?.body).toBe(delivery?.body);
    expect(env.receiver.verified(endpoint.secret, [again as never])).toHaveLength(1);
    await unsubscribe(endpoint.id);
  });

  it("after a new secret, both signatures verify for a day, then only the new one", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["appointment_outcome"]);
    const meeting = await pastMeeting("2026-03-19T08:00:00Z");
    await send("POST", `/agenda/appointments/${meeting.id}/outcome`, env.fx.cookies.structureAdmin, { outcome: "no_show" });
    const rotated = await send("POST", `/admin/webhooks/${endpoint.id}/secret`, env.fx.cookies.structureAdmin, {});
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).not.toBe(endpoint.secret);
    const from = env.receiver.received.length;
    await worker().drain();
    const during = since(from);
    expect(during[0]?.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(env.receiver.verified(endpoint.secret, during)).toHaveLength(1);
    expect(env.receiver.verified(fresh, during)).toHaveLength(1);

    await advance(25 * 3_600_000);
    const { deliveries } = (await send("GET", `/admin/webhooks/${endpoint.id}/deliveries`, env.fx.cookies.structureAdmin)).body;
    await send("POST", `/admin/webhook-deliveries/${deliveries[0].id}/resend`, env.fx.cookies.structureAdmin, {});
    await worker().drain();
    const after = since(from + 1);
    expect(env.receiver.verified(fresh, after)).toHaveLength(1);
    expect(() => env.receiver.verified(endpoint.secret, after)).toThrow();
    await unsubscribe(endpoint.id);
  });
});

describe("what each structure is told", () => {
  it("a shared advisor's meeting in another structure never reaches this structure's endpoint", async () => {
    const ours = await subscribe(env.fx.structure.id, ["appointment_cancelled"]);
    const theirs = await subscribe(env.fx.other.id, ["appointment_cancelled"], env.fx.cookies.regionalAdmin);
    await env.db.prisma.appointment.deleteMany({ where: { advisorId: env.fx.users.sharedAdvisor.id } });
    const meeting = await env.db.prisma.appointment.create({
      data: {
        structureId: env.fx.other.id,
        offeringId: env.fx.other.offerings[0]?.id as string,
        siteId: env.fx.other.sites[0]?.id as string,
        advisorId: env.fx.users.sharedAdvisor.id,
        mode: "onsite",
        personId: (await env.db.prisma.person.create({ data: { firstName: "Karim", lastName: "Haddad" } })).id,
        startsAt: new Date("2026-04-01T08:00:00Z"),
        endsAt: new Date("2026-04-01T09:00:00Z"),
        channel: "reception",
      },
    });
    const from = env.receiver.received.length;
    const cancelled = await send("POST", `/agenda/appointments/${meeting.id}/cancel`, env.fx.cookies.sharedAdvisor, {
      reason: "Conseiller absent",
    });
    expect(cancelled.status).toBe(200);
    await worker().drain();
    const got = since(from);
    expect(got).toHaveLength(1);
    expect(env.receiver.verified(theirs.secret, got)[0]?.data).toMatchObject({
      id: meeting.id,
      structure: { id: env.fx.other.id },
      person: { firstName: "Karim" },
    });
    expect(() => env.receiver.verified(ours.secret, got)).toThrow();
    await unsubscribe(ours.id);
    await unsubscribe(theirs.id);
  });

  it("a referral: its target gets the need; its sender the answer, never the need", async () => {
    const target = await subscribe(env.fx.structure.id, ["referral_created", "referral_answered"]);
    const sent = await subscribe(env.fx.partner.id, ["referral_created", "referral_answered"], env.fx.cookies.regionalAdmin);
    const from = env.receiver.received.length;
    const need = "Aide-soignante depuis 12 ans, souhaite un diplôme d'État par la VAE.";
    const referred = await refer({ firstName: "Nadia", lastName: "Benamar", email: "nadia.benamar@example.org" }, need);
    expect((await send("POST", `/referrals/${referred.body.id}/accept`, env.fx.cookies.structureAdmin, {})).status).toBe(200);
    await worker().drain();
    const got = since(from);
    expect(got).toHaveLength(2);
    const toTarget = got.filter((r) => r.body.includes('"referral.created"'));
    const toSender = got.filter((r) => r.body.includes('"referral.answered"'));
    const [created] = env.receiver.verified(target.secret, toTarget);
    expect(created).toMatchObject({
      type: "referral.created",
      data: { id: referred.body.id, need, person: { firstName: "Nadia" } },
    });
    const [answered] = env.receiver.verified(sent.secret, toSender);
    expect(answered).toMatchObject({ type: "referral.answered", data: { status: "accepted", from: { id: env.fx.partner.id } } });
    expect(toSender[0]?.body).not.toContain("Aide-soignante");
    expect(() => env.receiver.verified(target.secret, toSender)).toThrow();
    await unsubscribe(target.id);
    await unsubscribe(sent.id);
  });
});

describe("availability and referral outcomes", () => {
  it("an absence declared tells the structure who and when, with no reason and no person", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["availability_changed"]);
    const from = env.receiver.received.length;
    const absence = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2026-12-14T09:00",
      end: "2026-12-14T12:00",
      reason: "Rendez-vous médical",
      onBooked: "keep",
    });
    expect(absence.status, JSON.stringify(absence.body)).toBe(201);
    await worker().drain();
    const [changed] = env.receiver.verified(endpoint.secret, since(from));
    expect(changed).toMatchObject({
      type: "availability.changed",
      data: {
        structure: { id: env.fx.structure.id },
        advisor: { id: env.fx.advisor.id },
        change: "absence.create",
        period: { from: "2026-12-14T08:00:00.000Z", to: "2026-12-14T11:00:00.000Z" },
      },
    });
    expect(since(from)[0]?.body).not.toContain("médical");
    await unsubscribe(endpoint.id);
  });

  it("the outcome of a referral's meeting reaches its sender: time, place and outcome, not the target's notes", async () => {
    const sent = await subscribe(env.fx.partner.id, ["referral_outcome"], env.fx.cookies.regionalAdmin);
    const referred = await refer(
      { firstName: "Nadia", lastName: "Benamar", email: "nadia.b@example.org" },
      "Un diplôme d'État par la VAE.",
    );
    const { personId } = await env.db.prisma.referral.findUniqueOrThrow({ where: { id: referred.body.id } });
    const meeting = await pastMeeting("2026-03-18T08:00:00Z", {
      personId,
      channel: "referral",
      notes: "Notes internes de la structure",
    });
    await env.db.prisma.referral.update({
      where: { id: referred.body.id },
      data: { appointmentId: meeting.id, status: "booked" },
    });
    const from = env.receiver.received.length;
    const noted = await send("POST", `/agenda/appointments/${meeting.id}/outcome`, env.fx.cookies.structureAdmin, {
      outcome: "honoured",
    });
    expect(noted.status).toBe(200);
    await worker().drain();
    const got = since(from);
    expect(env.receiver.verified(sent.secret, got)).toMatchObject([
      {
        type: "referral.outcome",
        data: {
          id: referred.body.id,
          meeting: { startsAt: "2026-03-18T08:00:00.000Z", outcome: "honoured", place: "Lille Centre", mode: "onsite" },
        },
      },
    ]);
    expect(got[0]?.body).not.toContain("Notes internes");
    expect(got[0]?.body).not.toContain(meeting.id);
    expect(got[0]?.body).not.toContain("diplôme d'État");
    await unsubscribe(sent.id);
  });
});

describe("failures", () => {
  it("an endpoint whose delivery used all its attempts is switched off, its admins told; its other deliveries wait until it is switched back on", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["appointment_booked"]);
    env.receiver.answer(() => 503);
    const first = await bookOnline(env.app, env.fx.structure.id, { date: "2026-04-09", person: { email: "a@example.org" } });
    const hours = (h: number) => h * 3_600_000;
    const tries = [0, 5_000, 300_000, 1_800_000, hours(2), hours(5), hours(10), hours(10)];
    let second: { id: string } | undefined;
    for (const [i, wait] of tries.entries()) {
      await advance(wait);
      await worker().drain();
      if (i === 6) {
        second = await bookOnline(env.app, env.fx.structure.id, { date: "2026-04-10", person: { email: "b@example.org" } });
        await worker().drain();
      }
    }
    const row = await env.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.disabledReason).toMatch(/après 8 essais|depuis 24 heures/);
    const firstDelivery = await env.db.prisma.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id },
      orderBy: { serial: "asc" },
    });
    expect(firstDelivery).toMatchObject({ status: "failed", attempts: 8 });
    const told = await env.db.prisma.outboxMessage.findMany({ where: { type: "webhook.disabled" } });
    expect(told.map((m) => m.recipient)).toEqual(["admin-structure@staff.test"]);
    expect(messageOf(told[0] as { payload: unknown }).text).toContain(env.receiver.url);

    env.receiver.answer(() => 200);
    await advance(hours(1));
    const from = env.receiver.received.length;
    expect(await worker().drain()).toBe(0); // switched off: the second waits
    const listed = await send("GET", `/admin/structures/${env.fx.structure.id}/webhooks`, env.fx.cookies.structureAdmin);
    expect(listed.body.endpoints.find((e: { id: string }) => e.id === endpoint.id)).toMatchObject({
      disabledReason: row.disabledReason,
      disabledAt: expect.any(String),
    });
    expect((await send("PATCH", `/admin/webhooks/${endpoint.id}`, env.fx.cookies.structureAdmin, { enabled: true })).status).toBe(
      200,
    );
    await worker().drain();
    expect(env.receiver.verified(endpoint.secret, since(from)).map((e) => (e.data as { id: string }).id)).toEqual([second?.id]);
    await send("POST", `/admin/webhook-deliveries/${firstDelivery.id}/resend`, env.fx.cookies.structureAdmin, {});
    await worker().drain();
    expect(env.receiver.verified(endpoint.secret, since(from)).map((e) => (e.data as { id: string }).id)).toEqual([
      second?.id,
      first.id,
    ]);
    await unsubscribe(endpoint.id);
  });

  it("a receiver trickling its answer is cut at the deadline and counted as failed, never sent twice at once; other endpoints' deliveries go meanwhile", {
    timeout: 20_000,
  }, async () => {
    // Headers, or a 200 and then its body, one byte every 50 ms for as long as the platform listens.
    const hits: string[] = [];
    const trickler = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        hits.push(req.url ?? "");
        if (req.url === "/headers") req.socket.write("HTTP/1.1 200 OK\r\nX-Slow: ");
        else res.writeHead(200, { "content-type": "text/plain" }).flushHeaders();
        const drip = setInterval(() => (req.url === "/headers" ? req.socket.write("a") : res.write("a")), 50);
        req.socket.on("close", () => clearInterval(drip));
      });
    });
    await new Promise<void>((resolve) => trickler.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(trickler.address() as { port: number }).port}`;
    const events = ["appointment_booked", "appointment_cancelled"];
    const slow = [await subscribe(env.fx.structure.id, events, undefined, `${base}/headers`)];
    slow.push(await subscribe(env.fx.structure.id, events, undefined, `${base}/body`));
    const quick = await subscribe(env.fx.structure.id, events);
    const from = env.receiver.received.length;
    const answeredAt: number[] = [];
    env.receiver.answer(() => {
      answeredAt.push(performance.now());
      return 200;
    });
    const booked = await bookOnline(env.app, env.fx.structure.id, { date: "2026-04-02", person: { email: "lent@example.org" } });
    const cancelled = await env.app.request(`/api/manage/${booked.token}/cancel`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(cancelled.status).toBe(200);

    const DEADLINE = 1_500;
    const options = { db: env.db, clock, config, log: createLogger("silent"), timeoutMs: DEADLINE };
    const started = performance.now();
    const draining = startWebhookWorker(options, { poll: false }).drain();
    await vi.waitFor(() => expect(answeredAt).toHaveLength(2), { timeout: DEADLINE, interval: 20 });
    // Meanwhile another instance finds the slow ones still claimed: it sends nothing again.
    expect(await startWebhookWorker(options, { poll: false }).drain()).toBe(0);
    expect(await draining).toBe(4);
    const took = performance.now() - started;

    expect(took).toBeGreaterThanOrEqual(DEADLINE - 50);
    expect(took).toBeLessThan(DEADLINE + 3_000);
    // The quick receiver had the booking and its cancellation before the slow attempts ended.
    expect(answeredAt[1]).toBeLessThan(started + DEADLINE);
    expect(env.receiver.verified(quick.secret, since(from)).map((e) => e.type)).toEqual([
      "appointment.booked",
      "appointment.cancelled",
    ]);
    expect(hits.sort()).toEqual(["/body", "/headers"]);
    const tries = await env.db.prisma.webhookAttempt.findMany({
      where: { delivery: { endpointId: { in: slow.map((e) => e.id) } } },
      include: { delivery: { select: { status: true, event: true } } },
    });
    expect(tries).toHaveLength(2);
    for (const t of tries) {
      expect(t).toMatchObject({ status: null, delivery: { status: "pending", event: "appointment_booked" } });
      expect(t.error).toMatch(/délai dépassé/);
      expect(t.ms).toBeGreaterThanOrEqual(DEADLINE - 50);
    }
    trickler.closeAllConnections();
    await new Promise((resolve) => trickler.close(resolve));
    env.receiver.answer(() => 200);
    for (const e of [...slow, quick]) await unsubscribe(e.id);
  });
});

describe("what is kept", () => {
  it("a delivery is kept a month for the log, then purged with its attempts, even one still pending for a switched-off endpoint", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["availability_changed"]);
    const old = new Date(clock.now().getTime() - 31 * 86_400_000);
    const delivery = (status: "delivered" | "failed" | "pending", createdAt: Date) =>
      env.db.prisma.webhookDelivery.create({
        data: { endpointId: endpoint.id, event: "availability_changed", payload: {}, createdAt, dueAt: createdAt, status },
      });
    const gone = [await delivery("delivered", old), await delivery("failed", old), await delivery("pending", old)];
    await env.db.prisma.webhookAttempt.create({ data: { deliveryId: gone[0]?.id as string, at: old, status: 200, ms: 12 } });
    const kept = [await delivery("pending", clock.now()), await delivery("delivered", clock.now())];
    await env.db.prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: old, disabledReason: "test" } });
    expect(await purgeDeliveries(env, clock.now())).toEqual({ deliveries: 3 });
    const left = await env.db.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, select: { id: true } });
    expect(left.map((d) => d.id).sort()).toEqual(kept.map((d) => d.id).sort());
    expect(await env.db.prisma.webhookAttempt.count({ where: { deliveryId: gone[0]?.id as string } })).toBe(0);
    await unsubscribe(endpoint.id);
  });

  it("erasing a person, by their structure or everywhere by the Région, deletes the deliveries about them, sent or still waiting", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["appointment_outcome", "referral_created"]);
    const from = env.receiver.received.length;
    const person = await env.db.prisma.person.create({
      data: { firstName: "Inès", lastName: "Moreau", email: "ines@example.org" },
    });
    const outcome = (id: string) =>
      send("POST", `/agenda/appointments/${id}/outcome`, env.fx.cookies.structureAdmin, { outcome: "honoured" });
    const first = await pastMeeting("2026-03-16T13:00:00Z", { personId: person.id });
    expect((await outcome(first.id)).status).toBe(200);
    await worker().drain();
    expect(since(from)).toHaveLength(1);
    // The second meeting's outcome and a referral wait while the endpoint is off.
    const second = await pastMeeting("2026-03-17T13:00:00Z", { personId: person.id });
    expect((await outcome(second.id)).status).toBe(200);
    const referred = await refer(
      { firstName: "Samir", lastName: "Bouzid", email: "samir@example.org" },
      "Cariste depuis 8 ans, souhaite faire reconnaître son expérience.",
    );
    const off = (enabled: boolean) => send("PATCH", `/admin/webhooks/${endpoint.id}`, env.fx.cookies.structureAdmin, { enabled });
    expect((await off(false)).status).toBe(200);
    const deliveries = await env.db.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(deliveries.map((d) => d.status).sort()).toEqual(["delivered", "pending", "pending"]);

    const erase = (id: string, cookie: string) => send("POST", `/people/${id}/erase`, cookie, { confirm: true });
    expect((await erase(person.id, env.fx.cookies.structureAdmin)).status).toBe(200);
    const { personId } = await env.db.prisma.referral.findUniqueOrThrow({ where: { id: referred.body.id } });
    expect((await erase(personId, env.fx.cookies.regionalAdmin)).body).toMatchObject({ everywhere: true });

    expect(await env.db.prisma.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    const delivered = deliveries.find((d) => d.status === "delivered");
    const resent = await send("POST", `/admin/webhook-deliveries/${delivered?.id}/resend`, env.fx.cookies.structureAdmin, {});
    expect(resent.status).toBe(404);
    expect((await off(true)).status).toBe(200);
    expect(await worker().drain()).toBe(0);
    expect(since(from)).toHaveLength(1);
    await unsubscribe(endpoint.id);
  });
});

describe("unreadable deliveries", () => {
  it("a body sealed under another SESSION_SECRET fails at once, says why, and leaves the endpoint on", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["availability_changed"]);
    const delivery = await env.db.prisma.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        event: "availability_changed",
        payload: { ...seal("another-secret-another-secret-another-01", { type: "availability.changed" }) },
        createdAt: clock.now(),
        dueAt: clock.now(),
      },
    });
    const from = env.receiver.received.length;
    await worker().drain();
    expect(since(from)).toHaveLength(0);
    const row = await env.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, include: { tries: true } });
    expect(row).toMatchObject({
      status: "failed",
      attempts: 1,
      tries: [{ status: null, error: expect.stringMatching(/illisible/) }],
    });
    expect(await env.db.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      disabledAt: null,
    });
    await unsubscribe(endpoint.id);
  });
});

describe("who may subscribe what", () => {
  it("another structure's admin gets a 404, an advisor a 403; events are checked and named", async () => {
    const endpoint = await subscribe(env.fx.structure.id, ["availability_changed"]);
    const otherAdmin = await env.db.prisma.staffUser.create({
      data: {
        email: "admin-cio@staff.test",
        firstName: "Paul",
        lastName: "Autre",
        memberships: { create: [{ structureId: env.fx.other.id, role: "structure_admin" }] },
      },
    });
    const cookie = `rdv-session=${await openSession(env.db, otherAdmin.id, clock.now())}`;
    expect((await send("GET", `/admin/structures/${env.fx.structure.id}/webhooks`, cookie)).status).toBe(404);
    expect((await send("GET", `/admin/webhooks/${endpoint.id}/deliveries`, cookie)).status).toBe(404);
    expect((await send("DELETE", `/admin/webhooks/${endpoint.id}`, cookie)).status).toBe(404);
    expect((await send("GET", `/admin/structures/${env.fx.structure.id}/webhooks`, env.fx.cookies.advisor)).status).toBe(403);
    const none = await send("POST", `/admin/structures/${env.fx.structure.id}/webhooks`, env.fx.cookies.structureAdmin, {
      url: env.receiver.url,
      events: [],
    });
    expect(none.status).toBe(422);
    expect(none.body.error.fields).toHaveProperty("events");
    const unknown = await send("POST", `/admin/structures/${env.fx.structure.id}/webhooks`, env.fx.cookies.structureAdmin, {
      url: env.receiver.url,
      events: ["person_created"],
    });
    expect(unknown.status).toBe(422);
    const patch = { description: "SI de la structure", enabled: false };
    expect((await send("PATCH", `/admin/webhooks/${endpoint.id}`, env.fx.cookies.structureAdmin, patch)).status).toBe(200);
    expect((await send("POST", `/admin/webhooks/${endpoint.id}/secret`, env.fx.cookies.structureAdmin, {})).status).toBe(200);
    await unsubscribe(endpoint.id);
    const audit = await env.db.prisma.auditEvent.findMany({
      where: { entityId: endpoint.id },
      select: { action: true, details: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook.create", "webhook.delete", "webhook.rotate", "webhook.update"]);
    expect(audit.find((a) => a.action === "webhook.update")?.details).toMatchObject({ fields: ["description", "enabled"] });
  });
});

describe("addresses the platform refuses to call (SSRF)", () => {
  const production = testConfig({ PUBLIC_URL: "https://rdv.example.fr" });

  it("at subscription: http:// in production, and private, loopback or link-local hosts, with a 422 naming the URL", async () => {
    const app = testApp(env.db, { clock, config: production });
    const subscribeAt = async (url: string) => {
      const res = await app.request(`/api/admin/structures/${env.fx.structure.id}/webhooks`, {
        method: "POST",
        // Behind HTTPS the session cookie takes the __Host- prefix.
        headers: { Cookie: `__Host-${env.fx.cookies.structureAdmin}`, "Content-Type": "application/json" },
        body: JSON.stringify({ url, events: ["appointment_booked"] }),
      });
      return { status: res.status, body: await res.json() };
    };
    const http = await subscribeAt("http://si.exemple.fr/hooks");
    expect(http.status).toBe(422);
    expect(http.body.error.fields.url).toMatch(/https:\/\//);
    expect(http.body.error.message).toContain("adresse web");
    for (const url of [
      "https://127.0.0.1/hooks",
      "https://10.1.2.3/hooks",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/hooks",
      "https://localhost/hooks",
    ]) {
      const res = await subscribeAt(url);
      expect(res.status, url).toBe(422);
      expect(res.body.error.fields.url, url).toMatch(/privée ou locale/);
    }
  });

  it("at delivery: a stored URL that names or resolves to a loopback address is never connected to", async () => {
    const receiverPort = new URL(env.receiver.url).port;
    const make = (url: string) =>
      env.db.prisma.webhookEndpoint.create({
        data: {
          structureId: env.fx.structure.id,
          url,
          events: ["appointment_booked"],
          secret: { ...seal(TEST_SECRET, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") },
          createdById: env.fx.users.structureAdmin.id,
          createdAt: clock.now(),
        },
      });
    const literal = await make(env.receiver.url);
    const named = await make(`http://localhost:${receiverPort}/hooks`);
    const from = env.receiver.received.length;
    await bookOnline(env.app, env.fx.structure.id, { date: "2026-04-08", person: { email: "c@example.org" } });
    const guarded = startWebhookWorker(
      { db: env.db, clock, config: { ...config, webhookAllowPrivate: false }, log: createLogger("silent") },
      { poll: false },
    );
    await guarded.drain();
    expect(since(from)).toHaveLength(0);
    const tries = await env.db.prisma.webhookAttempt.findMany({
      where: { delivery: { endpointId: { in: [literal.id, named.id] } } },
      select: { status: true, error: true },
    });
    expect(tries).toEqual([
      { status: null, error: "adresse privée ou locale refusée" },
      { status: null, error: "adresse privée ou locale refusée" },
    ]);
    await unsubscribe(literal.id);
    await unsubscribe(named.id);
  });
});
