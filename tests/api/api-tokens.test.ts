import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../server/auth/hash-secret.ts";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import { API_PERMISSIONS, type ApiPermission } from "../../server/domain/api-permissions.ts";
import { testApp, testConfig } from "../helpers/app.ts";
import { meetingAt, useStaffApp } from "../helpers/staff.ts";

// A structure's API tokens: made by its admins, shown once, kept hashed, and on the staff API
// the same trust model as a session — its creator's rights, in its structure only, as far as
// its permissions go — with its own end (revoked, expired, creator gone), rate and audit trail.

const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);

interface Call {
  token?: string;
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
  app?: ReturnType<typeof testApp>;
}
async function call(method: string, path: string, { token, cookie, body, headers, app = env.app }: Call = {}) {
  const res = await app.request(`/api${path}`, {
    method,
    headers: {
      ...(token && { Authorization: `Bearer ${token}` }),
      ...(cookie && { Cookie: cookie }),
      ...(body !== undefined && { "Content-Type": "application/json" }),
      ...headers,
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const own = () => env.fx.structure.id;
const admin = () => env.fx.cookies.structureAdmin;
/** A new signed-in account with these memberships: its session cookie. */
async function staffAccount(
  key: string,
  memberships: { structureId: string; role: "structure_admin" | "advisor" }[],
  extra: { regionalAdmin?: boolean } = {},
) {
  const user = await env.db.prisma.staffUser.create({
    data: { email: `${key}@staff.test`, firstName: "A", lastName: key, memberships: { create: memberships }, ...extra },
  });
  return `rdv-session=${await openSession(env.db, user.id, clock.now())}`;
}
let named = 0;
/** A token of the structure admin's structure (or another's, made by the Région), as its creator gets it. */
async function newToken(
  permissions: readonly ApiPermission[],
  { cookie = admin(), structureId = own(), expiresOn = undefined as string | undefined } = {},
) {
  const made = await call("POST", `/admin/structures/${structureId}/api-tokens`, {
    cookie,
    body: { name: `Logiciel ${++named}`, permissions, ...(expiresOn && { expiresOn }) },
  });
  if (made.status !== 201) throw new Error(`${made.status}: ${JSON.stringify(made.body)}`);
  return made.body as { id: string; token: string; prefix: string; expiresAt: string };
}

describe("a structure admin's tokens", () => {
  it("shows a new token once, keeps only its hash, and lists it with its prefix, author and dates", async () => {
    const made = await newToken(["appointments_read"]);
    expect(made.token).toMatch(/^rdv_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    // A year by default: it stops working at the Paris midnight after its last day.
    expect(made.expiresAt).toBe("2027-10-26T22:00:00.000Z");

    const stored = await env.db.prisma.apiToken.findUniqueOrThrow({ where: { id: made.id } });
    expect(stored.tokenHash).toBe(hashSecret(made.token));
    expect(JSON.stringify(stored)).not.toContain(made.token.slice(12));

    const listed = await call("GET", `/admin/structures/${own()}/api-tokens`, { cookie: admin() });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(made.token.slice(12));
    const row = listed.body.tokens.find((t: { id: string }) => t.id === made.id);
    expect(row).toMatchObject({
      prefix: made.prefix,
      permissions: ["appointments_read"],
      createdBy: { lastName: "admin-structure" },
      createdAt: clock.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "api_token.create", entityId: made.id } });
    expect(audit.actorId).toBe(env.fx.users.structureAdmin.id);
  });

  it("refuses a token without permission, past two years, or for a structure its author does not run", async () => {
    const path = `/admin/structures/${own()}/api-tokens`;
    const none = await call("POST", path, { cookie: admin(), body: { name: "Vide", permissions: [] } });
    expect(none.status).toBe(422);
    expect(none.body.error.message).toContain("« permissions »");
    const far = await call("POST", path, {
      cookie: admin(),
      body: { name: "Trop long", permissions: ["referrals_read"], expiresOn: "2028-12-01" },
    });
    expect(far.status).toBe(422);
    expect(far.body.error.fields.expiresOn).toMatch(/deux ans/);
    const past = await call("POST", path, {
      cookie: admin(),
      body: { name: "Passé", permissions: ["referrals_read"], expiresOn: "2026-10-25" },
    });
    expect(past.status).toBe(422);
    const body = { name: "Ailleurs", permissions: ["referrals_read"] };
    expect((await call("POST", `/admin/structures/${env.fx.other.id}/api-tokens`, { cookie: admin(), body })).status).toBe(404);
    expect((await call("POST", path, { cookie: env.fx.cookies.advisor, body })).status).toBe(403);
  });

  it("lets the Région list and revoke any structure's tokens but make one only where it is an admin member", async () => {
    const region = env.fx.cookies.regionalAdmin;
    const made = await newToken(["referrals_read"]);
    const body = { name: "Région", permissions: ["referrals_read"] };
    const refused = await call("POST", `/admin/structures/${own()}/api-tokens`, { cookie: region, body });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^Seul un administrateur de la structure peut créer un jeton pour elle : /);
    expect(await env.db.prisma.apiToken.count({ where: { name: "Région" } })).toBe(0);
    const listed = await call("GET", `/admin/structures/${own()}/api-tokens`, { cookie: region });
    expect(listed.body.tokens.map((t: { id: string }) => t.id)).toContain(made.id);
    expect((await call("POST", `/admin/api-tokens/${made.id}/revoke`, { cookie: region, body: {} })).status).toBe(200);
    expect((await call("GET", "/referrals?box=received", { token: made.token })).status).toBe(401);

    // A token the Région made before it could not (or with a membership since lost) reads nothing.
    const old = `rdv_${"R".repeat(43)}`;
    await env.db.prisma.apiToken.create({
      data: {
        structureId: own(),
        name: "Ancien",
        tokenHash: hashSecret(old),
        prefix: old.slice(0, 12),
        permissions: ["referrals_read"],
        createdById: env.fx.users.regionalAdmin.id,
        createdAt: clock.now(),
      },
    });
    const stale = await call("GET", "/referrals?box=received", { token: old });
    expect([stale.status, stale.body.error.message]).toEqual([401, expect.stringMatching(/n'administre plus/)]);

    // A Région admin who also runs the structure as a member makes its tokens as its admin.
    const both = await staffAccount("region-et-admin", [{ structureId: own(), role: "structure_admin" }], {
      regionalAdmin: true,
    });
    const theirs = await newToken(["referrals_read"], { cookie: both });
    expect((await call("GET", "/referrals?box=received", { token: theirs.token })).status).toBe(200);
  });

  it("never lets a token manage tokens", async () => {
    const { token } = await newToken([...API_PERMISSIONS]);
    const tried = await call("POST", `/admin/structures/${own()}/api-tokens`, {
      token,
      body: { name: "Fils", permissions: ["referrals_read"] },
    });
    expect(tried.status).toBe(403);
    expect(tried.body.error.message).toMatch(/jeton ne donne pas accès/);
    expect((await call("GET", `/admin/structures/${own()}/api-tokens`, { token })).status).toBe(403);
  });
});

describe("a token on the staff API", () => {
  /** Each area read and written: a 404 on an unknown id shows the request went past authorization. */
  const probes = {
    appointments_read: ["GET", () => `/agenda/appointments/${randomUUID()}`],
    appointments_write: ["POST", () => `/agenda/appointments/${randomUUID()}/cancel`, { reason: "Test." }],
    availability_read: ["GET", () => `/availability?advisor=${env.fx.advisor.id}&structure=${env.fx.other.id}`],
    availability_write: ["DELETE", () => `/availability/absences/${randomUUID()}`],
    referrals_read: ["GET", () => `/referrals/${randomUUID()}`],
    referrals_write: ["POST", () => `/referrals/${randomUUID()}/accept`, {}],
  } as const satisfies Record<ApiPermission, readonly [string, () => string, object?]>;

  it.each(API_PERMISSIONS.map((p) => [p]))("with %s opens its endpoints and no others", async (permission) => {
    const { token } = await newToken([permission]);
    for (const probe of API_PERMISSIONS) {
      const [method, path, body] = probes[probe];
      const res = await call(method, path(), { token, ...(body && { body }) });
      // Writing an area implies reading it.
      const opens = probe === permission || probe === permission.replace("_write", "_read");
      expect([probe, res.status]).toEqual([probe, opens ? 404 : 403]);
      if (!opens)
        expect(res.body.error.message).toMatch(/^Ce jeton ne donne pas accès à cette action : il y faut la permission « /);
    }
  });

  it("refuses a permission it lacks whatever the body, before reading it", async () => {
    const { token } = await newToken(["appointments_read"]);
    const res = await call("PATCH", `/agenda/appointments/${randomUUID()}`, { token, body: {} });
    expect([res.status, res.body.error.message]).toEqual([
      403,
      "Ce jeton ne donne pas accès à cette action : il y faut la permission « Prendre, déplacer, annuler les rendez-vous ».",
    ]);
  });

  it("never opens the directory, figures, one's account, people's files or calendar subscription", async () => {
    const { token } = await newToken([...API_PERMISSIONS]);
    for (const path of [
      "/admin/structures",
      "/dashboards/filters",
      "/auth/me",
      `/people/${randomUUID()}`,
      "/calendar-feed",
      "/notices",
    ]) {
      const res = await call("GET", path, { token });
      expect([path, res.status, res.body.error.message]).toEqual([
        path,
        403,
        "Ce jeton ne donne pas accès à cet espace : il est réservé aux personnes connectées.",
      ]);
    }
  });

  it("sees its structure's meetings, not another's, nor its creator's own meetings elsewhere", async () => {
    // An admin of the PIC VAE who is also an advisor of the CIO, with a meeting there.
    const both = await env.db.prisma.staffUser.create({
      data: {
        email: "admin-et-conseil@staff.test",
        firstName: "Alex",
        lastName: "Double",
        memberships: {
          create: [
            { structureId: own(), role: "structure_admin" },
            { structureId: env.fx.other.id, role: "advisor" },
          ],
        },
      },
    });
    const cookie = `rdv-session=${await openSession(env.db, both.id, clock.now())}`;
    const { token } = await newToken(["appointments_read"], { cookie });
    const person = await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } });
    const theirs = await env.db.prisma.appointment.create({
      data: {
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        mode: "onsite",
        advisorId: both.id,
        personId: person.id,
        startsAt: new Date("2026-11-02T09:00:00Z"),
        endsAt: new Date("2026-11-02T10:00:00Z"),
        channel: "online",
      },
    });
    const here = await meetingAt(env, "2026-11-03T09:00:00Z");

    expect((await call("GET", `/agenda/appointments/${theirs.id}`, { cookie })).status).toBe(200);
    expect((await call("GET", `/agenda/appointments/${theirs.id}`, { token })).status).toBe(404);
    expect((await call("GET", `/agenda/appointments/${here.id}`, { token })).status).toBe(200);
    const week = "from=2026-11-02&to=2026-11-08";
    expect((await call("GET", `/agenda?${week}&structure=${env.fx.other.id}`, { token })).status).toBe(404);
    const agenda = await call("GET", `/agenda?${week}&structure=${own()}`, { token });
    expect(agenda.status).toBe(200);
    expect(JSON.stringify(agenda.body)).toContain(here.id);
    expect(JSON.stringify(agenda.body)).not.toContain(theirs.id);
    // Without `structure`, not its creator's own agenda (their meetings and absences elsewhere): its structure's.
    const plain = await call("GET", `/agenda?${week}`, { token });
    expect(plain.status).toBe(200);
    expect(plain.body).toEqual(agenda.body);
  });

  it("changes availability without reaching the meetings it leaves out, unless it may handle appointments", async () => {
    const meeting = await meetingAt(env, "2026-11-05T09:00:00Z");
    const absence = {
      advisorId: env.fx.advisor.id,
      structureId: own(),
      start: "2026-11-05T00:00",
      end: "2026-11-06T00:00",
    };
    const availability = (await newToken(["availability_write"])).token;
    const asked = await call("POST", "/availability/absences", { token: availability, body: absence });
    expect(asked.status).toBe(409);
    // When, and nothing of who or what: the token may not read appointments.
    expect(asked.body.error.affected).toEqual([{ start: "2026-11-05T10:00:00+01:00" }]);
    const cancel = await call("POST", "/availability/absences", {
      token: availability,
      body: { ...absence, onBooked: "cancel" },
    });
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.message).toBe(
      "Ce jeton ne peut pas annuler les rendez-vous touchés (onBooked « cancel ») : il y faut la permission « Prendre, déplacer, annuler les rendez-vous ».",
    );
    const unchanged = await env.db.prisma.appointment.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(unchanged.status).toBe("booked");
    expect(
      await env.db.prisma.absence.count({ where: { advisorId: env.fx.advisor.id, startsAt: new Date("2026-11-04T23:00:00Z") } }),
    ).toBe(0);

    const both = (await newToken(["availability_write", "appointments_write"])).token;
    const full = await call("POST", "/availability/absences", { token: both, body: absence });
    expect(full.body.error.affected).toEqual([
      {
        id: meeting.id,
        start: "2026-11-05T10:00:00+01:00",
        service: "Information-conseil VAE",
        person: { firstName: "Léa", lastName: "Durand" },
      },
    ]);
    const done = await call("POST", "/availability/absences", { token: both, body: { ...absence, onBooked: "cancel" } });
    expect(done.status).toBe(201);
    expect(done.body.cancelledMeetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
  });

  it("names itself in the audit log, beside its creator, for what it reads and changes", async () => {
    const made = await newToken(["appointments_write"]);
    const meeting = await meetingAt(env, "2026-11-04T09:00:00Z");
    expect((await call("GET", `/agenda/appointments/${meeting.id}`, { token: made.token })).status).toBe(200);
    const cancelled = await call("POST", `/agenda/appointments/${meeting.id}/cancel`, {
      token: made.token,
      body: { reason: "Erreur." },
    });
    expect(cancelled.status).toBe(200);
    const events = await env.db.prisma.auditEvent.findMany({ where: { entityId: meeting.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.actorId, e.apiTokenId])).toEqual([
      ["appointment.view", env.fx.users.structureAdmin.id, made.id],
      ["appointment.cancel", env.fx.users.structureAdmin.id, made.id],
    ]);
    const log = await call("GET", `/admin/audit?entityId=${meeting.id}`, { cookie: env.fx.cookies.regionalAdmin });
    expect(log.body.events.map((e: { apiToken: unknown }) => e.apiToken)).toEqual([
      { id: made.id, name: expect.stringMatching(/^Logiciel/) },
      { id: made.id, name: expect.stringMatching(/^Logiciel/) },
    ]);
  });

  it("acts as the token when a session cookie comes with it, and skips the origin check, not the JSON one", async () => {
    const { token } = await newToken(["referrals_write"]);
    const both = await call("GET", "/admin/structures", { token, cookie: env.fx.cookies.regionalAdmin });
    expect(both.status).toBe(403);
    const elsewhere = { Origin: "https://ailleurs.example" };
    expect((await call("POST", `/referrals/${randomUUID()}/accept`, { token, body: {}, headers: elsewhere })).status).toBe(404);
    const asForm = await env.app.request(`/api/referrals/${randomUUID()}/accept`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain" },
      body: "{}",
    });
    expect(asForm.status).toBe(415);
  });

  it("notes its last use at most once a minute", async () => {
    const made = await newToken(["referrals_read"]);
    const lastUsed = async () => (await env.db.prisma.apiToken.findUniqueOrThrow({ where: { id: made.id } })).lastUsedAt;
    await call("GET", "/referrals?box=received", { token: made.token });
    const first = clock.now();
    expect(await lastUsed()).toEqual(first);
    clock.advance(30_000);
    await call("GET", "/referrals?box=received", { token: made.token });
    expect(await lastUsed()).toEqual(first);
    clock.advance(30_000);
    await call("GET", "/referrals?box=received", { token: made.token });
    expect(await lastUsed()).toEqual(clock.now());
  });
});

describe("a token's rate", () => {
  it("answers 429 with Retry-After past its requests of the minute, then lets it through again", async () => {
    const app = testApp(env.db, { clock, config: testConfig({ API_TOKEN_RATE_PER_MINUTE: "3" }) });
    const { token } = await newToken(["referrals_read"]);
    for (let i = 0; i < 3; i++) expect((await call("GET", "/referrals?box=received", { token, app })).status).toBe(200);
    clock.advance(20_000);
    const over = await call("GET", "/referrals?box=received", { token, app });
    expect(over.status).toBe(429);
    expect(over.headers.get("Retry-After")).toBe("40");
    expect(over.body.error.message).toMatch(/plus de 3 requêtes en une minute/);
    // Another token has its own count.
    expect(
      (await call("GET", "/referrals?box=received", { token: (await newToken(["referrals_read"])).token, app })).status,
    ).toBe(200);
    clock.advance(40_000);
    expect((await call("GET", "/referrals?box=received", { token, app })).status).toBe(200);
  });
});

describe("a token that no longer works", () => {
  const refusedAs = async (token: string, message: RegExp) => {
    const res = await call("GET", "/referrals?box=received", { token });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="rdv-orientation", error="invalid_token"');
    expect(res.body.error.message).toMatch(message);
  };

  it("is refused once revoked, and the list says when", async () => {
    const made = await newToken(["referrals_read"]);
    expect((await call("GET", "/referrals?box=received", { token: made.token })).status).toBe(200);
    expect((await call("POST", `/admin/api-tokens/${made.id}/revoke`, { cookie: admin(), body: {} })).status).toBe(200);
    await refusedAs(made.token, /révoqué/);
    const listed = await call("GET", `/admin/structures/${own()}/api-tokens`, { cookie: admin() });
    expect(listed.body.tokens.find((t: { id: string }) => t.id === made.id).revokedAt).toBe(clock.now().toISOString());
    // Another structure's admin cannot revoke it: it is not theirs to see.
    const otherAdmin = await staffAccount("admin-cio", [{ structureId: env.fx.other.id, role: "structure_admin" }]);
    const other = await newToken(["referrals_read"], { cookie: otherAdmin, structureId: env.fx.other.id });
    expect((await call("POST", `/admin/api-tokens/${other.id}/revoke`, { cookie: admin(), body: {} })).status).toBe(404);
  });

  // Last of the file to move the clock by days: the other tests' sessions would have expired.
  it("is refused after its last day", async () => {
    const made = await newToken(["referrals_read"], { expiresOn: "2026-10-27" });
    clock.advance(36 * 3_600_000);
    expect((await call("GET", "/referrals?box=received", { token: made.token })).status).toBe(200);
    clock.advance(2 * 3_600_000);
    await refusedAs(made.token, /expiré/);
    const cookie = `rdv-session=${await openSession(env.db, env.fx.users.structureAdmin.id, clock.now())}`;
    const listed = await call("GET", `/admin/structures/${own()}/api-tokens`, { cookie });
    expect(listed.body.tokens.find((t: { id: string }) => t.id === made.id)).toMatchObject({ expired: true, revokedAt: null });
  });

  it("is refused once its creator is deactivated, or no longer runs the structure", async () => {
    const make = async (key: string) => {
      const user = await env.db.prisma.staffUser.create({
        data: {
          email: `${key}@staff.test`,
          firstName: "A",
          lastName: key,
          memberships: { create: [{ structureId: own(), role: "structure_admin" }] },
        },
      });
      const made = await newToken(["referrals_read"], {
        cookie: `rdv-session=${await openSession(env.db, user.id, clock.now())}`,
      });
      expect((await call("GET", "/referrals?box=received", { token: made.token })).status).toBe(200);
      return { user, token: made.token };
    };
    const gone = await make("parti");
    await env.db.prisma.staffUser.update({ where: { id: gone.user.id }, data: { active: false } });
    await refusedAs(gone.token, /n'administre plus/);
    const demoted = await make("retrograde");
    await env.db.prisma.membership.updateMany({ where: { userId: demoted.user.id }, data: { role: "advisor" } });
    await refusedAs(demoted.token, /n'administre plus/);
  });

  it("is refused when unknown or malformed", async () => {
    await refusedAs(`rdv_${"A".repeat(43)}`, /inconnu/);
    await refusedAs("n-importe-quoi", /inconnu/);
  });
});

describe("the API document", () => {
  it("declares the session and the token, and on each staff route the permission a token needs", async () => {
    const doc = await (await env.app.request("/api/openapi.json")).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.paths["/agenda"].get.security).toEqual([{ sessionCookie: [] }, { bearerAuth: ["appointments_read"] }]);
    expect(doc.paths["/availability/rules"].post.security).toEqual([
      { sessionCookie: [] },
      { bearerAuth: ["availability_write"] },
    ]);
    expect(doc.paths["/referrals/{id}/accept"].post.security).toEqual([
      { sessionCookie: [] },
      { bearerAuth: ["referrals_write"] },
    ]);
    expect(doc.paths["/admin/structures"].get.security).toEqual([{ sessionCookie: [] }]);
    expect(doc.paths["/services"].get.security).toBeUndefined();
  });
});
