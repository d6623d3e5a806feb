import { beforeAll, describe, expect, it } from "vitest";
import { Scope } from "../../server/auth/scope.ts";
import { fixedClock } from "../../server/clock.ts";
import { isRecordNotFound } from "../../server/db/errors.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// The boundary between structures (auth/scope.ts): a structure sees its own meetings of a
// shared advisor in full and the others as busy time; it never cancels them; it exports and
// erases what it holds of a person, nothing more, and nothing tells it who else knows them.

// Monday 26 October 2026, 10 h 00 in Paris.
const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);
const send = sender(env);

// The shared advisor's hours: Thursday mornings by phone at the PIC VAE, afternoons on site at the CIO.
beforeAll(async () => {
  const rule = { advisorId: env.fx.users.sharedAdvisor.id, weekdays: [4], validFrom: new Date("2026-01-05") };
  await env.db.prisma.availabilityRule.create({
    data: {
      ...rule,
      structureId: env.fx.structure.id,
      modes: ["phone"],
      startTime: "09:00",
      endTime: "12:00",
      offerings: { create: [{ offeringId: env.fx.offering.id }] },
    },
  });
  await env.db.prisma.availabilityRule.create({
    data: {
      ...rule,
      structureId: env.fx.other.id,
      siteId: env.fx.other.sites[0]?.id ?? null,
      modes: ["onsite"],
      startTime: "14:00",
      endTime: "17:00",
      offerings: { create: [{ offeringId: env.fx.other.offerings[0]?.id ?? "" }] },
    },
  });
});
const WEEK = "from=2026-10-26&to=2026-11-01";

let hour = 0;
/** A meeting of the shared advisor: at the PIC VAE (own, by phone) or at the CIO of Roubaix (other, on site). */
async function meeting(
  where: "own" | "other",
  start: string,
  person: { firstName: string; lastName: string; email?: string },
  more: { notes?: string; accessibilityNeeds?: string; status?: "booked" | "cancelled"; cancelReason?: string } = {},
) {
  const p = env.db.prisma;
  const own = where === "own";
  const created = await p.person.create({ data: { ...person, phone: "+33612345678", lastActivityAt: clock.now() } });
  const startsAt = new Date(start);
  return p.appointment.create({
    data: {
      offeringId: (own ? env.fx.offering.id : env.fx.other.offerings[0]?.id) ?? "",
      structureId: own ? env.fx.structure.id : env.fx.other.id,
      siteId: own ? null : (env.fx.other.sites[0]?.id ?? null),
      mode: own ? "phone" : "onsite",
      advisorId: env.fx.users.sharedAdvisor.id,
      personId: created.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (own ? 45 : 60) * 60_000),
      channel: "online",
      ...more,
      ...(more.status === "cancelled" && { cancelledAt: clock.now() }),
    },
  });
}
/** Another week's Thursday, so that the tests' meetings never meet. */
const thursday = () => {
  hour += 1;
  return new Date(Date.UTC(2026, 10, 5 + 7 * hour));
};
const at = (day: Date, hhmm: string) => new Date(`${day.toISOString().slice(0, 10)}T${hhmm}:00+01:00`).toISOString();
const localDay = (day: Date) => day.toISOString().slice(0, 10);

const SECRETS = ["Bruno", "Secret", "CIO de Roubaix", "Roubaix Gare", "Conseil en évolution", "note CIO", "besoin CIO"];
const leaks = (body: unknown) => SECRETS.filter((secret) => JSON.stringify(body).includes(secret));

describe("a shared advisor's other structures are busy time", () => {
  it("shows a structure its own meetings of the advisor in full, the others as when and nothing more", async () => {
    const mine = await meeting("own", "2026-10-29T08:00:00Z", { firstName: "Alice", lastName: "Martin" });
    const theirs = await meeting(
      "other",
      "2026-10-29T14:00:00Z",
      { firstName: "Bruno", lastName: "Secret" },
      { notes: "note CIO", accessibilityNeeds: "besoin CIO" },
    );
    const advisor = env.fx.users.sharedAdvisor.id;
    for (const query of [`structure=${env.fx.structure.id}&advisor=${advisor}`, `structure=${env.fx.structure.id}`]) {
      for (const role of ["structureAdmin", "reception", "advisor"] as const) {
        const team = await send("GET", `/agenda?${WEEK}&${query}`, env.fx.cookies[role]);
        expect(team.status).toBe(200);
        expect(team.body.appointments.map((a: { id: string }) => a.id)).toContain(mine.id);
        expect(team.body.appointments.map((a: { id: string }) => a.id)).not.toContain(theirs.id);
        expect(team.body.busy).toContainEqual({
          advisorId: advisor,
          start: "2026-10-29T15:00:00+01:00",
          end: "2026-10-29T16:00:00+01:00",
        });
        expect(leaks(team.body)).toEqual([]);
      }
    }
    const detail = await send("GET", `/agenda/appointments/${theirs.id}`, env.fx.cookies.structureAdmin);
    expect(detail.status).toBe(404);
    // The advisor has both in full: they are theirs.
    const own = await send("GET", `/agenda?${WEEK}`, env.fx.cookies.sharedAdvisor);
    expect(own.body.appointments.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(own.body.busy).toEqual([]);
    // And the other structure sees its own one, and this one as busy time.
    const other = await send("GET", `/agenda?${WEEK}&structure=${env.fx.other.id}`, env.fx.cookies.sharedAdvisor);
    expect(other.body.appointments.map((a: { id: string }) => a.id)).toEqual([theirs.id]);
    expect(other.body.busy).toEqual([
      { advisorId: advisor, start: "2026-10-29T09:00:00+01:00", end: "2026-10-29T09:45:00+01:00" },
    ]);
  });

  it("lists an absence's meetings in the advisor's other structures as conflicts, times only, and never cancels them", async () => {
    const day = thursday();
    const mine = await meeting("own", at(day, "10:00"), { firstName: "Alice", lastName: "Martin", email: "alice@example.org" });
    const theirs = await meeting("other", at(day, "15:00"), {
      firstName: "Bruno",
      lastName: "Secret",
      email: "bruno@example.org",
    });
    const absence = {
      advisorId: env.fx.users.sharedAdvisor.id,
      structureId: env.fx.structure.id,
      start: `${localDay(day)}T08:00`,
      end: `${localDay(day)}T18:00`,
      reason: "Formation",
    };
    const asked = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, absence);
    expect(asked.status).toBe(409);
    expect(asked.body.error.affected.map((a: { id: string }) => a.id)).toEqual([mine.id]);
    expect(asked.body.error.conflicts).toEqual([
      { start: `${localDay(day)}T15:00:00+01:00`, end: `${localDay(day)}T16:00:00+01:00` },
    ]);
    expect(leaks(asked.body)).toEqual([]);

    const done = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, { ...absence, onBooked: "cancel" });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ affected: 1, cancelled: 1, conflicts: [expect.anything()] });
    // Who was told: the structure's own person alone.
    expect(done.body.cancelledMeetings.map((m: { id: string }) => m.id)).toEqual([mine.id]);
    expect(leaks(done.body)).toEqual([]);
    const status = async (id: string) => (await env.db.prisma.appointment.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(mine.id)).toBe("cancelled");
    expect(await status(theirs.id)).toBe("booked");
    expect(await env.db.prisma.outboxMessage.count({ where: { recipient: "bruno@example.org" } })).toBe(0);
    expect(await env.db.prisma.outboxMessage.count({ where: { recipient: "alice@example.org" } })).toBe(1);
  });

  it("does not ask about the other structure's meetings alone: the absence is made, its conflicts said", async () => {
    const day = thursday();
    const theirs = await meeting("other", at(day, "15:00"), { firstName: "Bruno", lastName: "Secret" });
    const made = await send("POST", "/availability/absences", env.fx.cookies.structureAdmin, {
      advisorId: env.fx.users.sharedAdvisor.id,
      structureId: env.fx.structure.id,
      start: `${localDay(day)}T13:00`,
      end: `${localDay(day)}T18:00`,
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ affected: 0, cancelled: 0 });
    expect(made.body.conflicts).toHaveLength(1);
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("booked");
  });

  it("changes a structure's ranges without ever touching the advisor's meetings elsewhere", async () => {
    const day = thursday();
    const mine = await meeting("own", at(day, "11:00"), { firstName: "Alice", lastName: "Martin" });
    const theirs = await meeting("other", at(day, "14:00"), { firstName: "Bruno", lastName: "Secret" });
    const rule = await env.db.prisma.availabilityRule.findFirstOrThrow({
      where: { advisorId: env.fx.users.sharedAdvisor.id, structureId: env.fx.structure.id },
    });
    const asked = await send("PATCH", `/availability/rules/${rule.id}`, env.fx.cookies.structureAdmin, { weekdays: [5] });
    expect(asked.status).toBe(409);
    expect(asked.body.error.affected.map((a: { id: string }) => a.id)).toContain(mine.id);
    expect(leaks(asked.body)).toEqual([]);
    await send("PATCH", `/availability/rules/${rule.id}`, env.fx.cookies.structureAdmin, { weekdays: [5], onBooked: "cancel" });
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: mine.id } })).status).toBe("cancelled");
    expect((await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("booked");
    await env.db.prisma.availabilityRule.update({ where: { id: rule.id }, data: { weekdays: [4] } });
  });

  it("tells an absence's reason to the advisor and the structure that declared it, not to their other structures", async () => {
    const absence = await env.db.prisma.absence.create({
      data: {
        advisorId: env.fx.users.sharedAdvisor.id,
        structureId: env.fx.other.id,
        startsAt: new Date("2026-10-30T08:00:00Z"),
        endsAt: new Date("2026-10-30T12:00:00Z"),
        reason: "Congé maladie",
      },
    });
    const query = `advisor=${env.fx.users.sharedAdvisor.id}&structure=${env.fx.structure.id}`;
    const editor = await send("GET", `/availability?${query}`, env.fx.cookies.structureAdmin);
    expect(editor.body.absences).toContainEqual(expect.objectContaining({ id: absence.id, reason: null, removable: false }));
    const team = await send("GET", `/agenda?${WEEK}&structure=${env.fx.structure.id}`, env.fx.cookies.structureAdmin);
    expect(team.body.absences).toContainEqual(expect.objectContaining({ id: absence.id, reason: null }));
    expect(JSON.stringify([editor.body, team.body])).not.toContain("maladie");
    const self = await send("GET", `/agenda?${WEEK}`, env.fx.cookies.sharedAdvisor);
    expect(self.body.absences).toContainEqual(expect.objectContaining({ id: absence.id, reason: "Congé maladie" }));
    // Nor may it remove it.
    expect((await send("DELETE", `/availability/absences/${absence.id}`, env.fx.cookies.structureAdmin)).status).toBe(404);
    expect((await send("DELETE", `/availability/absences/${absence.id}`, env.fx.cookies.sharedAdvisor)).status).toBe(200);
  });

  it("gives the desk when a person last came to this structure, not what they did elsewhere", async () => {
    const mine = await meeting("own", "2026-10-01T08:00:00Z", { firstName: "Chloé", lastName: "Desk" });
    // The same person booked since at the other structure: their last activity is there.
    await env.db.prisma.appointment.create({
      data: {
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        mode: "onsite",
        siteId: env.fx.other.sites[0]?.id ?? null,
        advisorId: env.fx.otherAdvisor.id,
        personId: mine.personId,
        startsAt: new Date("2026-11-20T09:00:00Z"),
        endsAt: new Date("2026-11-20T10:00:00Z"),
        channel: "online",
      },
    });
    await env.db.prisma.person.update({ where: { id: mine.personId }, data: { lastActivityAt: clock.now() } });
    const found = await send("GET", `/desk/people?structure=${env.fx.structure.id}&q=Desk`, env.fx.cookies.reception);
    expect(found.body.people).toEqual([expect.objectContaining({ id: mine.personId, lastSeen: "2026-10-01T08:00:00.000Z" })]);
  });

  it("shows nothing of an account invited from another structure until its owner accepts", async () => {
    const invited = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, env.fx.cookies.structureAdmin, {
      email: "conseil-autre@staff.test",
      firstName: "Autre",
      lastName: "Conseil",
      role: "advisor",
    });
    expect(invited.body.state).toBe("invited");
    const agenda = await send(
      "GET",
      `/agenda?${WEEK}&structure=${env.fx.structure.id}&advisor=${env.fx.otherAdvisor.id}`,
      env.fx.cookies.structureAdmin,
    );
    expect(agenda.status).toBe(422);
    expect(agenda.body.error.fields.advisor).toMatch(/pas de la structure/);
  });
});

describe("the data layer", () => {
  it("finds nothing of another structure's meetings, people and referrals through a user's scope, and changes nothing there", async () => {
    const theirs = await meeting("other", "2026-11-03T14:00:00Z", { firstName: "Bruno", lastName: "Secret" });
    const admin = await Scope.load(env.db, { ...env.fx.users.structureAdmin, regionalAdmin: false });
    const p = admin.prisma;
    expect(await p.appointment.findUnique({ where: { id: theirs.id } })).toBeNull();
    expect(await p.appointment.count({ where: { structureId: env.fx.other.id } })).toBe(0);
    expect(await p.person.findUnique({ where: { id: theirs.personId } })).toBeNull();
    await expect(p.appointment.update({ where: { id: theirs.id }, data: { notes: "x" } })).rejects.toSatisfy(isRecordNotFound);
    expect(await p.appointment.updateMany({ where: { id: theirs.id }, data: { notes: "x" } })).toEqual({ count: 0 });
    await expect(
      p.$transaction((tx) => tx.person.update({ where: { id: theirs.personId }, data: { firstName: "X" } })),
    ).rejects.toSatisfy(isRecordNotFound);
    expect(await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ notes: "" });
    // The same meeting, seen by its own structure's advisor.
    const own = await Scope.load(env.db, { ...env.fx.users.sharedAdvisor, regionalAdmin: false });
    expect(await own.prisma.appointment.findUnique({ where: { id: theirs.id } })).not.toBeNull();
  });
});

describe("what a meeting tells its referral", () => {
  it("reaches the referral even where the user does not see it: an advisor's meeting at a structure they have left", async () => {
    const p = env.db.prisma;
    // The CCAS referred Inès to the CIO, where she booked with an advisor who has since left it for the PIC VAE.
    const ines = await p.person.create({ data: { firstName: "Inès", lastName: "Orientée" } });
    const meeting = (startsAt: string) =>
      p.appointment.create({
        data: {
          offeringId: env.fx.other.offerings[0]?.id ?? "",
          structureId: env.fx.other.id,
          advisorId: env.fx.users.advisor.id,
          personId: ines.id,
          mode: "phone",
          channel: "referral",
          startsAt: new Date(startsAt),
          endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
        },
      });
    const referred = async (appointmentId: string) =>
      p.referral.create({
        data: {
          fromStructureId: env.fx.partner.id,
          referrerId: env.fx.users.referrer.id,
          toStructureId: env.fx.other.id,
          serviceId: env.fx.services.cep.id,
          personId: ines.id,
          need: "Un bilan.",
          consentAt: new Date("2026-10-01T08:00:00Z"),
          status: "booked",
          appointmentId,
        },
      });
    const past = await meeting("2026-10-20T08:00:00Z");
    const first = await referred(past.id);
    const outcome = await send("POST", `/agenda/appointments/${past.id}/outcome`, env.fx.cookies.advisor, {
      outcome: "honoured",
    });
    expect(outcome.status).toBe(200);
    expect(await p.referralEvent.findMany({ where: { referralId: first.id }, select: { kind: true, detail: true } })).toEqual([
      { kind: "outcome", detail: expect.stringMatching(/honoré/) },
    ]);

    const coming = await meeting("2026-11-05T08:00:00Z");
    const second = await referred(coming.id);
    const cancelled = await send("POST", `/agenda/appointments/${coming.id}/cancel`, env.fx.cookies.advisor, {
      reason: "Départ",
    });
    expect(cancelled.status).toBe(200);
    // The referral waits for another meeting, as it does whoever cancels.
    expect(await p.referral.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "accepted",
      appointmentId: null,
    });
  });
});

describe("a person's data, structure by structure", () => {
  /** Camille, met at the PIC VAE (own) and at the CIO of Roubaix (other, a meeting to come), referred there by the CCAS. */
  let times = 0;
  async function camille() {
    const p = env.db.prisma;
    // Each Camille a day apart, so that no two meetings of an advisor overlap.
    const shift = (iso: string) => new Date(new Date(iso).getTime() + times * 86_400_000);
    times += 1;
    const person = await p.person.create({
      data: { firstName: "Camille", lastName: "Partagée", email: "camille@example.org", lastActivityAt: clock.now() },
    });
    const base = { mode: "phone" as const, personId: person.id, channel: "online" as const };
    const here = await p.appointment.create({
      data: {
        ...base,
        offeringId: env.fx.offering.id,
        structureId: env.fx.structure.id,
        advisorId: env.fx.advisor.id,
        startsAt: shift("2026-09-01T08:00:00Z"),
        endsAt: shift("2026-09-01T08:45:00Z"),
        outcome: "honoured",
        notes: "note PIC",
        accessibilityNeeds: "besoin PIC",
      },
    });
    const there = await p.appointment.create({
      data: {
        ...base,
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        advisorId: env.fx.otherAdvisor.id,
        startsAt: shift("2026-12-01T08:00:00Z"),
        endsAt: shift("2026-12-01T09:00:00Z"),
        notes: "note CIO",
        accessibilityNeeds: "besoin CIO",
      },
    });
    const past = await p.appointment.create({
      data: {
        ...base,
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        advisorId: env.fx.otherAdvisor.id,
        startsAt: shift("2026-08-01T08:00:00Z"),
        endsAt: shift("2026-08-01T09:00:00Z"),
        status: "cancelled",
        cancelledAt: new Date("2026-07-30T08:00:00Z"),
        cancelReason: "raison CIO",
      },
    });
    await p.referral.create({
      data: {
        fromStructureId: env.fx.partner.id,
        referrerId: env.fx.users.referrer.id,
        toStructureId: env.fx.other.id,
        serviceId: env.fx.services.cep.id,
        personId: person.id,
        need: "besoin orientation CIO",
        consentAt: new Date("2026-07-01T08:00:00Z"),
        createdAt: new Date("2026-10-20T08:00:00Z"),
      },
    });
    return { person, here, there, past };
  }
  const OTHERS = ["note CIO", "besoin CIO", "raison CIO", "CIO de Roubaix", "besoin orientation CIO", "CCAS"];

  it("exports what the structure holds — its meetings and notes — and the Région everything", async () => {
    const { person, here } = await camille();
    const exported = await send("GET", `/people/${person.id}/export`, env.fx.cookies.structureAdmin);
    expect(exported.status).toBe(200);
    expect(exported.body.appointments.map((a: { id: string }) => a.id)).toEqual([here.id]);
    expect(exported.body.appointments[0]).toMatchObject({ notes: "note PIC", accessibilityNeeds: "besoin PIC" });
    expect(exported.body.referrals).toEqual([]);
    expect(OTHERS.filter((word) => JSON.stringify(exported.body).includes(word))).toEqual([]);
    const summary = await send("GET", `/people/${person.id}`, env.fx.cookies.structureAdmin);
    expect(summary.body.person).toMatchObject({ appointments: 1, referrals: 0, lastActivityAt: here.startsAt.toISOString() });
    expect(summary.body.upcoming).toEqual([]);
    expect(OTHERS.filter((word) => JSON.stringify(summary.body).includes(word))).toEqual([]);

    const everything = await send("GET", `/people/${person.id}/export`, env.fx.cookies.regionalAdmin);
    expect(everything.body.appointments).toHaveLength(3);
    expect(JSON.stringify(everything.body)).toContain("note CIO");
    expect(everything.body.referrals).toHaveLength(1);
  });

  it("erases what the structure holds, leaves the person to the other, and answers as if nobody else knew them", async () => {
    const { person, here, there } = await camille();
    const p = env.db.prisma;
    // A referral the structure once redirected elsewhere: the CCAS's and the CIO's now, not its own.
    const passedOn = await p.referral.create({
      data: {
        fromStructureId: env.fx.partner.id,
        referrerId: env.fx.users.referrer.id,
        toStructureId: env.fx.other.id,
        originStructureIds: [env.fx.structure.id],
        serviceId: env.fx.services.cep.id,
        personId: person.id,
        need: "besoin redirigé",
        consentAt: new Date("2026-07-01T08:00:00Z"),
        createdAt: new Date("2026-10-21T08:00:00Z"),
      },
    });
    const erased = await send("POST", `/people/${person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(erased).toMatchObject({ status: 200, body: { anonymisedAt: clock.now().toISOString(), everywhere: false } });
    expect(await p.referral.findUniqueOrThrow({ where: { id: passedOn.id } })).toMatchObject({
      personId: person.id,
      need: "besoin redirigé",
    });
    // The structure's meeting stays, for its figures, with nobody's name or words.
    const mine = await p.appointment.findUniqueOrThrow({ where: { id: here.id }, include: { person: true } });
    expect(mine).toMatchObject({ notes: "", accessibilityNeeds: "", outcome: "honoured", structureId: env.fx.structure.id });
    expect(mine.person).toMatchObject({ firstName: "Personne", lastName: "anonymisée", email: null });
    expect(mine.personId).not.toBe(person.id);
    // The other structure keeps Camille, and what it wrote.
    expect(await p.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      firstName: "Camille",
      anonymisedAt: null,
    });
    expect(await p.appointment.findUniqueOrThrow({ where: { id: there.id } })).toMatchObject({
      personId: person.id,
      notes: "note CIO",
    });
    // For the structure, she is gone; a retry is answered the same.
    expect((await send("GET", `/people/${person.id}`, env.fx.cookies.structureAdmin)).status).toBe(404);
    const again = await send("POST", `/people/${person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(again).toMatchObject({ status: 200, body: erased.body });
    // She comes back (the desk found her record): what the structure holds of her now is erased in turn.
    const back = await p.appointment.create({
      data: {
        offeringId: env.fx.offering.id,
        structureId: env.fx.structure.id,
        advisorId: env.fx.advisor.id,
        personId: person.id,
        mode: "phone",
        channel: "reception",
        notes: "revenue",
        startsAt: new Date("2026-09-21T08:00:00Z"),
        endsAt: new Date("2026-09-21T08:45:00Z"),
      },
    });
    expect((await send("GET", `/people/${person.id}`, env.fx.cookies.structureAdmin)).status).toBe(200);
    const anew = await send("POST", `/people/${person.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(anew.status).toBe(200);
    expect(await p.appointment.findUniqueOrThrow({ where: { id: back.id } })).toMatchObject({ notes: "" });
    expect((await p.appointment.findUniqueOrThrow({ where: { id: back.id } })).personId).not.toBe(person.id);
    expect(await p.auditEvent.count({ where: { action: "person.erased", entityId: person.id } })).toBe(2);

    // Someone the structure alone knew: the same answer; the person is anonymised whole.
    const alone = await p.person.create({ data: { firstName: "Denis", lastName: "Seul" } });
    await p.appointment.create({
      data: {
        offeringId: env.fx.offering.id,
        structureId: env.fx.structure.id,
        advisorId: env.fx.advisor.id,
        personId: alone.id,
        mode: "phone",
        channel: "online",
        startsAt: new Date("2026-09-20T08:00:00Z"),
        endsAt: new Date("2026-09-20T08:45:00Z"),
      },
    });
    const gone = await send("POST", `/people/${alone.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true });
    expect(gone.body).toEqual(erased.body);
    expect(await p.person.findUniqueOrThrow({ where: { id: alone.id } })).toMatchObject({ firstName: "Personne", email: null });
  });

  it("leaves erasing everywhere to the Région, which waits for every meeting to come, and audits it", async () => {
    const { person, there } = await camille();
    // Camille booked once more, as a new person: the Région is shown that record; a structure is not.
    const twice = await env.db.prisma.person.create({
      data: { firstName: "Camille", lastName: "Partagée", email: "Camille@Example.org" },
    });
    const seen = await send("GET", `/people/${person.id}`, env.fx.cookies.regionalAdmin);
    expect(seen.body.namesakes.map((n: { id: string }) => n.id)).toContain(twice.id);
    expect((await send("GET", `/people/${person.id}`, env.fx.cookies.structureAdmin)).body.namesakes).toEqual([]);
    const refused = await send("POST", `/people/${person.id}/erase`, env.fx.cookies.regionalAdmin, { confirm: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.appointments).toEqual([there.id]);
    await env.db.prisma.appointment.update({ where: { id: there.id }, data: { status: "cancelled", cancelledAt: clock.now() } });
    const erased = await send("POST", `/people/${person.id}/erase`, env.fx.cookies.regionalAdmin, { confirm: true });
    expect(erased).toMatchObject({ status: 200, body: { everywhere: true } });
    expect(await env.db.prisma.appointment.count({ where: { personId: person.id, notes: { not: "" } } })).toBe(0);
    expect(await env.db.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ firstName: "Personne" });
    // The page's openings are traced too (person.view), at the same instant of the test's clock.
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: person.id, action: { not: "person.view" } },
      orderBy: { at: "desc" },
    });
    expect(audit).toMatchObject({ action: "person.erased_everywhere", actorId: env.fx.users.regionalAdmin.id });
  });
});
