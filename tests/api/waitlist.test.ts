import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { carryOutTasks, messageOf, smsOf, testApp, testDeps } from "../helpers/app.ts";
import { bookOnline } from "../helpers/book-online.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// The waiting list through the API, on the database under test (PGlite, or PostgreSQL with
// TEST_DATABASE_URL): freed time offered at once, held, accepted with a cascade, passed on.

let db: Database;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
const clock = fixedClock("2026-03-20T09:00:00Z"); // Friday 10:00 in Paris: day time
let app: ReturnType<typeof testApp>;
let config: ReturnType<typeof testDeps>["config"];
const deps = () => ({ ...testDeps(db, { clock }), config });

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
  config = testDeps(db).config;
  app = testApp(db, { clock, config });
});
afterAll(() => db.close());

// Each test starts with nobody booked nor waiting, at the same hour.
beforeEach(async () => {
  clock.set("2026-03-20T09:00:00Z");
  await db.prisma.waitlistOffer.deleteMany();
  await db.prisma.waitlistEntry.deleteMany();
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.appointment.deleteMany();
});

const send = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { "Content-Type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

let people = 0;
/** Someone booked on `date` at `time` who joins the list, with an address of their own. */
async function waiting(date: string, time: string, wishes: object = {}) {
  const email = `attente${++people}@example.org`;
  const booked = await bookOnline(app, fx.structure.id, { date, time, person: { email } });
  const joined = await send("POST", `/api/manage/${booked.token}/waitlist`, wishes);
  expect(joined.status, await joined.clone().text()).toBe(201);
  return { ...booked, email };
}

/** The offer links sent to an address, in the order sent. */
async function offersTo(email: string): Promise<string[]> {
  const rows = await db.prisma.outboxMessage.findMany({
    where: { type: "waitlist.offer", recipient: email },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => /\/offre\/([A-Za-z0-9_-]{22})/.exec(messageOf(row).text)?.[1] as string);
}

const startOf = async (id: string) =>
  (await db.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { startsAt: true } })).startsAt.toISOString();

describe("the waiting list", () => {
  it("a cancellation offers its slot at once, in its own transaction, to the first who joined; it is held from everyone else", async () => {
    const first = await waiting("2026-04-08", "10:00");
    const second = await waiting("2026-04-09", "10:00");
    const leaving = await bookOnline(app, fx.structure.id, {
      date: "2026-03-25",
      time: "10:00",
      person: { email: "x@example.org" },
    });

    expect((await send("POST", `/api/manage/${leaving.token}/cancel`, {})).status).toBe(200);
    // No worker ran: the offer was written with the cancellation.
    expect(await offersTo(first.email)).toHaveLength(1);
    expect(await offersTo(second.email)).toHaveLength(0);
    const offer = await db.prisma.waitlistOffer.findFirstOrThrow({ include: { entry: true } });
    expect(offer).toMatchObject({ status: "open", startsAt: new Date("2026-03-25T09:00:00Z") });
    expect(offer.entry.appointmentId).toBe(first.id);
    // Held 15 minutes by day.
    expect(offer.holdUntil).toEqual(new Date("2026-03-20T09:15:00Z"));
    const email = messageOf(
      await db.prisma.outboxMessage.findFirstOrThrow({ where: { type: "waitlist.offer", recipient: first.email } }),
    );
    expect(email.subject).toBe("Un créneau plus tôt s'est libéré : Information-conseil VAE");
    expect(email.text).toContain("Il vous est réservé jusqu'à 10 h 15.");
    expect(email.text).toContain("mercredi 25 mars 2026, de 10 h 00 à 10 h 45");

    // Nobody else sees or books it while it is held.
    const { slots } = await (
      await app.request(`/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-03-25&to=2026-03-25`)
    ).json();
    expect(slots.map((s: { start: string }) => s.start.slice(11, 16))).not.toContain("10:00");
  });

  it("accepting moves the meeting (SEQUENCE 1, advisor told) and cascades its old slot to the next person, in one transaction", async () => {
    const first = await waiting("2026-04-08", "10:00");
    const second = await waiting("2026-04-09", "10:00");
    const leaving = await bookOnline(app, fx.structure.id, {
      date: "2026-03-25",
      time: "10:00",
      person: { email: "x@example.org" },
    });
    await send("POST", `/api/manage/${leaving.token}/cancel`, {});
    const [token] = await offersTo(first.email);

    const page = await (await app.request(`/api/offers/${token}`)).json();
    expect(page).toMatchObject({ status: "open", current: "2026-04-08T10:00:00+02:00", holdUntil: "2026-03-20T10:15:00+01:00" });
    expect(page.slot.start).toBe("2026-03-25T10:00:00+01:00");
    // Other earlier free slots, none of them the held one.
    expect(page.alternatives.length).toBeGreaterThan(0);
    expect(page.alternatives.every((s: { start: string }) => s.start < "2026-04-08")).toBe(true);

    const accepted = await send("POST", `/api/offers/${token}/accept`, {});
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const answer = await accepted.json();
    expect(answer.appointment.start).toBe("2026-03-25T10:00:00+01:00");
    // The same meeting, moved: its link (held by its reminders) still works.
    expect(answer.manageUrl).toBe(first.manageUrl);
    expect(await startOf(first.id)).toBe("2026-03-25T09:00:00.000Z");
    const moved = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { type: "appointment.moved", recipient: first.email },
    });
    expect(messageOf(moved).ics?.content).toContain("SEQUENCE:1");
    expect(await db.prisma.outboxMessage.count({ where: { type: "advisor.moved" } })).toBe(1);
    const offer = await db.prisma.waitlistOffer.findFirstOrThrow({ where: { appointmentId: first.id } });
    expect(offer).toMatchObject({ status: "accepted", daysGained: 14 });
    expect(await db.prisma.waitlistEntry.findFirstOrThrow({ where: { appointmentId: first.id } })).toMatchObject({
      endReason: "accepted",
    });

    // The 8 April slot it left went to the second person, within the same request.
    const [next] = await offersTo(second.email);
    const cascaded = await (await app.request(`/api/offers/${next}`)).json();
    expect(cascaded.slot.start).toBe("2026-04-08T10:00:00+02:00");

    // Taken twice: a 410 saying so.
    const again = await send("POST", `/api/offers/${token}/accept`, {});
    expect(again.status).toBe(410);
    expect((await again.json()).error.message).toContain("déjà accepté");
  });

  it("an unanswered hold ends and passes on; declining passes on at once; an expired offer answers 410 with the free slots", async () => {
    const first = await waiting("2026-04-08", "10:00");
    const second = await waiting("2026-04-09", "10:00");
    const third = await waiting("2026-04-10", "10:00");
    const leaving = await bookOnline(app, fx.structure.id, {
      date: "2026-03-25",
      time: "10:00",
      person: { email: "x@example.org" },
    });
    await send("POST", `/api/manage/${leaving.token}/cancel`, {});
    const [token] = await offersTo(first.email);

    clock.advance(15 * 60_000);
    await carryOutTasks(deps());
    const [passed] = await offersTo(second.email);
    expect(passed).toBeDefined();
    const late = await send("POST", `/api/offers/${token}/accept`, {});
    expect(late.status).toBe(410);
    const body = await late.json();
    expect(body.error.message).toContain("expiré");
    expect(Array.isArray(body.error.alternatives)).toBe(true);
    expect(await startOf(first.id)).toBe("2026-04-08T08:00:00.000Z");

    const declined = await send("POST", `/api/offers/${passed}/decline`, {});
    expect(declined.status).toBe(200);
    expect((await declined.json()).status).toBe("declined");
    expect(await offersTo(third.email)).toHaveLength(1);
    // The decliner stays on the list.
    expect(await db.prisma.waitlistEntry.count({ where: { appointmentId: second.id, endedAt: null } })).toBe(1);
  });

  it("one offer a day, three at most: the third unanswered ends the waiting", async () => {
    const only = await waiting("2026-04-10", "10:00");
    const times = ["09:00", "10:00", "11:00"];
    const cancel = async (date: string, time: string) => {
      const b = await bookOnline(app, fx.structure.id, {
        date,
        time,
        person: { email: `c${date}-${time.slice(0, 2)}@example.org` },
      });
      await send("POST", `/api/manage/${b.token}/cancel`, {});
    };
    await cancel("2026-03-25", times[0] as string);
    await cancel("2026-03-25", times[1] as string);
    // The second freed slot the same day: not offered again today.
    expect(await offersTo(only.email)).toHaveLength(1);
    for (const day of ["2026-03-21T09:00:00Z", "2026-03-22T09:00:00Z"]) {
      clock.advance(15 * 60_000);
      await carryOutTasks(deps());
      clock.set(day);
      await cancel("2026-03-26", day.slice(8, 10) === "21" ? "09:00" : "10:00");
    }
    expect(await offersTo(only.email)).toHaveLength(3);
    clock.advance(15 * 60_000);
    await carryOutTasks(deps());
    expect(await db.prisma.waitlistEntry.findFirstOrThrow({ where: { appointmentId: only.id } })).toMatchObject({
      endReason: "offers",
    });
    await cancel("2026-03-27", "09:00");
    expect(await offersTo(only.email)).toHaveLength(3);
  });

  it("wishes: a slot outside the half-days asked for goes to the next person", async () => {
    // 25 March 2026 is a Wednesday (3): the morning is « 3am ».
    const picky = await waiting("2026-04-08", "10:00", { halfDays: ["3pm", "4am"] });
    const open = await waiting("2026-04-09", "10:00");
    const b = await bookOnline(app, fx.structure.id, { date: "2026-03-25", time: "10:00", person: { email: "y@example.org" } });
    await send("POST", `/api/manage/${b.token}/cancel`, {});
    expect(await offersTo(picky.email)).toHaveLength(0);
    expect(await offersTo(open.email)).toHaveLength(1);
  });

  it("of the places free at the freed time, the offer is in the mode of the person's meeting", async () => {
    const { slots } = await (
      await app.request(
        `/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=2026-04-08&to=2026-04-08&mode=phone`,
      )
    ).json();
    const res = await app.request("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": "waitlist-phone-meeting" },
      body: JSON.stringify({
        slotKey: slots[0].key,
        person: { firstName: "Paul", lastName: "Martin", email: "paul@example.org" },
        noticeAccepted: true,
      }),
    });
    expect(res.status).toBe(201);
    const token = (await res.json()).manageUrl.split("/").pop();
    expect((await send("POST", `/api/manage/${token}/waitlist`, {})).status).toBe(201);
    const b = await bookOnline(app, fx.structure.id, { date: "2026-03-25", time: "10:00", person: { email: "o@example.org" } });
    await send("POST", `/api/manage/${b.token}/cancel`, {});
    const offer = await db.prisma.waitlistOffer.findFirstOrThrow();
    expect(offer).toMatchObject({ mode: "phone", startsAt: new Date("2026-03-25T09:00:00Z") });
  });

  it("joining: refused within two days and for a collective session; again changes the wishes; leaving passes the held offer on", async () => {
    const near = await bookOnline(app, fx.structure.id, {
      date: "2026-03-23",
      time: "10:00",
      person: { email: "n@example.org" },
    });
    clock.set("2026-03-21T10:00:00Z");
    const refused = await send("POST", `/api/manage/${near.token}/waitlist`, {});
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toContain("moins de 2 jours");
    const bad = await send("POST", `/api/manage/${near.token}/waitlist`, { halfDays: ["8am"], modes: ["video"] });
    expect(bad.status).toBe(422);
    clock.set("2026-03-20T09:00:00Z");

    const a = await waiting("2026-04-08", "10:00");
    const again = await send("POST", `/api/manage/${a.token}/waitlist`, { modes: ["phone"], until: "2026-04-01" });
    expect(again.status).toBe(201);
    expect((await again.json()).entry).toMatchObject({ modes: ["phone"], until: "2026-04-01", waiting: true });
    expect(await db.prisma.waitlistEntry.count()).toBe(1);
    const shown = await (await app.request(`/api/manage/${a.token}`)).json();
    expect(shown.waitlist).toMatchObject({ modes: ["phone"], offersSent: 0 });
    expect(shown.waitlistProblem).toBeNull();

    const b = await waiting("2026-04-09", "10:00");
    const c = await bookOnline(app, fx.structure.id, { date: "2026-03-25", time: "10:00", person: { email: "z@example.org" } });
    await send("POST", `/api/manage/${c.token}/cancel`, {});
    // a asked for the phone: the slot is on site and by phone; offered to a as a phone meeting? a's first.
    const [held] = [...(await offersTo(a.email)), ...(await offersTo(b.email))];
    expect(held).toBeDefined();
    const holder = (await offersTo(a.email)).length ? a : b;
    const other = holder === a ? b : a;
    const left = await send("DELETE", `/api/manage/${holder.token}/waitlist`);
    expect(await left.json()).toEqual({ left: true, offersWithdrawn: 1 });
    expect(await offersTo(other.email)).toHaveLength(1);
  });

  it("someone with no meeting joins when nothing is free, is offered time opened by a removed absence, and books it", async () => {
    // While slots are free: book one instead.
    const early = await send("POST", "/api/waitlist", {
      service: "information-conseil-vae",
      structure: fx.other.structureId,
      person: { firstName: "Nina", lastName: "Roux", email: "nina@example.org", phone: "06 12 34 56 78" },
      noticeAccepted: true,
    });
    expect(early.status).toBe(409);
    expect((await early.json()).error.alternatives).toHaveLength(3);

    const absence = await db.prisma.absence.create({
      data: {
        advisorId: fx.other.advisorId,
        startsAt: new Date("2026-03-20T00:00:00Z"),
        endsAt: new Date("2026-12-31T00:00:00Z"),
        reason: "Longue absence",
      },
    });
    const joined = await send("POST", "/api/waitlist", {
      service: "information-conseil-vae",
      structure: fx.other.structureId,
      person: { firstName: "Nina", lastName: "Roux", email: "nina@example.org", phone: "06 12 34 56 78" },
      noticeAccepted: true,
      modes: ["phone"],
    });
    expect(joined.status, await joined.clone().text()).toBe(201);
    const { entry, waitlistUrl } = await joined.json();
    expect(entry).toMatchObject({ waiting: true, service: { slug: "information-conseil-vae" } });
    const token = waitlistUrl.split("/").pop();
    expect((await (await app.request(`/api/waitlist/${token}`)).json()).entry.id).toBe(entry.id);
    const told = await db.prisma.outboxMessage.findMany({ where: { type: "waitlist.joined" } });
    expect(told.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(smsOf(told.find((m) => m.channel === "sms") as { payload: unknown }).sms.text).toContain(waitlistUrl);

    // Their advisor removes the absence: the time it opens is offered at once.
    const cookie = `rdv-session=${await openSession(db, fx.other.advisorId, clock.now())}`;
    const removed = await app.request(`/api/availability/absences/${absence.id}`, {
      method: "DELETE",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
    });
    expect(removed.status, await removed.clone().text()).toBe(200);
    const [offerToken] = await offersTo("nina@example.org");
    expect(offerToken).toBeDefined();
    const accepted = await send("POST", `/api/offers/${offerToken}/accept`, {});
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    const answer = await accepted.json();
    expect(answer.manageUrl).toMatch(/\/rdv\/[A-Za-z0-9_-]{22}$/);
    expect(answer.appointment.mode).toBe("phone");
    expect((await (await app.request(`/api/waitlist/${token}`)).json()).entry.waiting).toBe(false);
  });

  it("the other earlier slots are as the person wished, their places named", async () => {
    // A second advisor at the same hours: the held time is free with her, and must not be shown again.
    const colleague = await db.prisma.staffUser.create({
      data: {
        email: "collegue@pic-vae-lille.test",
        firstName: "Anne",
        lastName: "Collègue",
        memberships: { create: [{ structureId: fx.structure.id, role: "advisor" }] },
      },
    });
    const rule = await db.prisma.availabilityRule.create({
      data: {
        advisorId: colleague.id,
        structureId: fx.structure.id,
        siteId: fx.site.id,
        modes: ["onsite"],
        weekdays: [3],
        startTime: "09:00",
        endTime: "12:00",
        validFrom: new Date("2026-01-05"),
        offerings: { create: [{ offeringId: fx.offering.id }] },
      },
    });
    onTestFinished(async () => {
      // Either advisor's slot may have been booked: hers go with her.
      await db.prisma.appointment.deleteMany({ where: { advisorId: colleague.id } });
      await db.prisma.availabilityRule.delete({ where: { id: rule.id } });
      await db.prisma.membership.deleteMany({ where: { userId: colleague.id } });
      await db.prisma.staffUser.delete({ where: { id: colleague.id } });
    });
    const picky = await waiting("2026-04-08", "10:00", { halfDays: ["3am"] });
    const b = await bookOnline(app, fx.structure.id, { date: "2026-03-25", time: "10:00", person: { email: "w@example.org" } });
    await send("POST", `/api/manage/${b.token}/cancel`, {});
    const [token] = await offersTo(picky.email);
    const page = await (await app.request(`/api/offers/${token}`)).json();
    expect(page.alternatives.length).toBeGreaterThan(0);
    for (const slot of page.alternatives) {
      // Wednesday mornings, on site: 25 March, 1 April.
      expect(["2026-03-25", "2026-04-01"]).toContain(slot.start.slice(0, 10));
      expect(slot.start.slice(11, 13) < "12").toBe(true);
    }
    expect(page.sites).toEqual([expect.objectContaining({ id: fx.site.id, name: expect.any(String) })]);
    // Not the held time again, elsewhere or by another mode: it would read as the offer itself.
    expect(page.alternatives.map((s: { start: string }) => s.start)).not.toContain(page.slot.start);
  });

  it("the public join is offered only where the list is open online: bookable by the public, one person a meeting", async () => {
    const listed = async () =>
      (await (await app.request(`/api/structures?service=information-conseil-vae&commune=59350`)).json()).structures.find(
        (s: { id: string }) => s.id === fx.structure.id,
      ).waitlist;
    expect(await listed()).toBe(true);
    await db.prisma.offering.update({ where: { id: fx.offering.id }, data: { bookableBy: "staff" } });
    try {
      expect(await listed()).toBe(false);
    } finally {
      await db.prisma.offering.update({ where: { id: fx.offering.id }, data: { bookableBy: "public" } });
    }
  });

  it("two people taking one free slot at once: one 200, one 409, one meeting", async () => {
    const a = await waiting("2026-04-08", "10:00");
    const b = await waiting("2026-04-09", "10:00");
    for (const time of ["10:00", "11:00"]) {
      const c = await bookOnline(app, fx.structure.id, {
        date: "2026-03-25",
        time,
        person: { email: `r${time.slice(0, 2)}@example.org` },
      });
      await send("POST", `/api/manage/${c.token}/cancel`, {});
    }
    const [ta] = await offersTo(a.email);
    const [tb] = await offersTo(b.email);
    // Both want the same earlier free slot, held for nobody: the first one shown.
    const [wanted] = (await (await app.request(`/api/offers/${ta}`)).json()).alternatives;
    expect((await (await app.request(`/api/offers/${tb}`)).json()).alternatives[0]).toEqual(wanted);
    const answers = await Promise.all([
      send("POST", `/api/offers/${ta}/accept`, { slotKey: wanted.key }),
      send("POST", `/api/offers/${tb}/accept`, { slotKey: wanted.key }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.prisma.appointment.count({ where: { status: "booked", startsAt: new Date(wanted.start) } })).toBe(1);
  });
});
