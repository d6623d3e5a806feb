import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeSlotKey } from "../../server/features/slots/slot-key.ts";
import { useDesk } from "../helpers/desk.ts";

// What the reception desk is refused, and how it is told: a 4xx naming the field, in French.
const { env, send, book, confirm, walkIn } = useDesk();

describe("the reception desk is refused", () => {
  it("a confirmation without an address, or with a wrong one, naming the field; nothing is sent", async () => {
    const { id } = await walkIn("2026-11-04");
    const noAddress = await confirm(id, {});
    expect([noAddress.status, noAddress.body.error.fields.email]).toEqual([422, expect.stringMatching(/adresse/)]);
    const wrong = await confirm(id, { email: "pas une adresse" });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields)).toEqual(["email"]);
    expect(wrong.body.error.fields.email).toMatch(/adresse/);
    const person = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { person: true } });
    expect(person.person.email).toBeNull();
    const sent = await env.db.prisma.outboxMessage.findMany({ where: { appointmentId: id } });
    expect(sent.map((m) => m.type)).toEqual(["advisor.booked"]);
  });

  it("a confirmation once the meeting is cancelled, or over", async () => {
    const { id } = await walkIn("2026-11-04");
    await send("POST", `/agenda/appointments/${id}/cancel`, env.fx.cookies.reception, { reason: "Erreur de saisie" });
    const cancelled = await confirm(id, {});
    expect([cancelled.status, cancelled.body.error.message]).toEqual([409, expect.stringMatching(/annulé/)]);
    const over = await env.db.prisma.appointment.create({
      data: {
        ...(({ id: _, manageTokenHash: __, ...rest }) => rest)(
          await env.db.prisma.appointment.findUniqueOrThrow({ where: { id } }),
        ),
        status: "booked",
        startsAt: new Date("2026-10-26T07:00:00Z"),
        endsAt: new Date("2026-10-26T07:30:00Z"),
      },
    });
    const ended = await confirm(over.id, {});
    expect([ended.status, ended.body.error.message]).toEqual([409, expect.stringMatching(/terminé/)]);
  });

  it("a slot filter that is no mode or no place, naming the field", async () => {
    const mode = await send("GET", `/desk/slots?offering=${env.fx.offering.id}&mode=sms`, env.fx.cookies.reception);
    expect([mode.status, mode.body.error.fields.mode]).toEqual([422, expect.stringMatching(/onsite, phone ou video/)]);
    const site = await send("GET", `/desk/slots?offering=${env.fx.offering.id}&site=lille`, env.fx.cookies.reception);
    expect([site.status, site.body.error.fields.site]).toEqual([422, expect.stringMatching(/lieu/)]);
  });

  it("what is not the desk's to book, naming the field", async () => {
    const appointments = await env.db.prisma.appointment.count();
    await env.db.prisma.offering.update({ where: { id: env.fx.other.offerings[0]?.id }, data: { bookableBy: "referral" } });
    const key = encodeSlotKey({
      offeringId: env.fx.other.offerings[0]?.id ?? "",
      advisorId: env.fx.otherAdvisor.id,
      siteId: null,
      mode: "phone",
      start: new Date("2026-11-03T09:00:00Z"),
    });
    const refused = await book(env.fx.cookies.reception, { slotKey: key, person: { firstName: "A", lastName: "B" } });
    expect(refused.body.error.fields.slotKey).toMatch(/orientations/);
    const stranger = await book(env.fx.cookies.reception, { slotKey: key, person: { id: randomUUID() } });
    expect(stranger.body.error.fields["person.id"]).toMatch(/introuvable/);
    const extra = await book(env.fx.cookies.reception, {
      slotKey: key,
      person: { firstName: "A", lastName: "B" },
      status: "booked",
    });
    expect(extra.status).toBe(422);
    const both = await book(env.fx.cookies.reception, {
      slotKey: key,
      person: { firstName: "A", lastName: "B" },
      followUpOf: randomUUID(),
    });
    expect([both.status, both.body.error.fields.person]).toEqual([422, expect.stringMatching(/suivi/)]);
    expect(await env.db.prisma.appointment.count()).toBe(appointments);
  });
});
