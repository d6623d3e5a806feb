import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../server/auth/hash-secret.ts";
import { fixedClock } from "../../server/clock.ts";
import { advisorCookie, meetingAt, sender, useStaffApp } from "../helpers/staff.ts";

// Outcomes are final (domain/appointment-states.ts): a meeting marked honoured or absent is never
// cancelled afterwards — by staff, by the person through their link, or by a change of
// availability — and a cancelled one takes no outcome. Before, the person got « votre
// rendez-vous est annulé » hours after attending, and the record read « annulé honoré ».

// Monday 26 October 2026, 10 h 00 in Paris.
const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

const cancellationsOf = (appointmentId: string) =>
  env.db.prisma.outboxMessage.count({ where: { appointmentId, type: { contains: "cancelled" } } });
const stateOf = (id: string) =>
  env.db.prisma.appointment.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true } });

/** A meeting with a private link the test holds (only its hash is stored, as for a booking). */
async function meetingWithLink(start: string) {
  const meeting = await meetingAt(env, start);
  const token = randomBytes(16).toString("base64url");
  await env.db.prisma.appointment.update({ where: { id: meeting.id }, data: { manageTokenHash: hashSecret(token) } });
  return { ...meeting, token };
}

describe("a meeting whose outcome is recorded", () => {
  it("is not cancelled by staff: a 409 says why, the person is told nothing", async () => {
    const a = await meetingAt(env, "2026-10-26T08:00:00Z"); // 9 h 00, started
    expect(
      (await send("POST", `/agenda/appointments/${a.id}/outcome`, await advisorCookie(env, clock.now()), { outcome: "honoured" }))
        .status,
    ).toBe(200);
    const refused = await send("POST", `/agenda/appointments/${a.id}/cancel`, env.fx.cookies.reception, {
      reason: "Erreur de saisie",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "Ce rendez-vous a été honoré : il ne peut plus être annulé. Si l'issue est fausse, corrigez-la.",
    );
    expect(await stateOf(a.id)).toEqual({ status: "booked", outcome: "honoured" });
    expect(await cancellationsOf(a.id)).toBe(0);
    const events = await env.db.prisma.auditEvent.findMany({ where: { entityId: a.id } });
    expect(events.map((e) => e.action)).toEqual(["appointment.outcome"]);
  });

  it("may have its outcome corrected", async () => {
    const a = await meetingAt(env, "2026-10-19T08:00:00Z");
    const advisor = await advisorCookie(env, clock.now());
    expect((await send("POST", `/agenda/appointments/${a.id}/outcome`, advisor, { outcome: "no_show" })).status).toBe(200);
    expect((await send("POST", `/agenda/appointments/${a.id}/outcome`, advisor, { outcome: "excused" })).status).toBe(200);
    expect(await stateOf(a.id)).toEqual({ status: "booked", outcome: "excused" });
  });

  it("closes the person's private link: nothing is left to cancel or move", async () => {
    const a = await meetingWithLink("2026-10-26T08:50:00Z"); // 9 h 50 – 10 h 35, under way
    const link = await env.app.request(`/api/manage/${a.token}`);
    expect(link.status).toBe(200);
    expect(
      (await send("POST", `/agenda/appointments/${a.id}/outcome`, env.fx.cookies.reception, { outcome: "honoured" })).status,
    ).toBe(200);
    const page = await env.app.request(`/api/manage/${a.token}`);
    expect(page.status).toBe(404);
    expect((await page.json()).error.message).toMatch(/a eu lieu ou votre absence y est notée/);
    const cancel = await send("POST", `/manage/${a.token}/cancel`, "", { reason: "Empêchement" });
    expect(cancel.status).toBe(404);
    expect(await stateOf(a.id)).toEqual({ status: "booked", outcome: "honoured" });
    expect(await cancellationsOf(a.id)).toBe(0);
  });

  it("is left alone by an absence declared over it, cancelling what else it falls on", async () => {
    // An absence excused ahead of time (the demo's history records some), then the advisor's day off.
    const excused = await meetingAt(env, "2026-10-27T08:00:00Z");
    await env.db.prisma.appointment.update({ where: { id: excused.id }, data: { outcome: "excused", outcomeAt: clock.now() } });
    const other = await meetingAt(env, "2026-10-27T10:00:00Z");
    const dayOff = {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2026-10-27T00:00",
      end: "2026-10-28T00:00",
      onBooked: "cancel",
    };
    const res = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, dayOff);
    expect(res.status).toBe(201);
    expect(res.body.cancelledMeetings.map((m: { id: string }) => m.id)).toEqual([other.id]);
    expect(await stateOf(excused.id)).toEqual({ status: "booked", outcome: "excused" });
    expect(await cancellationsOf(excused.id)).toBe(0);
    expect(await stateOf(other.id)).toEqual({ status: "cancelled", outcome: null });
  });
});

describe("a cancelled meeting", () => {
  it("takes no outcome, and is not cancelled twice", async () => {
    const a = await meetingAt(env, "2026-10-26T07:00:00Z");
    expect(
      (await send("POST", `/agenda/appointments/${a.id}/cancel`, env.fx.cookies.reception, { reason: "Fermeture" })).status,
    ).toBe(200);
    const told = await cancellationsOf(a.id);
    expect(told).toBeGreaterThan(0);
    const outcome = await send("POST", `/agenda/appointments/${a.id}/outcome`, env.fx.cookies.reception, { outcome: "honoured" });
    expect([outcome.status, outcome.body.error.message]).toEqual([
      409,
      "Ce rendez-vous est annulé : il n'a pas d'issue à noter.",
    ]);
    const again = await send("POST", `/agenda/appointments/${a.id}/cancel`, env.fx.cookies.reception, { reason: "Encore" });
    expect([again.status, again.body.error.message]).toEqual([409, "Ce rendez-vous est déjà annulé."]);
    expect(await stateOf(a.id)).toEqual({ status: "cancelled", outcome: null });
    expect(await cancellationsOf(a.id)).toBe(told);
  });
});
