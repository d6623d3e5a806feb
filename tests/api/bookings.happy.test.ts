import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { messageOf, testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
const clock = fixedClock("2026-03-20T08:00:00Z");
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
  app = testApp(db, { clock });
});
afterAll(() => db.close());

type Slot = { key: string; start: string; end: string; advisorId: string; mode: string; seatsLeft: number };
const slotsOn = async (from: string, to = from, mode = "onsite"): Promise<Slot[]> =>
  (
    await (
      await app.request(
        `/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=${from}&to=${to}&mode=${mode}`,
      )
    ).json()
  ).slots;

let keyCounter = 0;
const book = (slotKey: string, person: Record<string, unknown> = {}, key = `test-key-${++keyCounter}-${Date.now()}`) =>
  app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": key },
    body: JSON.stringify({
      slotKey,
      person: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org", ...person },
      accessibilityNeeds: "Accès en fauteuil roulant",
      noticeAccepted: true,
    }),
  });

describe("POST /api/bookings", () => {
  it("books a free slot: 201 with the appointment and a private link; the slot is gone", async () => {
    await db.prisma.offering.update({ where: { id: fx.offering.id }, data: { instructions: "Apportez votre CV." } });
    const [slot] = await slotsOn("2026-03-30");
    if (!slot) throw new Error("no slot");
    const res = await book(slot.key);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.appointment).toMatchObject({
      start: "2026-03-30T09:00:00+02:00",
      end: "2026-03-30T09:45:00+02:00",
      status: "booked",
      mode: "onsite",
      service: { slug: "information-conseil-vae", name: "Information-conseil VAE" },
      structure: { id: fx.structure.id, name: "Point Info Conseil VAE de Lille" },
      site: { id: fx.site.id, address: "12 rue Nationale", commune: "Lille" },
      accessibilityNeeds: "Accès en fauteuil roulant",
      instructions: "Apportez votre CV.",
    });
    expect(body.manageUrl).toMatch(/^http:\/\/localhost:3000\/rdv\/[A-Za-z0-9_-]{22}$/);
    expect((await slotsOn("2026-03-30")).map((s) => s.start)).not.toContain("2026-03-30T09:00:00+02:00");

    const stored = await db.prisma.appointment.findUniqueOrThrow({
      where: { id: body.appointment.id },
      include: { person: true },
    });
    expect(stored).toMatchObject({ channel: "online", icsSequence: 0, advisorId: fx.advisor.id });
    expect(stored.person).toMatchObject({ firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org" });
    expect(stored.person.noticeAcceptedAt).toEqual(clock.now());
    // Only the token's hash is stored.
    const token = body.manageUrl.split("/").at(-1);
    expect(stored.manageTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("writes the confirmation, the advisor's notice and two reminders into the outbox, in the same transaction", async () => {
    const [slot] = await slotsOn("2026-04-02");
    const { appointment } = await (await book(slot?.key as string)).json();
    const messages = await db.prisma.outboxMessage.findMany({
      where: { appointmentId: appointment.id },
      orderBy: { dueAt: "asc" },
    });
    expect(messages.map((m) => [m.type, m.recipient, m.dueAt.toISOString()])).toEqual([
      ["appointment.booked", "lea.durand@example.org", "2026-03-20T08:00:00.000Z"],
      ["advisor.booked", "conseillere@pic-vae-lille.test", "2026-03-20T08:00:00.000Z"],
      ["appointment.reminder", "lea.durand@example.org", "2026-03-31T07:00:00.000Z"],
      ["appointment.reminder", "lea.durand@example.org", "2026-04-02T04:00:00.000Z"],
    ]);
    const confirmation = messageOf(messages[0] ?? { payload: null });
    expect(confirmation.subject).toBe("Rendez-vous confirmé le jeudi 2 avril 2026 à 9 h 00");
    expect(confirmation.ics?.method).toBe("REQUEST");
    expect(confirmation.ics?.content).toContain("DTSTART;TZID=Europe/Paris:20260402T090000");
  });

  it("gives the same time with another advisor when the one the key names was taken", async () => {
    const colleague = await db.prisma.staffUser.create({
      data: {
        email: "second@pic-vae-lille.test",
        firstName: "Paul",
        lastName: "Roux",
        memberships: { create: [{ structureId: fx.structure.id, role: "advisor" }] },
      },
    });
    await db.prisma.availabilityRule.create({
      data: {
        advisorId: colleague.id,
        structureId: fx.structure.id,
        siteId: fx.site.id,
        modes: ["onsite"],
        weekdays: [5],
        startTime: "09:00",
        endTime: "12:00",
        validFrom: new Date("2026-04-03"),
        validUntil: new Date("2026-04-03"),
        offerings: { create: [{ offeringId: fx.offering.id }] },
      },
    });
    const [first] = (await slotsOn("2026-04-03")).filter((s) => s.start === "2026-04-03T10:00:00+02:00");
    const a = await book(first?.key as string);
    const b = await book(first?.key as string);
    expect([a.status, b.status]).toEqual([201, 201]);
    const advisors = [(await a.json()).appointment.id, (await b.json()).appointment.id];
    const rows = await db.prisma.appointment.findMany({ where: { id: { in: advisors } }, select: { advisorId: true } });
    expect(new Set(rows.map((r) => r.advisorId))).toEqual(new Set([fx.advisor.id, colleague.id]));
    const lost = await book(first?.key as string);
    expect(lost.status).toBe(409);
    // The alternatives: same place and mode, nearest in time to the lost 10:00.
    const { alternatives } = (await lost.json()).error;
    expect(alternatives.map((a: Slot & { siteId: string }) => [a.start, a.mode, a.siteId])).toEqual([
      ["2026-04-02T11:00:00+02:00", "onsite", fx.site.id],
      ["2026-04-03T09:00:00+02:00", "onsite", fx.site.id],
      ["2026-04-03T11:00:00+02:00", "onsite", fx.site.id],
    ]);
  });

  it("fills a collective session up to its seats, and says how many are left", async () => {
    const sessions = async () =>
      (
        await (
          await app.request(
            `/api/slots?service=reunion-information-vae&structure=${fx.structure.id}&from=2026-04-07&to=2026-04-07`,
          )
        ).json()
      ).slots;
    const [session] = await sessions();
    expect(session.seatsLeft).toBe(12);
    for (let i = 0; i < 12; i++) expect((await book(session.key, { email: `p${i}@example.org` })).status).toBe(201);
    expect(await sessions()).toEqual([]);
    const full = await book(session.key);
    expect(full.status).toBe(409);
    expect(await db.prisma.appointment.count({ where: { offeringId: fx.collective.offeringId, status: "booked" } })).toBe(12);
  });
});

describe("the arrangements asked for the meeting", () => {
  it("are stored, given back, and written in the advisor's notice with the person's words", async () => {
    const ticked = await app.request("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `aids-${Date.now()}` },
      body: JSON.stringify({
        slotKey: (await slotsOn("2026-04-08"))[0]?.key,
        person: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org" },
        accessibilityAids: ["reading_help", "hearing_loop"],
        accessibilityNeeds: "Accès en fauteuil roulant",
        noticeAccepted: true,
      }),
    });
    expect(ticked.status).toBe(201);
    const { appointment } = await ticked.json();
    expect(appointment).toMatchObject({ accessibilityAids: ["reading_help", "hearing_loop"] });
    const notice = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: appointment.id, type: "advisor.booked" },
    });
    expect(messageOf(notice).text).toContain("Boucle magnétique ; Aide à la lecture ; Accès en fauteuil roulant");
  });

  it("refuses an arrangement the list does not have, naming the field", async () => {
    const [slot] = await slotsOn("2026-04-09");
    const res = await app.request("/api/bookings", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `aids-unknown-${Date.now()}` },
      body: JSON.stringify({
        slotKey: slot?.key,
        person: { firstName: "Léa", lastName: "Durand", email: "lea.durand@example.org" },
        accessibilityAids: ["chien"],
        noticeAccepted: true,
      }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields["accessibilityAids.0"]).toMatch(/^aménagement inconnu/);
  });
});

describe("an address with accented letters in its domain", () => {
  it("is kept and shown back as written, whether it came so or in the ASCII form a browser gives", async () => {
    const slots = await slotsOn("2026-04-07");
    const asWritten = await book(slots[0]?.key as string, { email: "Jean@EXÄMPLE.fr" });
    const asBrowserSends = await book(slots[1]?.key as string, { email: "jean@xn--exmple-cua.fr" });
    for (const res of [asWritten, asBrowserSends]) {
      expect(res.status).toBe(201);
      const { manageUrl } = await res.json();
      const managed = await (await app.request(`/api/manage/${manageUrl.split("/").at(-1)}`)).json();
      expect(managed.person.email).toBe("jean@exämple.fr");
    }
    const refused = await book(slots[2]?.key as string, { email: "jean@xn--zz.fr" });
    expect([refused.status, (await refused.json()).error.fields["person.email"]]).toEqual([
      422,
      expect.stringMatching(/invalide/),
    ]);
  });
});

describe("Idempotency-Key", () => {
  it("replays the same answer for the same key and body, and creates nothing twice", async () => {
    const [slot] = await slotsOn("2026-04-09");
    const first = await book(slot?.key as string, {}, "replay-key-0001");
    const again = await book(slot?.key as string, {}, "replay-key-0001");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const [a, b] = [await first.json(), await again.json()];
    expect(b).toEqual(a);
    expect(await db.prisma.appointment.count({ where: { startsAt: new Date("2026-04-09T07:00:00Z"), status: "booked" } })).toBe(
      1,
    );
  });

  it("refuses the same key with another body", async () => {
    const [slot] = await slotsOn("2026-04-08");
    expect((await book(slot?.key as string, {}, "reused-key-0001")).status).toBe(201);
    const other = await book(slot?.key as string, { firstName: "Marc" }, "reused-key-0001");
    expect(other.status).toBe(422);
    expect((await other.json()).error.fields["Idempotency-Key"]).toMatch(/autre demande/);
  });
});
