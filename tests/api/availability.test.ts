import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { messageOf } from "../helpers/app.ts";
import { advisorCookie, meetingAt, sender, useStaffApp } from "../helpers/staff.ts";

// Monday 26 October 2026, 9 h 00 in Paris (UTC+1 since Sunday).
const clock = fixedClock("2026-10-26T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);
const advisor = () => advisorCookie(env, clock.now());
const weekdayRule = () =>
  env.db.prisma.availabilityRule.findFirstOrThrow({
    where: { advisorId: env.fx.advisor.id, structureId: env.fx.structure.id, weekdays: { has: 1 } },
  });
const publicSlots = async (day: string) =>
  (
    (await (
      await env.app.request(`/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=${day}&to=${day}`)
    ).json()) as { slots: { start: string }[] }
  ).slots.map((s) => s.start);

describe("the availability editor", () => {
  it("shows an advisor their ranges, absences, and the sites and services to choose from", async () => {
    const { status, body } = await send(
      "GET",
      `/availability?advisor=${env.fx.advisor.id}&structure=${env.fx.structure.id}`,
      await advisor(),
    );
    expect(status).toBe(200);
    expect(body.rules).toContainEqual(
      expect.objectContaining({
        startTime: "09:00",
        endTime: "12:00",
        weekdays: [1, 2, 3, 4, 5],
        validFrom: "2026-01-05",
        offeringIds: [env.fx.offering.id],
      }),
    );
    expect(body.sites.map((s: { name: string }) => s.name)).toContain("Lille Centre");
    // Reception cannot edit an advisor's ranges; nobody edits across structures.
    const forReception = `/availability?advisor=${env.fx.advisor.id}&structure=${env.fx.structure.id}`;
    expect((await send("GET", forReception, env.fx.cookies.reception)).status).toBe(404);
    expect((await send("GET", forReception, env.fx.cookies.structureAdmin)).status).toBe(200);
    expect(
      (await send("GET", `/availability?advisor=${env.fx.advisor.id}&structure=${env.fx.other.id}`, await advisor())).status,
    ).toBe(404);
  });

  it("opens a single Saturday morning, which shows in the public slots at once", async () => {
    expect(await publicSlots("2026-10-31")).toEqual([]);
    const res = await send("POST", "/availability/rules", await advisor(), {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      siteId: null,
      modes: ["phone"],
      weekdays: [6],
      startTime: "09:00",
      endTime: "10:00",
      validFrom: "2026-10-31",
      validUntil: "2026-10-31",
      offeringIds: [env.fx.offering.id],
    });
    expect(res.status).toBe(201);
    expect(await publicSlots("2026-10-31")).toEqual(["2026-10-31T09:00:00+01:00"]);
  });

  it("asks before leaving a booked meeting outside the ranges: nothing changes until someone decides", async () => {
    const meeting = await meetingAt(env, "2026-10-27T10:00:00Z"); // Tuesday 11 h 00
    const rule = await weekdayRule();
    const shrink = await send("PATCH", `/availability/rules/${rule.id}`, await advisor(), { endTime: "11:00" });
    expect(shrink.status).toBe(409);
    expect(shrink.body.error.message).toMatch(/un rendez-vous hors des disponibilités/);
    expect(shrink.body.error.affected).toEqual([
      {
        id: meeting.id,
        start: "2026-10-27T11:00:00+01:00",
        service: "Information-conseil VAE",
        person: { firstName: "Léa", lastName: "Durand" },
      },
    ]);
    expect((await weekdayRule()).endTime).toBe("12:00");

    const kept = await send("PATCH", `/availability/rules/${rule.id}`, await advisor(), { endTime: "11:00", onBooked: "keep" });
    expect(kept.body).toMatchObject({ affected: 1, cancelled: 0 });
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("booked");
    expect(await publicSlots("2026-10-28")).not.toContain("2026-10-28T11:00:00+01:00");
    // Already outside: shrinking again asks nothing more about it…
    expect((await send("PATCH", `/availability/rules/${rule.id}`, await advisor(), { endTime: "10:45" })).status).toBe(200);
    // …but an absence over it asks again: the meeting would now fall on a day taken away.
    const dayOff = {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2026-10-27T00:00",
      end: "2026-10-28T00:00",
    };
    const asked = await send("POST", "/availability/absences", await advisor(), dayOff);
    expect([asked.status, asked.body.error.affected.map((a: { id: string }) => a.id)]).toEqual([409, [meeting.id]]);
    expect(await env.db.prisma.absence.count({ where: { advisorId: env.fx.advisor.id, reason: "" } })).toBe(0);
    await send("PATCH", `/availability/rules/${rule.id}`, await advisor(), { endTime: "12:00" });
  });

  it("cancels and tells the people when asked to", async () => {
    const meeting = await meetingAt(env, "2026-11-03T09:00:00Z"); // Tuesday 10 h 00
    const absence = {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2026-11-03T09:30",
      end: "2026-11-03T12:00",
      reason: "Formation",
    };
    expect((await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, absence)).status).toBe(409);
    const res = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, { ...absence, onBooked: "cancel" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ affected: 1, cancelled: 1 });
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("cancelled");
    const told = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { appointmentId: meeting.id, type: "appointment.cancelled" },
    });
    expect(messageOf(told).ics?.method).toBe("CANCEL");
    const events = await env.db.prisma.auditEvent.findMany({ where: { entity: "Absence" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([["absence.create", env.fx.users.structureAdmin.id]]);
  });

  it("names what is wrong, in French", async () => {
    const base = {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      siteId: env.fx.site.id,
      modes: ["onsite"],
      weekdays: [2],
      startTime: "14:00",
      endTime: "16:00",
      validFrom: "2026-11-01",
      offeringIds: [env.fx.offering.id],
    };
    const cases = [
      [{ endTime: "13:00" }, "endTime"],
      [{ siteId: null }, "modes"],
      [{ siteId: env.fx.other.sites[0]?.id }, "siteId"],
      [{ offeringIds: [env.fx.other.offerings[0]?.id] }, "offeringIds"],
      [{ weekdays: [8] }, "weekdays.0"],
      [{ startTime: "25:00" }, "startTime"],
      [{ everyWeeks: 9 }, "everyWeeks"],
      [{ validUntil: "2026-10-01" }, "validUntil"],
      [{ modes: ["onsite", "onsite"] }, "modes"],
      [{ weekdays: [2, 2] }, "weekdays"],
    ] as const;
    for (const [change, field] of cases) {
      const res = await send("POST", "/availability/rules", await advisor(), { ...base, ...change });
      expect([field, res.status, Object.keys(res.body.error.fields ?? {})]).toEqual([field, 422, [field]]);
    }
    const skipped = await send("POST", "/availability/absences", await advisor(), {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2027-03-28T02:30", // the hour skipped when clocks go forward
      end: "2027-03-28T10:00",
    });
    expect(skipped.body.error.fields.start).toMatch(/heure d'été/);
  });
});

describe("a structure closure", () => {
  it("asks too before closing over booked meetings", async () => {
    const meeting = await meetingAt(env, "2026-11-10T09:00:00Z");
    const closure = { startDate: "2026-11-10", endDate: "2026-11-11", reason: "Inventaire" };
    const asked = await send("POST", `/admin/structures/${env.fx.structure.id}/closures`, env.fx.cookies.structureAdmin, closure);
    expect(asked.status).toBe(409);
    expect(asked.body.error.affected.map((a: { id: string }) => a.id)).toEqual([meeting.id]);
    expect(await env.db.prisma.closure.count({ where: { reason: "Inventaire" } })).toBe(0);
    const kept = await send("POST", `/admin/structures/${env.fx.structure.id}/closures`, env.fx.cookies.structureAdmin, {
      ...closure,
      onBooked: "keep",
    });
    expect(kept.status).toBe(201);
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe("booked");
  });
});
