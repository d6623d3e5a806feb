import { describe, expect, it } from "vitest";
import { acceptMembershipInvitation } from "../../server/auth/membership-invitations.ts";
import { hashPassword } from "../../server/auth/password.ts";
import { fixedClock } from "../../server/clock.ts";
import { messageOf } from "../helpers/app.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

const clock = fixedClock("2026-10-26T09:00:00Z");
const env = useStaffApp(clock);

const send = sender(env);
const region = () => env.fx.cookies.regionalAdmin;
const admin = () => env.fx.cookies.structureAdmin;

describe("the Région builds the directory", () => {
  it("creates a network, a structure serving communes, and names what is wrong", async () => {
    const network = await send("POST", "/admin/networks", region(), {
      slug: "missions-locales",
      name: "Missions Locales",
      kind: "spro",
    });
    expect(network.status).toBe(201);
    const input = {
      slug: "mission-locale-roubaix",
      name: "Mission Locale de Roubaix",
      networkId: network.body.id,
      timeZone: "Europe/Paris",
      sproRoles: ["spo"],
      phone: "03 20 11 22 33",
      communes: ["59512"],
    };
    const created = await send("POST", "/admin/structures", region(), input);
    expect(created.status).toBe(201);
    const { body } = await send("GET", `/admin/structures/${created.body.id}`, region());
    expect(body.structure).toMatchObject({
      name: "Mission Locale de Roubaix",
      phone: "03 20 11 22 33",
      network: { name: "Missions Locales", kind: "spro" },
      communes: [{ code: "59512", name: "Roubaix" }],
      sites: [],
    });

    const again = await send("POST", "/admin/structures", region(), input);
    expect(again.status).toBe(409);
    expect(again.body.error.fields.slug).toMatch(/déjà pris/);
    const wrong = await send("POST", "/admin/structures", region(), {
      ...input,
      slug: "x-y",
      timeZone: "Europe/Lile",
      communes: ["99999"],
    });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields)).toEqual(["timeZone"]);
    const unknownCommune = await send("POST", "/admin/structures", region(), { ...input, slug: "x-y", communes: ["59999"] });
    expect(unknownCommune.body.error.fields.communes).toMatch(/59999/);
    expect(await env.db.prisma.structure.count({ where: { slug: "x-y" } })).toBe(0);
  });

  it("draws a territory from communes and names its coordinator", async () => {
    const territory = await send("POST", "/admin/territories", region(), {
      slug: "roubaix-tourcoing",
      name: "Roubaix-Tourcoing",
      communes: ["59512"],
    });
    expect(territory.status).toBe(201);
    const roleless = await send("POST", "/admin/users", region(), { email: "x@region.test", firstName: "X", lastName: "Y" });
    expect(roleless.body.error.fields.territoryIds).toMatch(/au moins un territoire/);
    const user = await send("POST", "/admin/users", region(), {
      email: "Marc.Leroy@region.test",
      firstName: "Marc",
      lastName: "Leroy",
      territoryIds: [territory.body.id],
    });
    expect(user.status).toBe(201);
    const { body } = await send("GET", "/admin/territories", region());
    const drawn = body.territories.find((t: { id: string }) => t.id === territory.body.id);
    expect(drawn).toMatchObject({ communes: [{ code: "59512" }], coordinators: [{ firstName: "Marc", lastName: "Leroy" }] });
    const message = await env.db.prisma.outboxMessage.findFirstOrThrow({ where: { recipient: "marc.leroy@region.test" } });
    expect(message.type).toBe("staff.invitation");
  });
});

describe("a structure admin runs their structure", () => {
  it("adds a site, offers a service with its settings, closes for a week", async () => {
    const site = await send("POST", `/admin/structures/${env.fx.structure.id}/sites`, admin(), {
      name: "Antenne de Lille-Sud",
      address: "5 rue du Faubourg des Postes",
      postcode: "59000",
      communeCode: "59350",
      accessInfo: "Métro Porte des Postes.",
    });
    expect(site.status).toBe(201);
    const offering = await send("POST", `/admin/structures/${env.fx.structure.id}/offerings`, admin(), {
      serviceId: env.fx.services.cep.id,
      durationMinutes: 60,
      modes: ["onsite", "video"],
      bookableBy: "referral",
      minAge: 18,
      reminderPlan: [1440],
    });
    expect(offering.status).toBe(201);
    const closure = await send("POST", `/admin/structures/${env.fx.structure.id}/closures`, admin(), {
      siteId: site.body.id,
      startDate: "2026-12-21",
      endDate: "2026-12-24",
      reason: "Travaux",
    });
    expect(closure.status).toBe(201);
    const { body } = await send("GET", `/admin/structures/${env.fx.structure.id}`, admin());
    expect(body.structure.sites.map((s: { name: string }) => s.name)).toContain("Antenne de Lille-Sud");
    expect(body.structure.offerings).toContainEqual(
      expect.objectContaining({
        id: offering.body.id,
        modes: ["onsite", "video"],
        bookableBy: "referral",
        minAge: 18,
        reminderPlan: [1440],
      }),
    );
    expect(body.structure.closures[0]).toMatchObject({ siteId: site.body.id, startDate: "2026-12-21", endDate: "2026-12-24" });
  });

  it("explains every refusal in French, naming the field", async () => {
    const cases = [
      [
        `/admin/structures/${env.fx.structure.id}/offerings`,
        { serviceId: env.fx.services.vae.id, durationMinutes: 30, modes: ["phone"] },
        409,
        "serviceId",
      ],
      [
        `/admin/structures/${env.fx.structure.id}/offerings`,
        { serviceId: env.fx.services.cep.id, durationMinutes: 0, modes: [] },
        422,
        "durationMinutes",
      ],
      [`/admin/structures/${env.fx.structure.id}/closures`, { startDate: "2026-12-24", endDate: "2026-12-21" }, 422, "endDate"],
      [`/admin/structures/${env.fx.structure.id}/closures`, { startDate: "2026-10-19", endDate: "2026-10-23" }, 422, "endDate"],
      [
        `/admin/structures/${env.fx.structure.id}/sites`,
        { name: "Antenne", address: "1 rue A", postcode: "59100", communeCode: "59350" },
        422,
        "postcode",
      ],
      [
        `/admin/structures/${env.fx.structure.id}/closures`,
        { siteId: env.fx.other.sites[0]?.id, startDate: "2026-12-21", endDate: "2026-12-21" },
        422,
        "siteId",
      ],
      [
        `/admin/structures/${env.fx.partner.id}/members`,
        { email: "a@b.test", firstName: "A", lastName: "B", role: "advisor" },
        404,
        undefined,
      ],
    ] as const;
    for (const [path, body, status, field] of cases) {
      const res = await send("POST", path, admin(), body);
      expect([path, res.status]).toEqual([path, status]);
      if (field) expect(res.body.error.fields[field]).toBeTruthy();
    }
    const ages = await send("PATCH", `/admin/offerings/${env.fx.offering.id}`, admin(), { minAge: 30, maxAge: 25 });
    expect(ages.body.error.fields.maxAge).toMatch(/inférieur/);
  });

  /** The link of the last invitation e-mailed to an address. */
  const invitationLink = async (email: string) => {
    const message = await env.db.prisma.outboxMessage.findFirstOrThrow({
      where: { recipient: email, type: "staff.membership_invitation" },
      orderBy: { createdAt: "desc" },
    });
    const { text } = messageOf(message);
    return { text, token: /rejoindre#([A-Za-z0-9_-]{43})/.exec(text)?.[1] };
  };

  it("invites a new advisor, who opens their account from the e-mail, chooses a password and signs in with the role", async () => {
    const invite = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), {
      email: "Hugo.Petit@pic-vae-lille.test",
      firstName: "Hugo",
      lastName: "Petit",
      role: "advisor",
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toEqual({ id: expect.any(String), state: "invited" });
    // Nothing exists before the person accepts: no account, no role; the invitation waits.
    expect(await env.db.prisma.staffUser.count({ where: { email: "hugo.petit@pic-vae-lille.test" } })).toBe(0);
    const pending = (await send("GET", `/admin/structures/${env.fx.structure.id}`, admin())).body.structure.invitations;
    expect(pending).toContainEqual(
      expect.objectContaining({ id: invite.body.id, email: "hugo.petit@pic-vae-lille.test", role: "advisor" }),
    );
    const { text, token } = await invitationLink("hugo.petit@pic-vae-lille.test");
    expect(text).toMatch(/Prénom admin-structure \(Point Info Conseil VAE de Lille\) vous propose le rôle de conseiller·ère/);
    const check = await send("POST", "/auth/membership-invitation", "", { token });
    expect(check.body).toMatchObject({
      email: "hugo.petit@pic-vae-lille.test",
      firstName: "Hugo",
      role: "advisor",
      structure: env.fx.structure.name,
      needsPassword: true,
    });
    const withoutPassword = await send("POST", "/auth/membership-invitation/accept", "", { token });
    expect(withoutPassword.status).toBe(422);
    expect(withoutPassword.body.error.fields).toHaveProperty("newPassword");
    const used = await send("POST", "/auth/membership-invitation/accept", "", {
      token,
      newPassword: "un mot de passe pour Hugo",
    });
    expect(used).toMatchObject({ status: 200, body: { signedIn: true } });
    const cookie = (used.headers.get("Set-Cookie") ?? "").split(";")[0] as string;
    const me = await send("GET", "/auth/me", cookie);
    expect(me.body.user).toMatchObject({ firstName: "Hugo", lastName: "Petit" });
    expect(me.body.user.memberships).toEqual([
      { role: "advisor", structure: { id: env.fx.structure.id, name: env.fx.structure.name } },
    ]);
    // Used once, then gone from the pending list.
    expect(
      (await send("POST", "/auth/membership-invitation/accept", "", { token, newPassword: "un mot de passe pour Hugo" })).status,
    ).toBe(404);
    const { body } = await send("GET", `/admin/structures/${env.fx.structure.id}`, admin());
    expect(body.structure.invitations).toEqual([]);
    expect(body.structure.members).toContainEqual(
      expect.objectContaining({ role: "advisor", user: expect.objectContaining({ lastName: "Petit", invited: false }) }),
    );
  });

  it("opens one account when two invitations of a new address are accepted at once", async () => {
    const passwordHash = await hashPassword("un mot de passe pour Inès");
    for (const name of ["ines", "ilan", "iris"]) {
      const invitee = { email: `${name}.double@cio-lens.test`, firstName: name, lastName: "Double", role: "advisor" };
      expect((await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), invitee)).status).toBe(201);
      const here = await invitationLink(invitee.email);
      expect((await send("POST", `/admin/structures/${env.fx.other.id}/members`, region(), invitee)).status).toBe(201);
      const there = await invitationLink(invitee.email);
      // Both links opened the same second (two tabs, two e-mails).
      const both = await Promise.all(
        [here, there].map(({ token }) => acceptMembershipInvitation(env.db, token ?? "", clock.now(), passwordHash)),
      );
      expect(both.map((accepted) => accepted?.userId)).toEqual([expect.any(String), both[0]?.userId]);
      const accounts = await env.db.prisma.staffUser.findMany({
        where: { email: invitee.email },
        include: { memberships: true },
      });
      expect(accounts).toHaveLength(1);
      expect(accounts[0]?.memberships.map((m) => m.structureId).sort()).toEqual([env.fx.structure.id, env.fx.other.id].sort());
    }
  });

  it("sets a password-less account's password as its own link would: the link dies, the guesses are forgotten", async () => {
    const { createHash } = await import("node:crypto");
    const p = env.db.prisma;
    // An account the Région opened, whose own invitation link waits; someone has been guessing.
    const user = await p.staffUser.create({ data: { email: "jade.sans@cio-lens.test", firstName: "Jade", lastName: "Sans" } });
    const link = "j".repeat(43);
    await p.passwordLink.create({
      data: {
        id: createHash("sha256").update(link).digest("hex"),
        userId: user.id,
        kind: "invitation",
        createdAt: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 86_400_000),
      },
    });
    await p.loginThrottle.create({ data: { key: `account:${user.email}`, failures: 30, windowStart: clock.now() } });
    await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), {
      email: user.email,
      firstName: "Jade",
      lastName: "Sans",
      role: "reception",
    });
    const { token } = await invitationLink(user.email);
    const accepted = await send("POST", "/auth/membership-invitation/accept", "", {
      token,
      newPassword: "le mot de passe de Jade",
    });
    expect(accepted).toMatchObject({ status: 200, body: { signedIn: true } });
    // Her older link would set another password behind her back: it is withdrawn.
    expect((await send("POST", "/auth/password-link", "", { token: link })).status).toBe(404);
    expect(await p.loginThrottle.count({ where: { key: `account:${user.email}` } })).toBe(0);
    const login = await send("POST", "/auth/login", "", { email: user.email, password: "le mot de passe de Jade" });
    expect(login.status).toBe(200);
  });

  it("keeps an invitation whose account is deactivated as it is accepted: the link is dead, the admin still sees it", async () => {
    const p = env.db.prisma;
    const user = await p.staffUser.create({
      data: { email: "leo.parti@cio-lens.test", firstName: "Léo", lastName: "Parti", passwordHash: "x" },
    });
    const invite = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), {
      email: user.email,
      firstName: "Léo",
      lastName: "Parti",
      role: "advisor",
    });
    const { token = "" } = await invitationLink(user.email);
    expect((await send("POST", "/auth/membership-invitation", "", { token })).status).toBe(200);
    // Deactivated between the page's check and the acceptance.
    await p.staffUser.update({ where: { id: user.id }, data: { active: false } });
    expect(await acceptMembershipInvitation(env.db, token, clock.now(), undefined)).toBeUndefined();
    const pending = (await send("GET", `/admin/structures/${env.fx.structure.id}`, admin())).body.structure.invitations;
    expect(pending).toContainEqual(expect.objectContaining({ id: invite.body.id }));
    expect(await p.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives an account of another structure a role only once its owner accepts, answering as for an unknown address", async () => {
    const member = { email: "conseil-autre@staff.test", firstName: "X", lastName: "Y", role: "reception" };
    const unknown = { ...member, email: "personne@nulle-part.test" };
    const existing = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), member);
    const nobody = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), unknown);
    // The same answer: an invitation tells nothing of who has an account, nor where they work.
    expect(existing.status).toBe(201);
    expect(nobody.status).toBe(201);
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(nobody.body).sort());
    expect(existing.body.state).toBe("invited");
    expect(nobody.body.state).toBe("invited");
    const other = await env.db.prisma.staffUser.findUniqueOrThrow({ where: { email: "conseil-autre@staff.test" } });
    expect(await env.db.prisma.membership.count({ where: { userId: other.id, structureId: env.fx.structure.id } })).toBe(0);
    // Invited again while it waits: one invitation, the earlier link dead.
    const first = await invitationLink("conseil-autre@staff.test");
    expect((await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), member)).status).toBe(201);
    const second = await invitationLink("conseil-autre@staff.test");
    expect((await send("POST", "/auth/membership-invitation", "", { token: first.token })).status).toBe(404);
    // The owner, who has a password, accepts with the link alone; they sign in as usual. They are
    // greeted by their own name, not the one the admin typed.
    expect(second.text).toMatch(/^Bonjour Prénom,/);
    expect((await send("POST", "/auth/membership-invitation", "", { token: second.token })).body).toMatchObject({
      needsPassword: false,
      firstName: "Prénom",
    });
    const accepted = await send("POST", "/auth/membership-invitation/accept", "", { token: second.token });
    expect(accepted).toMatchObject({ status: 200, body: { signedIn: false } });
    expect(accepted.headers.get("Set-Cookie")).toBeNull();
    expect(await env.db.prisma.membership.count({ where: { userId: other.id, structureId: env.fx.structure.id } })).toBe(1);
    const audit = await env.db.prisma.auditEvent.findFirstOrThrow({ where: { action: "membership.accept", actorId: other.id } });
    expect(audit.details).toEqual({ role: "reception", structureId: env.fx.structure.id });
    // Working here now, they gain another role here at once; the same role twice is refused.
    const again = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), member);
    expect(again.status).toBe(409);
    expect(again.body.error.fields.role).toMatch(/déjà ce rôle/);
    const advisorToo = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), {
      ...member,
      role: "advisor",
    });
    expect(advisorToo.body.state).toBe("member");
  });

  it("lets the Région give an existing account a role at once, and a structure admin withdraw an invitation", async () => {
    const member = { email: "conseil-autre@staff.test", firstName: "X", lastName: "Y", role: "advisor" };
    const byRegion = await send("POST", `/admin/structures/${env.fx.partner.id}/members`, region(), {
      ...member,
      role: "referrer",
    });
    expect(byRegion).toMatchObject({ status: 201, body: { state: "member" } });
    const invited = await send("POST", `/admin/structures/${env.fx.structure.id}/members`, admin(), {
      ...member,
      email: "quelqu-un@ailleurs.test",
    });
    const { token } = await invitationLink("quelqu-un@ailleurs.test");
    expect((await send("DELETE", `/admin/invitations/${invited.body.id}`, admin())).status).toBe(200);
    expect((await send("POST", "/auth/membership-invitation", "", { token })).status).toBe(404);
    expect((await send("DELETE", `/admin/invitations/${invited.body.id}`, admin())).status).toBe(404);
  });

  it("keeps partner organisations free of calendar roles, and admins from changing their own roles", async () => {
    const partnerRole = await send("POST", `/admin/structures/${env.fx.partner.id}/members`, region(), {
      email: "agent@ccas.test",
      firstName: "Agent",
      lastName: "Ccas",
      role: "advisor",
    });
    expect(partnerRole.body.error.fields.role).toMatch(/partenaire/);
    const own = await env.db.prisma.membership.findFirstOrThrow({ where: { userId: env.fx.users.structureAdmin.id } });
    expect((await send("PATCH", `/admin/memberships/${own.id}`, admin(), { role: "advisor" })).status).toBe(409);
    expect((await send("DELETE", `/admin/memberships/${own.id}`, admin())).status).toBe(409);
  });
});

describe("directory changes show at once in the public slots", () => {
  const slots = async () => {
    const res = await env.app.request(
      `/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&from=2026-11-02&to=2026-11-06`,
    );
    const { slots } = (await res.json()) as { slots: { start: string; siteId: string | null; advisorId: string }[] };
    return slots.filter((s) => s.advisorId === env.fx.advisor.id);
  };
  const days = (list: { start: string }[]) => [...new Set(list.map((s) => s.start.slice(0, 10)))];

  it("a closure, a site taken out of service, an advisor who is no longer one", async () => {
    expect(days(await slots())).toEqual(["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"]);

    const closure = await send("POST", `/admin/structures/${env.fx.structure.id}/closures`, admin(), {
      startDate: "2026-11-04",
      endDate: "2026-11-04",
    });
    expect(days(await slots())).toEqual(["2026-11-02", "2026-11-03", "2026-11-05", "2026-11-06"]);
    await send("DELETE", `/admin/closures/${closure.body.id}`, admin());

    await send("PATCH", `/admin/sites/${env.fx.site.id}`, admin(), { active: false });
    expect(await slots()).toEqual([]);
    await send("PATCH", `/admin/sites/${env.fx.site.id}`, admin(), { active: true });
    expect((await slots()).length).toBeGreaterThan(0);

    const membership = await env.db.prisma.membership.findFirstOrThrow({ where: { userId: env.fx.advisor.id, role: "advisor" } });
    await send("PATCH", `/admin/memberships/${membership.id}`, admin(), { role: "reception" });
    expect(await slots()).toEqual([]);
    await send("PATCH", `/admin/memberships/${membership.id}`, admin(), { role: "advisor" });
    expect((await slots()).length).toBeGreaterThan(0);
  });
});
