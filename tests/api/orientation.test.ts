import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoAccounts } from "../../prisma/seed/demo-accounts.ts";
import { seedDemo } from "../../prisma/seed/index.ts";
import { openSession } from "../../server/auth/sessions.ts";
import { fixedClock } from "../../server/clock.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

// « Trouver le bon interlocuteur » on the demo directory of Hauts-de-France, and the Région's
// editor of the orientation table behind it.

const clock = fixedClock("2026-03-23T08:00:00Z");
const LILLE = "59350";
let db: Database;
let app: ReturnType<typeof testApp>;
const cookies = { region: "", structureAdmin: "", coordinator: "", advisor: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db);
  await seedDemoAccounts(db.prisma, "demo-staff-password-2026");
  app = testApp(db, { clock });
  const emails = {
    region: "admin@demo.example",
    structureAdmin: "admin-structure@demo.example",
    coordinator: "coordination@demo.example",
    advisor: "conseiller@demo.example",
  } as const;
  for (const [role, email] of Object.entries(emails)) {
    const user = await db.prisma.staffUser.findUniqueOrThrow({ where: { email } });
    cookies[role as keyof typeof cookies] = `rdv-session=${await openSession(db, user.id, clock.now())}`;
  }
});
afterAll(() => db.close());

interface Recommendation {
  network: { slug: string; name: string };
  service: { slug: string; name: string } | null;
  reason: string;
  structures: {
    id: string;
    name: string;
    sites: { name: string; commune: { code: string; name: string } }[];
    nextSlot: string | null;
    bookingHref: string;
  }[];
}

const orient = async (query: Record<string, string>) => {
  const res = await app.request(`/api/orientation?${new URLSearchParams(query)}`);
  return { status: res.status, body: await res.json(), headers: res.headers };
};
const recommended = async (query: Record<string, string>): Promise<Recommendation[]> => {
  const { status, body } = await orient(query);
  expect(status).toBe(200);
  return body.recommendations;
};

const send = async (method: string, path: string, cookie: string, body?: unknown) => {
  const res = await app.request(`/api/admin${path}`, {
    method,
    headers: { Cookie: cookie, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

/** Each structure serves the commune, and its link opens the booking page on it and its service. */
async function expectBookable(recommendation: Recommendation, commune: string) {
  expect(recommendation.structures.length).toBeGreaterThan(0);
  expect(recommendation.structures.length).toBeLessThanOrEqual(3);
  for (const structure of recommendation.structures) {
    const serving = await db.prisma.structureCommune.findUnique({
      where: { structureId_communeCode: { structureId: structure.id, communeCode: commune } },
    });
    expect(serving, `${structure.name} serves ${commune}`).not.toBeNull();
    expect(structure.bookingHref).toBe(
      `/rendez-vous?service=${recommendation.service?.slug}&commune=${commune}&structure=${structure.id}`,
    );
  }
  const next = recommendation.structures.map((s) => s.nextSlot).find(Boolean);
  expect(next, `a next slot for ${recommendation.network.name}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  expect(Date.parse(next ?? "")).toBeGreaterThan(clock.now().getTime());
}

describe("GET /api/orientation", () => {
  it("sends a 45-year-old employee who wants to change jobs to Transitions Pro, then to a PIC VAE", async () => {
    const found = await recommended({
      ageBand: "from_45",
      situation: "employee",
      need: "career_change",
      disability: "false",
      commune: LILLE,
    });
    expect(found.map((r) => [r.network.slug, r.service?.slug])).toEqual([
      ["transitions-pro", "projet-transition-professionnelle"],
      ["pic-vae", "information-conseil-vae"],
    ]);
    expect(found[0]?.reason).toMatch(/Transitions Pro/);
    expect(found[1]?.reason).toMatch(/validation des acquis/);
    for (const recommendation of found) await expectBookable(recommendation, LILLE);
  });

  it("sends a 19-year-old out of school and out of work to the Mission Locale", async () => {
    const found = await recommended({ ageBand: "from_16_to_25", situation: "neet", need: "find_job", commune: LILLE });
    expect(found[0]).toMatchObject({
      network: { slug: "missions-locales" },
      service: { slug: "accueil-jeunes-16-25" },
      reason: expect.stringMatching(/Mission Locale/),
    });
    await expectBookable(found[0] as Recommendation, LILLE);
  });

  it("asks for each missing answer by name, in French, and refuses an unknown commune", async () => {
    const { status, body } = await orient({});
    expect(status).toBe(422);
    expect(body.error.fields).toEqual({
      ageBand: "Choisissez votre tranche d'âge.",
      situation: "Choisissez votre situation.",
      need: "Choisissez votre besoin.",
      commune: "Choisissez votre commune.",
    });
    const wrong = await orient({ ageBand: "old", situation: "employee", need: "vae", commune: "99999", disability: "peut-être" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields.ageBand).toMatch(/^Choisissez votre tranche d'âge\. Valeurs possibles : under_16/);
    expect(wrong.body.error.fields.disability).toMatch(/handicap/);
    const unknown = await orient({ ageBand: "from_45", situation: "employee", need: "vae", commune: "75056" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.commune).toMatch(/75056/);
  });

  it("refuses answers that cannot both be true, naming the situation", async () => {
    const { status, body } = await orient({ ageBand: "under_16", situation: "executive", need: "find_job", commune: LILLE });
    expect(status).toBe(422);
    expect(body.error.fields).toEqual({
      situation:
        "Cette situation ne correspond pas à l'âge choisi : on ne peut pas être cadre avant 16 ans. Changez votre âge ou votre situation.",
    });
    const retired = await orient({ ageBand: "from_16_to_25", situation: "retired", need: "find_job", commune: LILLE });
    expect([retired.status, retired.body.error.fields.situation]).toEqual([
      422,
      expect.stringMatching(/retraité·e avant 26 ans/),
    ]);
  });

  it("sends a person on the RSA to France Travail, a retiree to a CEP then VAE, anyone else to the general answer", async () => {
    const rsa = await recommended({ ageBand: "from_26_to_44", situation: "rsa_beneficiary", need: "find_job", commune: LILLE });
    expect(rsa.map((r) => [r.network.slug, r.service?.slug])).toEqual([["france-travail", "cep-premier-entretien"]]);
    await expectBookable(rsa[0] as Recommendation, LILLE);
    const retired = await recommended({ ageBand: "from_45", situation: "retired", need: "career_change", commune: LILLE });
    expect(retired.map((r) => [r.network.slug, r.service?.slug])).toEqual([
      ["opacif", "cep-premier-entretien"],
      ["pic-vae", "information-conseil-vae"],
    ]);
    const other = await recommended({ ageBand: "from_26_to_44", situation: "other", need: "career_change", commune: LILLE });
    expect(other.map((r) => r.network.slug)).toEqual(["cio"]);
  });

  it("stores nothing and lets no cache keep the answers", async () => {
    const before = await Promise.all([db.prisma.person.count(), db.prisma.auditEvent.count(), db.prisma.appointment.count()]);
    const { status, headers } = await orient({ ageBand: "from_26_to_44", situation: "job_seeker", need: "vae", commune: LILLE });
    expect(status).toBe(200);
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(await Promise.all([db.prisma.person.count(), db.prisma.auditEvent.count(), db.prisma.appointment.count()])).toEqual(
      before,
    );
  });

  it("says when no structure of a network serves the commune", async () => {
    const found = await recommended({ ageBand: "from_45", situation: "executive", need: "career_change", commune: "80021" });
    const apec = found.find((r) => r.network.slug === "apec");
    expect(apec).toBeDefined();
    const serving = await db.prisma.structure.count({
      where: { network: { slug: "apec" }, communes: { some: { communeCode: "80021" } } },
    });
    expect(apec?.structures.length).toBe(Math.min(serving, 3));
  });
});

describe("the Région edits the orientation table", () => {
  const table = async () =>
    (await send("GET", "/routing-rules", cookies.region)).body.rules as {
      id: string;
      fallback: boolean;
      reason: string;
      network: { slug: string };
      position: number;
    }[];
  const network = (slug: string) => db.prisma.network.findUniqueOrThrow({ where: { slug } });

  it("is closed to every other role", async () => {
    for (const cookie of [cookies.structureAdmin, cookies.coordinator, cookies.advisor]) {
      expect((await send("GET", "/routing-rules", cookie)).status).toBe(403);
      const created = await send("POST", "/routing-rules", cookie, {
        networkId: (await network("cio")).id,
        reason: "Parce que.",
      });
      expect(created.status).toBe(403);
    }
    expect((await send("GET", "/routing-rules", "")).status).toBe(401);
  });

  it("lists the rules in order, the fallback last, with the names of networks and services", async () => {
    const rules = await table();
    expect(rules).toHaveLength(19);
    expect(rules.at(-1)).toMatchObject({ fallback: true, network: { slug: "cio" } });
    expect(rules.filter((r) => r.fallback)).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      network: { slug: "cap-emploi", name: expect.any(String) },
      service: { name: expect.any(String) },
    });
  });

  it("keeps exactly one active, unconditional fallback", async () => {
    const fallback = (await table()).find((r) => r.fallback);
    const id = fallback?.id ?? "";
    const deleted = await send("DELETE", `/routing-rules/${id}`, cookies.region);
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.message).toMatch(/garder une règle par défaut/);
    const off = await send("PATCH", `/routing-rules/${id}`, cookies.region, { active: false });
    expect(off.status).toBe(409);
    expect(off.body.error.message).toMatch(/active et sans condition/);
    const conditioned = await send("PATCH", `/routing-rules/${id}`, cookies.region, { needs: ["vae"] });
    expect(conditioned.status).toBe(409);
    const second = await send("POST", "/routing-rules", cookies.region, {
      networkId: (await network("cio")).id,
      reason: "Une autre règle par défaut.",
      fallback: true,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/qu'une règle par défaut/);
    const unknownField = await send("PATCH", `/routing-rules/${id}`, cookies.region, { fallback: false });
    expect(unknownField.status).toBe(422);
    expect(unknownField.body.error.fields.corps).toMatch(/fallback/);
    expect(await db.prisma.routingRule.count({ where: { fallback: true, active: true } })).toBe(1);
  });

  it("answers the database's own guard in French when a change slips past the check", async () => {
    const fallback = await db.prisma.routingRule.findFirstOrThrow({ where: { fallback: true } });
    const { guarded } = await import("../../server/features/orientation/routing-table.ts");
    const { id: _id, updatedAt: _at, ...copy } = fallback;
    await expect(guarded(() => db.prisma.routingRule.create({ data: { ...copy, position: 2000 } }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/qu'une règle par défaut/),
    });
    await expect(
      guarded(() => db.prisma.routingRule.update({ where: { id: fallback.id }, data: { active: false } })),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/sans condition/) });
  });

  it("adds, edits, reorders and deletes rules, and the questionnaire answers accordingly, each change audited", async () => {
    const profile = { ageBand: "from_45", situation: "employee", need: "career_change", commune: LILLE };
    const networks = async () => (await recommended(profile)).map((r) => r.network.slug);
    expect(await networks()).toEqual(["transitions-pro", "pic-vae"]);
    const events = await db.prisma.auditEvent.count({ where: { entity: "RoutingRule" } });

    const created = await send("POST", "/routing-rules", cookies.region, {
      situations: ["employee"],
      needs: ["career_change"],
      networkId: (await network("cio")).id,
      serviceId: null,
      reason: "  Un CIO reçoit aussi les adultes.  ",
    });
    expect(created.status).toBe(201);
    const rules = await table();
    expect(rules.at(-2)).toMatchObject({ id: created.body.id, reason: "Un CIO reçoit aussi les adultes." });
    expect(await networks()).toEqual(["transitions-pro", "pic-vae", "cio"]);

    const ordered = rules.filter((r) => !r.fallback).map((r) => r.id);
    const moved = [created.body.id, ...ordered.filter((id) => id !== created.body.id)];
    expect((await send("POST", "/routing-rules/reorder", cookies.region, { ids: moved })).status).toBe(200);
    expect(await networks()).toEqual(["cio", "transitions-pro", "pic-vae"]);
    const cio = (await recommended(profile))[0];
    expect(cio?.service).toBeNull();
    expect(cio?.structures[0]?.bookingHref).toMatch(/^\/rendez-vous\?service=[a-z0-9-]+&commune=59350&structure=/);

    const stale = await send("POST", "/routing-rules/reorder", cookies.region, { ids: moved.slice(1) });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/a changé entre-temps/);
    const fallback = rules.find((r) => r.fallback)?.id;
    const withFallback = await send("POST", "/routing-rules/reorder", cookies.region, { ids: [...moved, fallback] });
    expect([withFallback.status, withFallback.body.error.fields.ids]).toEqual([422, expect.stringMatching(/par défaut/)]);

    const edited = await send("PATCH", `/routing-rules/${created.body.id}`, cookies.region, { reason: "Nouvelle raison." });
    expect(edited.status).toBe(200);
    expect((await recommended(profile))[0]?.reason).toBe("Nouvelle raison.");
    expect((await send("PATCH", `/routing-rules/${created.body.id}`, cookies.region, { active: false })).status).toBe(200);
    expect(await networks()).toEqual(["transitions-pro", "pic-vae"]);
    expect((await send("DELETE", `/routing-rules/${created.body.id}`, cookies.region)).status).toBe(200);
    expect((await send("DELETE", `/routing-rules/${created.body.id}`, cookies.region)).status).toBe(404);

    const written = await db.prisma.auditEvent.findMany({
      where: { entity: "RoutingRule" },
      orderBy: { at: "asc" },
      skip: events,
      select: { action: true },
    });
    expect(written.map((e) => e.action)).toEqual([
      "routing_rule.create",
      "routing_rule.reorder",
      "routing_rule.update",
      "routing_rule.update",
      "routing_rule.delete",
    ]);
  });

  it("names what is wrong in a rule", async () => {
    const wrong = await send("POST", "/routing-rules", cookies.region, {
      ageBands: ["from_45", "from_45"],
      needs: ["dormir"],
      networkId: "00000000-0000-4000-8000-000000000000",
      reason: " ",
      structureId: "x",
    });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(["ageBands", "corps", "needs.0", "reason"].sort());
    const unknown = await send("POST", "/routing-rules", cookies.region, {
      networkId: "00000000-0000-4000-8000-000000000000",
      serviceId: "00000000-0000-4000-8000-000000000000",
      reason: "Parce que.",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual({
      networkId: "Aucun réseau ne porte cet identifiant.",
      serviceId: "Aucun service ne porte cet identifiant.",
    });
  });
});
