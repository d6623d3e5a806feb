import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import type { Database, SqlSession, Statement } from "../../server/db/database.ts";
import { ANSWER, LOST_LINKS_LIMITS } from "../../server/features/lost-links/ask-for-links.ts";
import { NOT_A_MOBILE } from "../../server/features/lost-links/schemas.ts";
import { LINKS_ASKED, LINKS_SENT, MOST_LINKS } from "../../server/features/lost-links/send-links.ts";
import { createTransport } from "../../server/mail/transport.ts";
import { messageOf, testApp, testConfig, testOutboxWorker } from "../helpers/app.ts";
import { bookOnline } from "../helpers/book-online.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { bookableDirectory } from "../helpers/fixtures.ts";

// « Retrouver mon rendez-vous » (POST /api/manage/lost): whoever lost their private link types the
// e-mail address or the mobile number they booked with, and gets by that channel a new link for
// each meeting still to come. The request only queues a task (the same answer, the same work,
// whether anything matches); the outbox worker looks the contact up, replaces the links and sends
// them.

let db: Database;
let fx: Awaited<ReturnType<typeof bookableDirectory>>;
const clock = fixedClock("2026-03-20T08:00:00Z");
const config = testConfig();
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await bookableDirectory(db);
  app = testApp(db, { clock, config });
});
afterAll(() => db.close());
beforeEach(async () => {
  clock.set("2026-03-20T08:00:00Z");
  await db.prisma.outboxMessage.deleteMany();
  await db.prisma.appointment.deleteMany();
  await db.prisma.person.deleteMany();
  await db.prisma.loginThrottle.deleteMany();
});

/** Books the fixture's VAE information meeting on site on `date` (Paris), at `time` or the first one. */
const book = (date: string, person: object, time?: string) => bookOnline(app, fx.structure.id, { date, person, time });

const ask = (contact: unknown, address = "192.0.2.10", target: ReturnType<typeof testApp> = app) =>
  target.request(
    "/api/manage/lost",
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ contact }) },
    { incoming: { socket: { remoteAddress: address } } },
  );

/** The status of the private link's page: 200 while it works, 404 once dead. */
const linkStatus = async (token: string) => (await app.request(`/api/manage/${token}`)).status;

const worker = () => testOutboxWorker(db, { clock, config, send: createTransport(config) });

const tokensIn = (text: string) => [...text.matchAll(/\/rdv\/([A-Za-z0-9_-]{22})\b/g)].map((m) => m[1] as string);

/** The messages that answered a request (the links), oldest first. */
const answers = () => db.prisma.outboxMessage.findMany({ where: { type: LINKS_SENT }, orderBy: { createdAt: "asc" } });

interface SmsFile {
  to: string;
  text: string;
  segments: number;
  encoding: string;
  messageId: string;
}
const smsDir = join(config.dataDir, "outbox", "sms");
/** The SMS the default transport wrote for these outbox ids (one JSON file each). */
const textsFor = (ids: string[]): SmsFile[] =>
  existsSync(smsDir)
    ? readdirSync(smsDir)
        .filter((name) => name.endsWith(".json"))
        .map((name) => JSON.parse(readFileSync(join(smsDir, name), "utf8")) as SmsFile)
        .filter((sms) => ids.includes(sms.messageId))
    : [];

describe("by e-mail", () => {
  it("sends one e-mail with a new link for each meeting still to come, and the old links die", async () => {
    const started = await book("2026-03-23", { email: "lea@example.org" }, "09:00");
    const first = await book("2026-03-24", { email: "lea@example.org" }, "10:00");
    // Another person who booked with the same address (a parent for a child): theirs too.
    const sibling = await book("2026-03-25", { email: "lea@example.org", firstName: "Tom" }, "09:00");
    const cancelled = await book("2026-03-26", { email: "lea@example.org" }, "09:00");
    const someoneElse = await book("2026-03-24", { email: "autre@example.org" }, "09:00");
    const erased = await book("2026-03-27", { email: "lea@example.org" }, "09:00");
    const cancel = await app.request(`/api/manage/${cancelled.token}/cancel`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(cancel.status).toBe(200);
    const erasedPerson = await db.prisma.appointment.findUniqueOrThrow({ where: { id: erased.id }, select: { personId: true } });
    await db.prisma.person.update({ where: { id: erasedPerson.personId }, data: { anonymisedAt: clock.now() } });
    await worker().drain();
    // Monday 23 March, 09:30 in Paris: the first meeting has begun.
    clock.set("2026-03-23T08:30:00Z");

    const res = await ask("  Lea@Example.org ");
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ message: ANSWER });
    await worker().drain();

    const [mail, ...more] = await answers();
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ channel: "email", recipient: "lea@example.org", status: "sent", appointmentId: first.id });
    const { subject, text, html } = messageOf(mail ?? { payload: null });
    expect(subject).toBe("Vos rendez-vous");
    expect(text).toContain("mardi 24 mars 2026, de 10 h 00 à 10 h 45");
    expect(text).toContain("mercredi 25 mars 2026, de 9 h 00 à 9 h 45");
    expect(text).toContain("Au nom de : Tom Durand");
    expect(text).toContain(fx.structure.name);
    expect(text).toMatch(/Les liens reçus auparavant ne fonctionnent plus/);
    expect(text.indexOf("mardi 24 mars")).toBeLessThan(text.indexOf("mercredi 25 mars"));
    expect(html).toContain('<html lang="fr">');
    const links = tokensIn(text);
    expect(links).toHaveLength(2);

    // The new links lead to the meetings; the old ones are dead, the others' untouched.
    for (const [token, meeting] of [
      [links[0], first],
      [links[1], sibling],
    ] as const) {
      const page = await app.request(`/api/manage/${token}`);
      expect(page.status).toBe(200);
      expect((await page.json()).appointment.id).toBe(meeting.id);
      expect(await linkStatus(meeting.token)).toBe(404);
    }
    expect(await linkStatus(someoneElse.token)).toBe(200);
    expect(await linkStatus(started.token)).toBe(200); // begun, not over: left as it was
    // Nothing of the meeting begun, the cancelled one, another address's, an erased person's.
    for (const moment of ["lundi 23 mars", "jeudi 26 mars", "vendredi 27 mars", "mardi 24 mars 2026, de 9 h 00"]) {
      expect(text).not.toContain(moment);
    }
    expect(await linkStatus(erased.token)).toBe(200);
  });

  it("renders the meetings' pending reminders again with the new link", async () => {
    const meeting = await book("2026-03-25", { email: "lea@example.org" }, "10:00");
    await worker().drain();
    const pendingBefore = await db.prisma.outboxMessage.findMany({
      where: { appointmentId: meeting.id, type: "appointment.reminder", status: "pending" },
    });
    expect(pendingBefore.length).toBeGreaterThan(0);
    expect(messageOf(pendingBefore[0] ?? { payload: null }).text).toContain(meeting.token);

    expect((await ask("lea@example.org")).status).toBe(202);
    await worker().drain();
    const [mail] = await answers();
    const [token] = tokensIn(messageOf(mail ?? { payload: null }).text);
    const reminders = await db.prisma.outboxMessage.findMany({
      where: { appointmentId: meeting.id, type: "appointment.reminder" },
      orderBy: { createdAt: "asc" },
    });
    const pending = reminders.filter((r) => r.status === "pending");
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const dues = (rows: { dueAt: Date }[]) => rows.map((r) => r.dueAt.getTime()).sort();
    expect(ids(reminders.filter((r) => r.status === "cancelled"))).toEqual(ids(pendingBefore));
    expect(dues(pending)).toEqual(dues(pendingBefore));
    for (const reminder of pending) {
      expect(messageOf(reminder).text).toContain(`/rdv/${token}`);
      expect(messageOf(reminder).text).not.toContain(meeting.token);
    }
  });
});

describe("by SMS", () => {
  it("texts the new links to the mobile, within two GSM-7 segments each, and the old links die", async () => {
    const a = await book("2026-03-24", { phone: "06 12 34 56 78" }, "10:00");
    const b = await book("2026-03-25", { phone: "+33 6 12 34 56 78" }, "09:00");
    const other = await book("2026-03-25", { phone: "06 98 76 54 32" }, "10:00");
    await worker().drain();

    const res = await ask("06.12.34.56.78");
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ message: ANSWER });
    const [queued] = await db.prisma.outboxMessage.findMany({ where: { type: LINKS_ASKED } });
    expect(queued).toMatchObject({ channel: "sms", recipient: "+33612345678" });
    await worker().drain();

    const sent = await answers();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((row) => row.channel === "sms" && row.recipient === "+33612345678" && row.status === "sent")).toBe(true);
    const texts = textsFor(sent.map((row) => row.id));
    expect(texts).toHaveLength(sent.length);
    for (const sms of texts) {
      expect(sms).toMatchObject({ to: "+33612345678", encoding: "GSM-7" });
      expect(sms.segments).toBeLessThanOrEqual(2);
      expect(sms.text).toMatch(/ne fonctionnent? plus/);
    }
    const tokens = texts.flatMap((sms) => tokensIn(sms.text));
    expect(tokens).toHaveLength(2);
    const ids = await Promise.all(
      tokens.map(async (token) => (await (await app.request(`/api/manage/${token}`)).json()).appointment.id),
    );
    expect(ids.sort()).toEqual([a.id, b.id].sort());
    expect(await linkStatus(a.token)).toBe(404);
    expect(await linkStatus(b.token)).toBe(404);
    expect(await linkStatus(other.token)).toBe(200);
  });

  it("texts three meetings at most, one text each when they do not fit in one; the others keep their link", async () => {
    const booked = [];
    for (const date of ["2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27"]) {
      booked.push(await book(date, { phone: "06 12 34 56 78" }, "09:00"));
    }
    await worker().drain();
    expect((await ask("+33612345678")).status).toBe(202);
    await worker().drain();

    const sent = await answers();
    const tokens = textsFor(sent.map((row) => row.id)).flatMap((sms) => tokensIn(sms.text));
    expect(tokens).toHaveLength(MOST_LINKS.sms);
    expect(sent.length).toBeLessThanOrEqual(MOST_LINKS.sms);
    // The three soonest have new links; the fourth's link still works, as nothing replaced it.
    for (const meeting of booked.slice(0, 3)) expect(await linkStatus(meeting.token)).toBe(404);
    expect(await linkStatus(booked[3]?.token ?? "")).toBe(200);
    for (const token of tokens) expect(await linkStatus(token)).toBe(200);
  });
});

describe("the same answer whatever happened", () => {
  it("answers an unknown address or number alike, and sends nothing", async () => {
    await book("2026-03-24", { email: "lea@example.org", phone: "06 12 34 56 78" }, "10:00");
    await worker().drain();
    const known = await ask("lea@example.org");
    const unknown = await ask("personne@nulle-part.test");
    const unknownMobile = await ask("06 98 76 54 32");
    expect([known.status, unknown.status, unknownMobile.status]).toEqual([202, 202, 202]);
    const bodies = await Promise.all([known.json(), unknown.json(), unknownMobile.json()]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    const queued = await db.prisma.outboxMessage.findMany({ where: { type: LINKS_ASKED }, orderBy: { createdAt: "asc" } });
    expect(queued.map((m) => [m.channel, m.recipient])).toEqual([
      ["email", "lea@example.org"],
      ["email", "personne@nulle-part.test"],
      ["sms", "+33698765432"],
    ]);
    await worker().drain();
    expect((await answers()).map((m) => m.recipient)).toEqual(["lea@example.org"]);
    // The requests are gone with their tasks: no address is kept once carried out.
    expect(await db.prisma.outboxMessage.count({ where: { type: LINKS_ASKED } })).toBe(0);
  });

  it("does the same statements whether anyone booked with the contact or not, and never reads a person", async () => {
    await book("2026-03-24", { email: "lea@example.org" }, "10:00");
    const traced = tracing(db);
    const tracedApp = testApp(traced.db, { clock, config });
    const run = async (contact: string) => {
      traced.log.length = 0;
      expect((await ask(contact, "192.0.2.20", tracedApp)).status).toBe(202);
      return [...traced.log];
    };
    const matched = await run("lea@example.org");
    const unmatched = await run("personne@nulle-part.test");
    expect(unmatched).toEqual(matched);
    // Two counters (the client's address, the contact's), then the task queued.
    expect(matched.map((statement) => /INSERT INTO "(\w+)"/.exec(statement)?.[1])).toEqual([
      "LoginThrottle",
      "LoginThrottle",
      "OutboxMessage",
    ]);
    expect(matched.join("\n")).not.toMatch(/"Person"|"Appointment"|model (person|appointment)\b/);
  });
});

describe("refusals", () => {
  it("refuses a landline (no SMS can carry the links) and what is neither an address nor a number, writing nothing", async () => {
    const landline = await ask("03 20 12 34 56");
    expect(landline.status).toBe(422);
    const { error } = await landline.json();
    expect(error.fields).toEqual({ contact: NOT_A_MOBILE });
    expect(error.message).toContain("« adresse électronique ou téléphone »");
    for (const contact of ["lea@", "pas un contact", "", "0612", 42, null]) {
      const res = await ask(contact);
      expect(res.status, String(contact)).toBe(422);
      expect((await res.json()).error.fields.contact, String(contact)).toBeTruthy();
    }
    const extra = await app.request("/api/manage/lost", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ contact: "lea@example.org", email: "x@y.fr" }),
    });
    expect(extra.status).toBe(422);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    expect(await db.prisma.loginThrottle.count()).toBe(0);
  });

  it("slows down one client address with a 429, and lets others through", async () => {
    const { requests } = LOST_LINKS_LIMITS.perAddress;
    for (let i = 0; i < requests; i++) expect((await ask(`x${i}@nulle-part.test`)).status).toBe(202);
    const refused = await ask("y@nulle-part.test");
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/Trop de demandes.*une heure/);
    expect((await ask("y@nulle-part.test", "192.0.2.99")).status).toBe(202);
    clock.advance(LOST_LINKS_LIMITS.perAddress.windowMs + 1000);
    expect((await ask("z@nulle-part.test")).status).toBe(202);
  });

  it("past three requests a day for one contact, answers the same but queues nothing", async () => {
    const { requests, windowMs } = LOST_LINKS_LIMITS.perContact;
    const bodies = [];
    for (let i = 0; i <= requests; i++) {
      const res = await ask("lea@example.org", `192.0.2.${30 + i}`);
      expect(res.status).toBe(202);
      bodies.push(await res.json());
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { type: LINKS_ASKED } })).toBe(requests);
    // Another contact from the same addresses goes through; and the next day this one again.
    expect((await ask("autre@example.org", "192.0.2.30")).status).toBe(202);
    expect(await db.prisma.outboxMessage.count({ where: { type: LINKS_ASKED } })).toBe(requests + 1);
    clock.advance(windowMs + 1000);
    expect((await ask("lea@example.org", "192.0.2.50")).status).toBe(202);
    expect(await db.prisma.outboxMessage.count({ where: { type: LINKS_ASKED } })).toBe(requests + 2);
    // The counter holds no one's address.
    const keys = (await db.prisma.loginThrottle.findMany()).map((t) => t.key).join(" ");
    expect(keys).not.toContain("lea@example.org");
    expect(keys).not.toContain("autre@example.org");
  });
});

/**
 * `db` with every statement it runs logged: plain SQL's text, and each Prisma call by its name
 * (`$queryRaw` and the like with the text of the query, a model's name otherwise).
 */
function tracing(inner: Database): { db: Database; log: string[] } {
  const log: string[] = [];
  const textOf = (sql: string | Statement) => (typeof sql === "string" ? sql : sql.text);
  const sql: SqlSession = {
    exec: (text) => {
      log.push(`exec ${text}`);
      return inner.sql.exec(text);
    },
    query: (text, params) => {
      log.push(`sql ${textOf(text)}`);
      return inner.sql.query(text, params);
    },
  };
  const prisma = new Proxy(inner.prisma, {
    get(target, key) {
      const value = Reflect.get(target, key, target);
      if (typeof key !== "string") return value;
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          const [first] = args;
          log.push(`prisma ${key} ${Array.isArray(first) ? (first as readonly string[]).join("?") : ""}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (!key.startsWith("$") && !key.startsWith("_") && value && typeof value === "object") log.push(`prisma model ${key}`);
      return value;
    },
  });
  return { db: { ...inner, sql, prisma }, log };
}
