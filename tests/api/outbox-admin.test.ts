import { describe, expect, it } from "vitest";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { meetingAt, sender, useStaffApp } from "../helpers/staff.ts";

// « Messages non parvenus »: what did not reach a person is shown to whoever runs the structure
// the message is about (and to the Région), and can be sent again.
const clock = fixedClock("2026-03-23T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

async function undelivered(appointmentId: string | null, overrides: object = {}) {
  return env.db.prisma.outboxMessage.create({
    data: {
      type: "appointment.booked",
      channel: "sms",
      recipient: "+33612345678",
      payload: {},
      dueAt: new Date("2026-03-22T08:00:00Z"),
      status: "failed",
      attempts: 8,
      lastError: "400 invalid_parameter",
      appointmentId,
      ...overrides,
    },
  });
}

describe("undelivered messages", () => {
  it("are listed for the admin of the meeting's structure, with the person and the number the French way", async () => {
    const meeting = await meetingAt(env, "2026-03-24T08:00:00Z");
    const failed = await undelivered(meeting.id);
    const retrying = await undelivered(meeting.id, { status: "pending", attempts: 4, channel: "email", recipient: "lea@x.test" });
    const fine = await undelivered(meeting.id, { status: "pending", attempts: 1 });
    const res = await send("GET", "/admin/outbox", env.fx.cookies.structureAdmin);
    expect(res.status).toBe(200);
    const ids = res.body.messages.map((m: { id: string }) => m.id);
    expect(ids).toContain(failed.id);
    expect(ids).toContain(retrying.id);
    expect(ids).not.toContain(fine.id);
    expect(res.body.messages.find((m: { id: string }) => m.id === failed.id)).toMatchObject({
      channel: "sms",
      recipient: "06 12 34 56 78",
      status: "failed",
      attempts: 8,
      lastError: "400 invalid_parameter",
      appointment: { id: meeting.id, person: "Léa Durand", structure: "Point Info Conseil VAE de Lille" },
    });
    expect(res.body.messages.find((m: { id: string }) => m.id === retrying.id)).toMatchObject({ status: "retrying" });
  });

  it("are not shown to another structure's admin, nor to an advisor; the Région sees the staff's own too", async () => {
    const meeting = await meetingAt(env, "2026-03-25T08:00:00Z");
    const ours = await undelivered(meeting.id);
    const staffOnly = await undelivered(null, { type: "password.reset", channel: "email", recipient: "x@staff.test" });
    const otherAdmin = await env.db.prisma.staffUser.create({
      data: {
        email: "admin-roubaix@staff.test",
        firstName: "Paul",
        lastName: "Autre",
        memberships: { create: [{ structureId: env.fx.other.id, role: "structure_admin" }] },
      },
    });
    const otherCookie = `rdv-session=${await openSession(env.db, otherAdmin.id, clock.now())}`;
    const seen = async (cookie: string) =>
      ((await send("GET", "/admin/outbox", cookie)).body.messages ?? []).map((m: { id: string }) => m.id);
    expect(await seen(otherCookie)).not.toContain(ours.id);
    expect(await seen(env.fx.cookies.structureAdmin)).not.toContain(staffOnly.id);
    expect(await seen(env.fx.cookies.regionalAdmin)).toEqual(expect.arrayContaining([ours.id, staffOnly.id]));
    expect((await send("GET", "/admin/outbox", env.fx.cookies.advisor)).status).toBe(403);
    // Resending what one may not see is a 404, as for what does not exist.
    expect((await send("POST", `/admin/outbox/${ours.id}/resend`, otherCookie, {})).status).toBe(404);
  });

  it("can be sent again: pending now with a fresh count, audited; a message sent meanwhile is not found", async () => {
    const meeting = await meetingAt(env, "2026-03-26T08:00:00Z");
    const failed = await undelivered(meeting.id);
    const res = await send("POST", `/admin/outbox/${failed.id}/resend`, env.fx.cookies.structureAdmin, {});
    expect(res.status).toBe(200);
    const after = await env.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } });
    expect(after).toMatchObject({ status: "pending", attempts: 0, dueAt: clock.now(), unreached: false });
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "outbox.resend", entityId: failed.id } });
    expect(audit.details).toEqual({ structureId: env.fx.structure.id });
    await env.db.prisma.outboxMessage.update({ where: { id: failed.id }, data: { status: "sent" } });
    const again = await send("POST", `/admin/outbox/${failed.id}/resend`, env.fx.cookies.structureAdmin, {});
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe("Message introuvable, ou déjà parti.");
  });
});
