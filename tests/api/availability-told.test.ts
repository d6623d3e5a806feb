import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { smsOf } from "../helpers/app.ts";
import { atFixture } from "../helpers/fixtures.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// Who was told of the meetings an absence, a removed date or a closure cancels, and who has to
// be phoned: the answer lists the structure's cancelled meetings with the ways each cancellation
// went (e-mail, SMS, both) — the outbox holds exactly those messages — or the number to call.

// Monday 26 October 2026, 9 h 00 in Paris (UTC+1 since Sunday): SMS go at once.
const clock = fixedClock("2026-10-26T08:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

const PEOPLE = {
  email: { firstName: "Emma", lastName: "Courriel", email: "emma.courriel@example.org", phone: null },
  mobile: { firstName: "Sami", lastName: "Mobile", email: null, phone: "+33612345678" },
  landline: { firstName: "Fabien", lastName: "Fixe", email: null, phone: "+33320112233" },
  both: { firstName: "Brigitte", lastName: "Deux", email: "brigitte.deux@example.org", phone: "+33698765432" },
  unticked: { firstName: "Ugo", lastName: "Sanssms", email: null, phone: "+33611223344", smsReminders: false },
} as const;
type Who = keyof typeof PEOPLE;

/** A 45-minute meeting with the PIC VAE's advisor, on site, for one of PEOPLE; `start` in UTC. */
async function meeting(who: Who, start: string) {
  const person = await env.db.prisma.person.create({ data: PEOPLE[who] });
  const startsAt = new Date(start);
  return env.db.prisma.appointment.create({
    data: {
      ...atFixture(env.fx),
      personId: person.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      channel: "online",
    },
  });
}

/** The person's messages of the cancellations (not the advisor's notices): [appointment, channel, recipient]. */
async function cancellationsSent(ids: string[]) {
  const rows = await env.db.prisma.outboxMessage.findMany({
    where: { appointmentId: { in: ids }, type: "appointment.cancelled" },
    select: { appointmentId: true, channel: true, recipient: true },
  });
  return rows
    .map((r) => [ids.indexOf(r.appointmentId ?? ""), r.channel, r.recipient] as const)
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}

describe("the people a cancelling change told", () => {
  it("an absence: by e-mail, by SMS, and the landline to call, with the outbox holding just those messages", async () => {
    // Tuesday 3 November, 9 h, 10 h and 11 h in Paris.
    const meetings = [
      await meeting("email", "2026-11-03T08:00:00Z"),
      await meeting("mobile", "2026-11-03T09:00:00Z"),
      await meeting("landline", "2026-11-03T10:00:00Z"),
    ];
    const absence = {
      advisorId: env.fx.advisor.id,
      structureId: env.fx.structure.id,
      start: "2026-11-03T00:00",
      end: "2026-11-04T00:00",
      reason: "Formation",
    };
    // Asked first: nothing is cancelled, nobody is listed as told.
    const asked = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, absence);
    expect(asked.status).toBe(409);
    expect(asked.body.error).not.toHaveProperty("cancelledMeetings");
    expect(await cancellationsSent(meetings.map((m) => m.id))).toEqual([]);

    const res = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, { ...absence, onBooked: "cancel" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ affected: 3, cancelled: 3, conflicts: [] });
    const service = "Information-conseil VAE";
    expect(res.body.cancelledMeetings).toEqual([
      {
        id: meetings[0]?.id,
        start: "2026-11-03T09:00:00+01:00",
        service,
        person: { firstName: "Emma", lastName: "Courriel" },
        told: ["email"],
        phone: null,
      },
      {
        id: meetings[1]?.id,
        start: "2026-11-03T10:00:00+01:00",
        service,
        person: { firstName: "Sami", lastName: "Mobile" },
        told: ["sms"],
        phone: null,
      },
      {
        id: meetings[2]?.id,
        start: "2026-11-03T11:00:00+01:00",
        service,
        person: { firstName: "Fabien", lastName: "Fixe" },
        told: [],
        phone: "03 20 11 22 33",
      },
    ]);
    expect(await cancellationsSent(meetings.map((m) => m.id))).toEqual([
      [0, "email", "emma.courriel@example.org"],
      [1, "sms", "+33612345678"],
    ]);
    const [sms] = await env.db.prisma.outboxMessage.findMany({
      where: { appointmentId: meetings[1]?.id, type: "appointment.cancelled" },
    });
    expect(sms?.dueAt).toEqual(clock.now());
    expect(smsOf(sms ?? { payload: null }).sms.text).toMatch(/annul/i);
  });

  it("a closure: both ways for someone with both, and a mobile without SMS to call", async () => {
    // Thursday 5 November.
    const meetings = [
      await meeting("both", "2026-11-05T08:00:00Z"),
      await meeting("unticked", "2026-11-05T09:00:00Z"),
      await meeting("landline", "2026-11-05T10:00:00Z"),
    ];
    const res = await send("POST", `/admin/structures/${env.fx.structure.id}/closures`, env.fx.cookies.structureAdmin, {
      startDate: "2026-11-05",
      endDate: "2026-11-05",
      reason: "Inventaire",
      onBooked: "cancel",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ affected: 3, cancelled: 3 });
    expect(
      res.body.cancelledMeetings.map((m: { id: string; person: { lastName: string }; told: string[]; phone: string | null }) => [
        meetings.findIndex((mine) => mine.id === m.id),
        m.person.lastName,
        m.told,
        m.phone,
      ]),
    ).toEqual([
      [0, "Deux", ["email", "sms"], null],
      [1, "Sanssms", [], "06 11 22 33 44"],
      [2, "Fixe", [], "03 20 11 22 33"],
    ]);
    expect(await cancellationsSent(meetings.map((m) => m.id))).toEqual([
      [0, "email", "brigitte.deux@example.org"],
      [0, "sms", "+33698765432"],
    ]);
  });

  it("keeping the meetings lists nobody", async () => {
    const kept = await meeting("mobile", "2026-11-10T08:00:00Z");
    const res = await send("POST", `/admin/structures/${env.fx.structure.id}/closures`, env.fx.cookies.structureAdmin, {
      startDate: "2026-11-10",
      endDate: "2026-11-10",
      onBooked: "keep",
    });
    expect(res.body).toMatchObject({ affected: 1, cancelled: 0, cancelledMeetings: [] });
    expect(await cancellationsSent([kept.id])).toEqual([]);
  });

  it("never lists a shared advisor's meeting in their other structure: busy time only", async () => {
    const p = env.db.prisma;
    const advisorId = env.fx.users.sharedAdvisor.id;
    const mine = await p.appointment.create({
      data: {
        ...atFixture(env.fx),
        advisorId,
        siteId: null,
        mode: "phone",
        personId: (await p.person.create({ data: PEOPLE.landline })).id,
        startsAt: new Date("2026-11-12T08:00:00Z"),
        endsAt: new Date("2026-11-12T08:45:00Z"),
        channel: "online",
      },
    });
    const theirs = await p.appointment.create({
      data: {
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        siteId: env.fx.other.sites[0]?.id ?? null,
        mode: "onsite",
        advisorId,
        personId: (await p.person.create({ data: { firstName: "Bruno", lastName: "Secret", phone: "+33320998877" } })).id,
        startsAt: new Date("2026-11-12T14:00:00Z"),
        endsAt: new Date("2026-11-12T15:00:00Z"),
        channel: "online",
      },
    });
    const res = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, {
      advisorId,
      structureId: env.fx.structure.id,
      start: "2026-11-12T00:00",
      end: "2026-11-13T00:00",
      onBooked: "cancel",
    });
    expect(res.status).toBe(201);
    expect(res.body.cancelledMeetings.map((m: { id: string }) => m.id)).toEqual([mine.id]);
    expect(res.body.conflicts).toEqual([{ start: "2026-11-12T15:00:00+01:00", end: "2026-11-12T16:00:00+01:00" }]);
    for (const secret of ["Bruno", "Secret", "03 20 99 88 77", "+33320998877", theirs.id]) {
      expect(JSON.stringify(res.body)).not.toContain(secret);
    }
    expect((await p.appointment.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("booked");
  });
});
