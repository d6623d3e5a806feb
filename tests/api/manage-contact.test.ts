import { afterEach, describe, expect, it } from "vitest";
import { messageOf, smsOf } from "../helpers/app.ts";
import { TEST_DATABASE_URL } from "../helpers/db.ts";
import { useDesk } from "../helpers/desk.ts";

// The person changes their e-mail, their phone or their SMS choice through their private link
// (PATCH /api/manage/<token>/contact): stored as the booking stores them, audited without their
// values, and the reminders still to come rendered again for the new contact.
const { clock, env, book, distinctTimes } = useDesk();

afterEach(async () => {
  await env.db.prisma.outboxMessage.deleteMany();
  await env.db.prisma.auditEvent.deleteMany({ where: { action: "person.contact_changed" } });
  await env.db.prisma.appointment.deleteMany();
  clock.set("2026-10-26T08:00:00Z");
});

let week = 0;
/** Two meetings of one person, booked at the desk in a week of their own: a new person, then them again. */
async function twoMeetings(person: object) {
  const from = new Date(Date.UTC(2026, 10, 2 + 7 * week++)).toISOString().slice(0, 10);
  const [first, second] = await distinctTimes(`offering=${env.fx.offering.id}&from=${from}`);
  const one = await book(env.fx.cookies.reception, {
    slotKey: first.key,
    person: { firstName: "Sami", lastName: "Diallo", ...person },
  });
  expect(one.status, JSON.stringify(one.body)).toBe(201);
  const { personId } = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: one.body.appointment.id } });
  const two = await book(env.fx.cookies.reception, { slotKey: second.key, person: { id: personId } });
  expect(two.status, JSON.stringify(two.body)).toBe(201);
  const meeting = (body: { appointment: { id: string }; manageUrl: string }) => ({
    id: body.appointment.id,
    manageUrl: body.manageUrl,
    token: body.manageUrl.split("/rdv/")[1] as string,
  });
  return { personId, one: meeting(one.body), two: meeting(two.body) };
}

async function change(token: string, body: unknown) {
  const res = await env.app.request(`/api/manage/${token}/contact`, {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const cancel = (token: string) =>
  env.app.request(`/api/manage/${token}/cancel`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });

/** The reminders still to go, by appointment: channel, recipient and when. */
const pendingReminders = (appointmentId: string) =>
  env.db.prisma.outboxMessage.findMany({
    where: { appointmentId, type: "appointment.reminder", status: "pending" },
    orderBy: [{ channel: "asc" }, { dueAt: "asc" }],
  });
const summary = async (appointmentId: string) =>
  (await pendingReminders(appointmentId)).map((r) => `${r.channel} ${r.recipient} ${r.dueAt.toISOString()}`);

describe("changing one's contact through the private link", () => {
  it("stores the phone in E.164, answers the contact the French way, and audits the fields without their values", async () => {
    const { personId, one } = await twoMeetings({ email: "sami@example.org" });
    const res = await change(one.token, { email: "Sami.Diallo@Exemple.fr", phone: "+33 (0)6 12 34 56 78" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const person = {
      firstName: "Sami",
      lastName: "Diallo",
      hasEmail: true,
      email: "sami.diallo@exemple.fr",
      phone: "06 12 34 56 78",
      smsReminders: true,
      smsTo: "06 12 34 56 78",
    };
    expect(res.body).toEqual({ person, changed: ["email", "phone"] });
    expect(await env.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({
      email: "sami.diallo@exemple.fr",
      phone: "+33612345678",
      smsReminders: true,
    });
    expect((await (await env.app.request(`/api/manage/${one.token}`)).json()).person).toEqual(person);

    const events = await env.db.prisma.auditEvent.findMany({ where: { action: "person.contact_changed" } });
    expect(events).toEqual([
      expect.objectContaining({
        actorId: null,
        entity: "Person",
        entityId: personId,
        details: { fields: ["email", "phone"], structureId: env.fx.structure.id },
      }),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/sami|diallo|612345678|12 34/i);

    // The same request again (a retry) changes nothing, and leaves no second trace.
    const again = await change(one.token, { email: "sami.diallo@exemple.fr", phone: "06 12 34 56 78" });
    expect(again.body).toEqual({ person, changed: [] });
    expect(await env.db.prisma.auditEvent.count({ where: { action: "person.contact_changed" } })).toBe(1);
  });

  it("sends the reminders of every meeting still to come to the new address, each with its own link, and nothing else", async () => {
    const { one, two } = await twoMeetings({ email: "ancienne@example.org" });
    const before = await env.db.prisma.outboxMessage.count();
    expect(await summary(one.id)).toEqual([
      expect.stringMatching(/^email ancienne@example.org /),
      expect.stringMatching(/^email ancienne@example.org /),
    ]);
    const dueTimes = (await pendingReminders(two.id)).map((r) => r.dueAt.toISOString());

    expect((await change(one.token, { email: "nouvelle@example.org" })).status).toBe(200);
    for (const meeting of [one, two]) {
      const reminders = await pendingReminders(meeting.id);
      expect(reminders.map((r) => r.recipient)).toEqual(["nouvelle@example.org", "nouvelle@example.org"]);
      for (const reminder of reminders) expect(messageOf(reminder).text).toContain(meeting.manageUrl);
    }
    expect((await pendingReminders(two.id)).map((r) => r.dueAt.toISOString())).toEqual(dueTimes);
    // The old address's reminders are withdrawn; no confirmation nor notice to anyone.
    const old = await env.db.prisma.outboxMessage.findMany({
      where: { recipient: "ancienne@example.org", type: "appointment.reminder" },
    });
    expect(old.map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(await env.db.prisma.outboxMessage.count()).toBe(before + 4);

    // A reminder already gone is not sent again: 3 h before the first meeting, only the last one is left.
    const start = (await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: one.id } })).startsAt;
    clock.set(new Date(start.getTime() - 24 * 3600_000).toISOString());
    expect((await change(one.token, { email: "troisieme@example.org" })).status).toBe(200);
    expect(await summary(one.id)).toEqual([
      `email troisieme@example.org ${new Date(start.getTime() - 3 * 3600_000).toISOString()}`,
    ]);
  });

  it("texts the reminders once a mobile is given, stops when « Recevoir les rappels par SMS » is unticked, never to a landline", async () => {
    const { one, two } = await twoMeetings({ email: "sami@example.org" });
    const added = await change(one.token, { phone: "06 12 34 56 78" });
    expect(added.body.person).toMatchObject({ phone: "06 12 34 56 78", smsReminders: true, smsTo: "06 12 34 56 78" });
    for (const meeting of [one, two]) {
      const sms = (await pendingReminders(meeting.id)).filter((r) => r.channel === "sms");
      expect(sms.map((r) => r.recipient)).toEqual(["+33612345678", "+33612345678"]);
      expect(smsOf(sms[0] ?? { payload: null }).sms.text).toContain(meeting.manageUrl);
    }
    // Reminders only: the booking's confirmation is not texted again.
    expect(await env.db.prisma.outboxMessage.count({ where: { channel: "sms", type: { not: "appointment.reminder" } } })).toBe(0);

    const unticked = await change(two.token, { smsReminders: false });
    expect(unticked.body).toMatchObject({ person: { smsReminders: false, smsTo: null }, changed: ["smsReminders"] });
    for (const meeting of [one, two]) {
      expect((await pendingReminders(meeting.id)).map((r) => `${r.channel} ${r.recipient}`)).toEqual([
        "email sami@example.org",
        "email sami@example.org",
      ]);
    }

    const landline = await change(one.token, { phone: "03 20 12 34 56", smsReminders: true });
    expect(landline.body.person).toMatchObject({ phone: "03 20 12 34 56", smsReminders: true, smsTo: null });
    expect(await env.db.prisma.outboxMessage.count({ where: { channel: "sms", status: "pending" } })).toBe(0);
  });

  it("reaches someone who gave only a phone by e-mail once they give an address, and lets them drop the phone", async () => {
    const { one } = await twoMeetings({ phone: "03 20 12 34 56" });
    expect(await summary(one.id)).toEqual([]);
    const res = await change(one.token, { email: "sami@example.org", phone: null });
    expect(res.body).toMatchObject({
      person: { email: "sami@example.org", phone: null, smsTo: null },
      changed: ["email", "phone"],
    });
    expect((await pendingReminders(one.id)).map((r) => r.recipient)).toEqual(["sami@example.org", "sami@example.org"]);
  });
});

describe("what a contact change refuses", () => {
  it("says in French which field is wrong, and writes nothing", async () => {
    const { personId, one } = await twoMeetings({ email: "sami@example.org" });
    const cases: [unknown, string, RegExp][] = [
      [{ email: "pas-une-adresse" }, "email", /adresse électronique invalide/],
      [{ phone: "0612" }, "phone", /numéro de téléphone invalide/],
      [{ phone: "07 12 34 56 78" }, "phone", /numéro de téléphone invalide/],
      [{ smsReminders: "oui" }, "smsReminders", /vrai ou faux/],
      [{}, "email", /Indiquez l'adresse électronique, le numéro de téléphone ou le choix/],
      [{ email: null }, "email", /Gardez une adresse électronique ou un numéro de téléphone/],
    ];
    for (const [body, field, message] of cases) {
      const res = await change(one.token, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe("VALIDATION");
      expect(res.body.error.fields[field], JSON.stringify(body)).toMatch(message);
    }
    const unknown = await change(one.token, { email: "sami@example.org", firstName: "Autre" });
    expect(unknown.status).toBe(422);

    await change(one.token, { phone: "06 12 34 56 78" });
    const both = await change(one.token, { email: null, phone: null });
    expect(both.status).toBe(422);
    expect(Object.keys(both.body.error.fields)).toEqual(["email", "phone"]);
    expect(await env.db.prisma.person.findUniqueOrThrow({ where: { id: personId } })).toMatchObject({
      email: "sami@example.org",
      phone: "+33612345678",
    });
    expect(await env.db.prisma.auditEvent.count({ where: { action: "person.contact_changed" } })).toBe(1);
  });

  it("answers 404 for a dead link, as the other routes of the link do", async () => {
    const { one, two } = await twoMeetings({ email: "sami@example.org" });
    expect((await cancel(two.token)).status).toBe(200);
    for (const token of ["AAAAAAAAAAAAAAAAAAAAAA", "court", two.token]) {
      const res = await change(token, { phone: "06 12 34 56 78" });
      expect(res.status, token).toBe(404);
      // A cancelled meeting's link says it was cancelled; any other, that the link is dead.
      expect(res.body.error.message).toMatch(
        token === two.token ? /^Ce rendez-vous a été annulé le / : /Ce lien n'est plus valable/,
      );
    }
    // Once the meeting is over, its link is dead too.
    const { endsAt } = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: one.id } });
    clock.set(endsAt.toISOString());
    expect((await change(one.token, { phone: "06 12 34 56 78" })).status).toBe(404);
  });
});

describe("a contact change beside other changes", () => {
  it("a change and a cancellation at once leave no reminder of the cancelled meeting", async () => {
    for (let round = 0; round < 3; round++) {
      const { one, two } = await twoMeetings({ email: "sami@example.org", phone: "06 12 34 56 78" });
      const [changed, cancelOne, cancelTwo] = await Promise.all([
        change(one.token, { email: `sami.${round}@example.org` }),
        cancel(one.token),
        cancel(two.token),
      ]);
      expect([200, 404]).toContain(changed.status);
      expect([cancelOne.status, cancelTwo.status]).toEqual([200, 200]);
      expect(await pendingReminders(one.id)).toEqual([]);
      expect(await pendingReminders(two.id)).toEqual([]);
    }
  });

  it("two changes through two links of one person take turns: every reminder goes to the one that came last", async () => {
    const { personId, one, two } = await twoMeetings({ email: "sami@example.org" });
    const answers = await Promise.all([
      change(one.token, { email: "un@example.org" }),
      change(two.token, { email: "deux@example.org" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const { email } = await env.db.prisma.person.findUniqueOrThrow({ where: { id: personId } });
    for (const meeting of [one, two]) {
      expect((await pendingReminders(meeting.id)).map((r) => r.recipient)).toEqual([email, email]);
    }
  });

  it.runIf(TEST_DATABASE_URL)("holds under 10 concurrent changes and cancellations (PostgreSQL)", async () => {
    const { one, two } = await twoMeetings({ email: "sami@example.org" });
    const results = await Promise.all([
      ...Array.from({ length: 8 }, (_, i) =>
        change(i % 2 ? one.token : two.token, { email: `sami.${i}@example.org`, smsReminders: i % 3 === 0 }),
      ),
      cancel(two.token),
    ]);
    expect(results.slice(0, 8).every((r) => "status" in r && [200, 404].includes(r.status))).toBe(true);
    expect(await pendingReminders(two.id)).toEqual([]);
    const left = await pendingReminders(one.id);
    expect(new Set(left.map((r) => r.recipient)).size).toBeLessThanOrEqual(1);
  });
});

describe("the SMS choice where a person is booked", () => {
  it("at the desk: unticked, no SMS is written; ticked or unsaid, the mobile gets them", async () => {
    const [first, second] = await distinctTimes(`offering=${env.fx.offering.id}&from=2026-12-07`);
    const unticked = await book(env.fx.cookies.reception, {
      slotKey: first.key,
      person: { firstName: "Sami", lastName: "Diallo", phone: "06 12 34 56 78", smsReminders: false },
    });
    expect(unticked.status).toBe(201);
    expect(
      await env.db.prisma.outboxMessage.count({ where: { appointmentId: unticked.body.appointment.id, channel: "sms" } }),
    ).toBe(0);
    const ticked = await book(env.fx.cookies.reception, {
      slotKey: second.key,
      person: { firstName: "Sami", lastName: "Diallo", phone: "06 12 34 56 78", smsReminders: true },
    });
    const sms = await env.db.prisma.outboxMessage.findMany({
      where: { appointmentId: ticked.body.appointment.id, channel: "sms" },
    });
    expect(sms.map((r) => r.type).sort()).toEqual(["appointment.booked", "appointment.reminder", "appointment.reminder"]);
  });
});
