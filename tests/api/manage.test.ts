import ICAL from "ical.js";
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

const slots = async (date: string) =>
  (
    await (
      await app.request(
        `/api/slots?service=information-conseil-vae&structure=${fx.structure.id}&from=${date}&to=${date}&mode=onsite`,
      )
    ).json()
  ).slots as { key: string; start: string }[];
let n = 0;
async function bookOn(date: string, index = 0) {
  const res = await app.request("/api/bookings", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `manage-test-${++n}` },
    body: JSON.stringify({
      slotKey: (await slots(date))[index]?.key,
      person: { firstName: "Léa", lastName: "Durand", email: "lea@example.org" },
      noticeAccepted: true,
    }),
  });
  expect(res.status).toBe(201);
  const body = await res.json();
  return { ...body, token: body.manageUrl.split("/").at(-1) as string };
}
const post = (path: string, body: unknown = {}) =>
  app.request(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
const icsOf = async (token: string) => {
  const res = await app.request(`/api/manage/${token}/ics`);
  expect(res.status).toBe(200);
  return { type: res.headers.get("Content-Type"), calendar: new ICAL.Component(ICAL.parse(await res.text())) };
};
const eventOf = (calendar: ICAL.Component) => new ICAL.Event(calendar.getFirstSubcomponent("vevent") as ICAL.Component);

describe("the private link", () => {
  it("shows the appointment, privately: no referrer, no cache", async () => {
    const { token, appointment } = await bookOn("2026-03-30");
    const res = await app.request(`/api/manage/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = await res.json();
    expect(body.appointment).toEqual(appointment);
    // The person holds their own link: their contact, in full, as they may change it.
    expect(body.person).toEqual({
      firstName: "Léa",
      lastName: "Durand",
      hasEmail: true,
      email: "lea@example.org",
      phone: null,
      smsReminders: true,
      smsTo: null,
    });
    const page = await app.request(`/rdv/${token}`);
    expect(page.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("book → move → cancel: one UID, SEQUENCE 0 → 1 → 2, the file PUBLISH (no attendee), the e-mails REQUEST then CANCEL; the link dies with the cancellation", async () => {
    const { token, appointment } = await bookOn("2026-04-01");
    const booked = await icsOf(token);
    // A file to import, not an invitation to answer (issue 21: it was REQUEST).
    expect(booked.type).toBe("text/calendar; charset=utf-8; method=PUBLISH");
    expect(booked.calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(booked.calendar.getFirstSubcomponent("vevent")?.getAllProperties("attendee")).toEqual([]);
    const mailed = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: appointment.id, type: "appointment.booked", channel: "email" },
    });
    expect(messageOf(mailed).ics?.method).toBe("REQUEST");
    expect(eventOf(booked.calendar).sequence).toBe(0);
    const uid = eventOf(booked.calendar).uid;

    const target = (await slots("2026-04-02"))[1];
    const moved = await post(`/api/manage/${token}/reschedule`, { slotKey: target?.key });
    expect(moved.status).toBe(200);
    expect((await moved.json()).appointment).toMatchObject({ id: appointment.id, start: "2026-04-02T10:00:00+02:00" });
    const afterMove = await icsOf(token);
    expect(eventOf(afterMove.calendar)).toMatchObject({ uid, sequence: 1 });
    expect(eventOf(afterMove.calendar).startDate.toString()).toBe("2026-04-02T10:00:00");
    // The old time is free again; the new one is taken.
    const april1 = (await slots("2026-04-01")).map((s) => s.start);
    expect(april1).toContain("2026-04-01T09:00:00+02:00");
    expect((await slots("2026-04-02")).map((s) => s.start)).not.toContain("2026-04-02T10:00:00+02:00");

    const cancelled = await post(`/api/manage/${token}/cancel`, { reason: "Empêchement" });
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).appointment.status).toBe("cancelled");
    const message = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: appointment.id, type: "appointment.cancelled" },
    });
    const cancelIcs = new ICAL.Component(ICAL.parse(messageOf(message).ics?.content ?? ""));
    expect(cancelIcs.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(eventOf(cancelIcs)).toMatchObject({ uid, sequence: 2 });
    const dead = await app.request(`/api/manage/${token}`);
    expect(dead.status).toBe(404);
    // The cancelled meeting's link says so, and when (it gave the generic « Ce lien n'est plus valable »).
    expect((await dead.json()).error.message).toBe(
      "Ce rendez-vous a été annulé le vendredi 20 mars 2026 à 9 h 00 : ce lien ne sert plus.",
    );
    expect((await post(`/api/manage/${token}/cancel`)).status).toBe(404);
    expect((await slots("2026-04-02")).map((s) => s.start)).toContain("2026-04-02T10:00:00+02:00");
  });

  it("replaces the reminders on a move and withdraws them on a cancellation", async () => {
    const { token, appointment } = await bookOn("2026-04-08");
    const reminders = () =>
      db.prisma.outboxMessage.findMany({
        where: { appointmentId: appointment.id, type: "appointment.reminder" },
        orderBy: { createdAt: "asc" },
      });
    expect((await reminders()).map((r) => r.status)).toEqual(["pending", "pending"]);
    await post(`/api/manage/${token}/reschedule`, { slotKey: (await slots("2026-04-09"))[0]?.key });
    const afterMove = await reminders();
    expect(afterMove.filter((r) => r.status === "pending").map((r) => r.dueAt.toISOString())).toEqual([
      "2026-04-07T07:00:00.000Z",
      "2026-04-09T04:00:00.000Z",
    ]);
    expect(afterMove.filter((r) => r.status === "cancelled")).toHaveLength(2);
    await post(`/api/manage/${token}/cancel`);
    expect((await reminders()).every((r) => r.status === "cancelled")).toBe(true);
  });

  it("is useless once the appointment is over", async () => {
    const { token } = await bookOn("2026-03-23");
    clock.set("2026-03-23T09:00:00Z");
    try {
      expect((await app.request(`/api/manage/${token}`)).status).toBe(404);
    } finally {
      clock.set("2026-03-20T08:00:00Z");
    }
  });

  it("answers 404 in French for an unknown or malformed token", async () => {
    for (const token of ["AAAAAAAAAAAAAAAAAAAAAA", "court", "x".repeat(200)]) {
      const res = await app.request(`/api/manage/${token}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toMatch(/Ce lien n'est plus valable/);
    }
  });

  it("refuses to move onto another service's slot, or onto a slot that is not free", async () => {
    const { token } = await bookOn("2026-04-10");
    const session = (
      await (
        await app.request(`/api/slots?service=reunion-information-vae&structure=${fx.structure.id}&from=2026-04-14&to=2026-04-14`)
      ).json()
    ).slots[0];
    const other = await post(`/api/manage/${token}/reschedule`, { slotKey: session.key });
    expect(other.status).toBe(422);
    expect((await other.json()).error.fields.slotKey).toMatch(/même service/);
    await bookOn("2026-04-13"); // takes 09:00 that day
    const stale = await post(`/api/manage/${token}/reschedule`, { slotKey: await slotsKeyAt("2026-04-13T09:00:00+02:00") });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("SLOT_TAKEN");
  });
});

/** A key for a time that is no longer listed: rebuilt from a listed key of the same advisor. */
async function slotsKeyAt(start: string): Promise<string> {
  const { decodeSlotKey, encodeSlotKey } = await import("../../server/features/slots/slot-key.ts");
  const [any] = await slots("2026-04-15");
  const ref = decodeSlotKey(any?.key as string);
  if (!ref) throw new Error("no key");
  return encodeSlotKey({ ...ref, start: new Date(start) });
}
