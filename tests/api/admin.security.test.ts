import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);

const send = sender(env);

describe("mass assignment", () => {
  it.each([
    [
      "POST",
      () => `/admin/structures/${env.fx.structure.id}/sites`,
      { structureId: "x", name: "A", address: "1 rue A", postcode: "59000", communeCode: "59350" },
      "structureId",
    ],
    ["PATCH", () => `/admin/offerings/${env.fx.offering.id}`, { structureId: "x" }, "structureId"],
    ["PATCH", () => `/admin/memberships/${env.fx.users.advisor.id}`, { role: "advisor", userId: "x" }, "userId"],
    ["PATCH", () => `/admin/users/${env.fx.users.advisor.id}`, { passwordHash: "x" }, "passwordHash"],
    ["PATCH", () => `/admin/sites/${env.fx.site.id}`, { status: "open" }, "status"],
    [
      "POST",
      () => `/admin/structures/${env.fx.structure.id}/members`,
      { email: "a@b.test", firstName: "A", lastName: "B", role: "advisor", regionalAdmin: true },
      "regionalAdmin",
    ],
  ] as const)("%s %s refuses an unknown field, naming it, and changes nothing", async (method, path, body, field) => {
    const before = await env.db.prisma.auditEvent.count();
    const res = await send(method, path(), env.fx.cookies.structureAdmin, body);
    expect(res.status).toBe(422);
    const { error } = res.body;
    expect(JSON.stringify(error.fields)).toContain(field);
    expect(await env.db.prisma.auditEvent.count()).toBe(before);
  });

  it("refuses a structure admin the fields only the Région sets, naming them", async () => {
    const res = await send("PATCH", `/admin/structures/${env.fx.structure.id}`, env.fx.cookies.structureAdmin, {
      description: "x",
      networkId: env.fx.other.networkId,
      communes: ["59512"],
    });
    expect(res.status).toBe(403);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["communes", "networkId"]);
    const after = await env.db.prisma.structure.findUniqueOrThrow({
      where: { id: env.fx.structure.id },
      include: { communes: true },
    });
    expect(after.networkId).toBe(env.fx.structure.networkId);
    expect(after.communes.map((c) => c.communeCode)).toEqual(["59350"]);
  });

  it("refuses regional roles to a structure admin, even on an account they run", async () => {
    const res = await send("PATCH", `/admin/users/${env.fx.users.advisor.id}`, env.fx.cookies.structureAdmin, {
      regionalAdmin: true,
    });
    expect(res.status).toBe(403);
    expect((await env.db.prisma.staffUser.findUniqueOrThrow({ where: { id: env.fx.users.advisor.id } })).regionalAdmin).toBe(
      false,
    );
  });
});

describe("deactivation", () => {
  it("ends every session of the account at once, and refuses them sign-in", async () => {
    const me = () => env.app.request("/api/auth/me", { headers: { Cookie: env.fx.cookies.reception } });
    expect((await me()).status).toBe(200);
    const res = await send("PATCH", `/admin/users/${env.fx.users.reception.id}`, env.fx.cookies.structureAdmin, {
      active: false,
    });
    expect(res.status).toBe(200);
    expect((await me()).status).toBe(401);
    const sessions = await env.db.prisma.staffSession.findMany({ where: { userId: env.fx.users.reception.id } });
    expect(sessions.every((s) => s.revokedAt)).toBe(true);
    const event = await env.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: "user.deactivate", entityId: env.fx.users.reception.id },
    });
    expect(event.actorId).toBe(env.fx.users.structureAdmin.id);
  });

  it("does not let anyone deactivate themselves", async () => {
    const res = await send("PATCH", `/admin/users/${env.fx.users.regionalAdmin.id}`, env.fx.cookies.regionalAdmin, {
      active: false,
    });
    expect(res.status).toBe(409);
  });

  it("leaves an account that also works elsewhere to the Région", async () => {
    await env.db.prisma.membership.create({
      data: { userId: env.fx.users.advisor.id, structureId: env.fx.other.id, role: "advisor" },
    });
    const res = await send("PATCH", `/admin/users/${env.fx.users.advisor.id}`, env.fx.cookies.structureAdmin, { active: false });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Région/);
    const { body } = await send("GET", `/admin/structures/${env.fx.structure.id}`, env.fx.cookies.structureAdmin);
    const manageable = (id: string) =>
      body.structure.members.find((m: { user: { id: string } }) => m.user.id === id)?.user.manageable;
    expect([manageable(env.fx.users.advisor.id), manageable(env.fx.advisor.id)]).toEqual([false, true]);
  });

  it("leaves a password link to an account that also works elsewhere to the Région", async () => {
    const shared = await env.db.prisma.staffUser.create({
      data: {
        email: "partagee-sans-mot-de-passe@staff.test",
        firstName: "Partagée",
        lastName: "Test",
        memberships: {
          create: [
            { structureId: env.fx.structure.id, role: "advisor" },
            { structureId: env.fx.other.id, role: "advisor" },
          ],
        },
      },
    });
    const res = await send("POST", `/admin/users/${shared.id}/invitation`, env.fx.cookies.structureAdmin, {});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/Région/);
    expect(await env.db.prisma.passwordLink.count({ where: { userId: shared.id } })).toBe(0);
    expect((await send("POST", `/admin/users/${shared.id}/invitation`, env.fx.cookies.regionalAdmin, {})).status).toBe(200);
  });
});

describe("audit", () => {
  it("writes who, what, which record and when for every change — and no personal data", async () => {
    const since = clock.now();
    clock.advance(1000);
    const invite = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, env.fx.cookies.structureAdmin, {
      email: "yasmine.haddad@pic-vae-lille.test",
      firstName: "Yasmine",
      lastName: "Haddad",
      role: "reception",
    });
    expect(invite.status).toBe(201);
    // The advisor's account, already in the structure, gains a second role at once.
    const added = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, env.fx.cookies.structureAdmin, {
      email: "conseil@staff.test",
      firstName: "Prénom",
      lastName: "conseil",
      role: "reception",
    });
    expect(added.body.state).toBe("member");
    const membershipId = added.body.id;
    await send("PATCH", `/admin/memberships/${membershipId}`, env.fx.cookies.structureAdmin, { role: "structure_admin" });
    await send("PATCH", `/admin/sites/${env.fx.site.id}`, env.fx.cookies.structureAdmin, {
      name: "Lille Centre", // unchanged: not named in the event
      phone: "03 20 00 00 00",
      accessInfo: "Rampe d'accès.",
    });
    await send("DELETE", `/admin/memberships/${membershipId}`, env.fx.cookies.structureAdmin);

    const events = await env.db.prisma.auditEvent.findMany({ where: { at: { gt: since } }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.action, e.entity])).toEqual([
      ["membership.invite", "MembershipInvitation"],
      ["membership.create", "Membership"],
      ["membership.update", "Membership"],
      ["site.update", "Site"],
      ["membership.delete", "Membership"],
    ]);
    expect(events.every((e) => e.actorId === env.fx.users.structureAdmin.id && e.entityId)).toBe(true);
    expect(events[0]?.details).toEqual({ role: "reception", structureId: env.fx.structure.id });
    expect(events[3]?.details).toEqual({ fields: ["accessInfo", "phone"], structureId: env.fx.structure.id });
    const all = JSON.stringify(await env.db.prisma.auditEvent.findMany());
    for (const personal of ["yasmine", "Haddad", "@", "20 00 00", "20000000", "Rampe"]) expect(all).not.toContain(personal);
  });

  it("shows the Région the log, newest first, with the actor named at reading time", async () => {
    const res = await env.app.request(`/api/admin/audit?entity=Site&entityId=${env.fx.site.id}`, {
      headers: { Cookie: env.fx.cookies.regionalAdmin },
    });
    const { events } = await res.json();
    expect(events[0]).toMatchObject({
      action: "site.update",
      actor: { id: env.fx.users.structureAdmin.id, lastName: "admin-structure" },
      label: "Lille Centre",
      structure: { id: env.fx.structure.id, name: "Point Info Conseil VAE de Lille" },
    });
    // A membership since removed has no name any more; its structure still shows.
    const all = await (await env.app.request("/api/admin/audit", { headers: { Cookie: env.fx.cookies.regionalAdmin } })).json();
    const removed = all.events.find((e: { action: string }) => e.action === "membership.delete");
    expect(removed).toMatchObject({ label: null, structure: { name: "Point Info Conseil VAE de Lille" } });
  });
});
