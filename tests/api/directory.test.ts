import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { atFixture } from "../helpers/fixtures.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// « Où s'adresser ? » and « Questions / Réponses »: the public directory on the staff fixtures
// (PIC VAE and CIBC serving Lille, CIO serving Roubaix, a CCAS partner serving both), and the
// Région's editing of the questions.

const clock = fixedClock("2026-10-26T09:00:00Z"); // a Monday, 10 h in Lille
const env = useStaffApp(clock);
const send = sender(env);

interface Entry {
  slug: string;
  name: string;
  path: string;
  network: { slug: string };
  sites: { name: string; accessInfo: string; openingHours: string[]; commune: { code: string } }[];
  remoteHours: string[];
  services: { slug: string; nextSlot: string | null; bookingPath: string | null; bookableOnline: boolean }[];
  nextAvailability: { start: string; service: { slug: string } } | null;
}
const search = async (query: string) => {
  const res = await env.app.request(`/api/directory${query}`);
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.status}: ${JSON.stringify(body)}`);
  return body as { structures: Entry[]; total: number; page: number; pages: number };
};
const slugs = async (query: string) => (await search(query)).structures.map((s) => s.slug);

describe("GET /api/directory", () => {
  it("lists every SPRO structure, never a partner, by name", async () => {
    const { structures, total, pages } = await search("");
    expect(structures.map((s) => s.slug)).toEqual(["cibc-lille", "cio-roubaix", "pic-vae-lille"]);
    expect({ total, pages }).toEqual({ total: 3, pages: 1 });
  });

  it("finds the structures serving a commune, and only them", async () => {
    expect(await slugs("?commune=59350")).toEqual(["cibc-lille", "pic-vae-lille"]);
    expect(await slugs("?commune=59512")).toEqual(["cio-roubaix"]);
  });

  it("finds by network, service, territory and name, and combines the filters", async () => {
    expect(await slugs("?network=cio")).toEqual(["cio-roubaix"]);
    expect(await slugs("?service=information-conseil-vae")).toEqual(["cibc-lille", "pic-vae-lille"]);
    expect(await slugs("?territory=metropole-lilloise")).toEqual(["cibc-lille", "pic-vae-lille"]);
    expect(await slugs("?q=vae")).toEqual(["pic-vae-lille"]);
    expect(await slugs("?q=%20cibc%20")).toEqual(["cibc-lille"]);
    expect(await slugs("?commune=59350&network=cibc")).toEqual(["cibc-lille"]);
    expect(await slugs("?commune=59512&service=information-conseil-vae")).toEqual([]);
    expect(await slugs("?territory=metropole-lilloise&network=cio")).toEqual([]);
  });

  it("finds by territory a structure with a site there that does not serve it", async () => {
    await env.db.prisma.territory.create({
      data: { slug: "roubaix-gare", name: "Roubaix", communes: { create: [{ communeCode: "59512" }] } },
    });
    const lille = await env.db.prisma.structure.findUniqueOrThrow({ where: { slug: "cibc-lille" } });
    const site = await env.db.prisma.site.create({
      data: { structureId: lille.id, name: "Permanence de Roubaix", address: "2 rue", postcode: "59100", communeCode: "59512" },
    });
    expect(await slugs("?territory=roubaix-gare")).toEqual(["cibc-lille", "cio-roubaix"]);
    await env.db.prisma.site.delete({ where: { id: site.id } });
    expect(await slugs("?territory=roubaix-gare")).toEqual(["cio-roubaix"]);
  });

  it("names an unknown filter in French (422), a partner network being unknown to the SPRO", async () => {
    const res = await env.app.request("/api/directory?commune=99999&network=ccas&service=nope&territory=nulle-part");
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.fields).toEqual({
      commune: expect.stringMatching(/Aucune commune de la région/),
      network: expect.stringMatching(/Aucun réseau du SPRO ne s'appelle « ccas »/),
      service: expect.stringMatching(/Aucun service/),
      territory: expect.stringMatching(/Aucun territoire/),
    });
    const malformed = await env.app.request("/api/directory?commune=Lille&page=0&network=CIO!");
    expect(malformed.status).toBe(422);
    expect(Object.keys((await malformed.json()).error.fields).sort()).toEqual(["commune", "network", "page"]);
  });

  it("gives each structure's places, access, opening hours, services and booking links", async () => {
    const [pic] = (await search("?commune=59350&network=pic-vae")).structures;
    expect(pic).toMatchObject({
      name: "Point Info Conseil VAE de Lille",
      path: "/structures/pic-vae-lille",
      network: { slug: "pic-vae", name: "Points Info Conseil VAE" },
      sites: [
        {
          name: "Lille Centre",
          address: "12 rue Nationale",
          accessInfo: "Métro ligne 1, station Rihour.",
          commune: { code: "59350", name: "Lille" },
          openingHours: ["Le lundi et du mercredi au vendredi, 9 h – 12 h", "Le mardi, 9 h – 12 h et 14 h – 16 h"],
        },
      ],
      remoteHours: [],
    });
    const vae = pic?.services.find((s) => s.slug === "information-conseil-vae");
    expect(vae?.bookingPath).toBe(`/rendez-vous?service=information-conseil-vae&commune=59350&structure=${env.fx.structure.id}`);
    // Without the person's commune, the booking page asks for it first.
    const [anywhere] = (await search("?network=pic-vae")).structures;
    expect(anywhere?.services.find((s) => s.slug === "information-conseil-vae")?.bookingPath).toBe(
      "/rendez-vous?service=information-conseil-vae",
    );
    const [cibc] = (await search("?network=cibc")).structures;
    expect(cibc?.remoteHours).toEqual(["Le jeudi, 14 h – 16 h"]);
  });

  it("gives the next availability: the first free public slot, as the slot search finds it", async () => {
    const [pic] = (await search("?network=pic-vae")).structures;
    // 2 h notice on Monday at 10 h: the VAE meeting on Tuesday at 9 h comes before the session at 14 h.
    expect(pic?.nextAvailability).toEqual({
      start: "2026-10-27T09:00:00+01:00",
      service: { slug: "information-conseil-vae", name: "Information-conseil VAE" },
    });
    const first = await env.app.request(`/api/slots?service=information-conseil-vae&structure=${env.fx.structure.id}&first=true`);
    expect((await first.json()).slots[0].start).toBe(pic?.nextAvailability?.start);
    expect(pic?.services.find((s) => s.slug === "reunion-information-vae")?.nextSlot).toBe("2026-10-27T14:00:00+01:00");

    // Booked, the slot goes: the next one is the next hour.
    const person = await env.db.prisma.person.create({ data: { firstName: "Léa", lastName: "Durand" } });
    await env.db.prisma.appointment.create({
      data: {
        ...atFixture(env.fx),
        personId: person.id,
        startsAt: new Date("2026-10-27T08:00:00Z"),
        endsAt: new Date("2026-10-27T08:45:00Z"),
        channel: "online",
      },
    });
    const [after] = (await search("?network=pic-vae")).structures;
    expect(after?.nextAvailability?.start).toBe("2026-10-27T10:00:00+01:00");

    // No range at all: no availability, and nothing said of the hours.
    const [cio] = (await search("?network=cio")).structures;
    expect(cio).toMatchObject({ nextAvailability: null, remoteHours: [], sites: [{ openingHours: [] }] });
    expect(cio?.services).toEqual([
      expect.objectContaining({ slug: "cep-premier-entretien", nextSlot: null, bookableOnline: true }),
    ]);
  });

  it("pages the results 20 at a time", async () => {
    const network = await env.db.prisma.network.findUniqueOrThrow({ where: { slug: "cio" } });
    await env.db.prisma.structure.createMany({
      data: Array.from({ length: 21 }, (_, i) => ({ slug: `cio-test-${i}`, name: `CIO test ${i}`, networkId: network.id })),
    });
    const first = await search("?network=cio");
    expect({ count: first.structures.length, total: first.total, pages: first.pages }).toEqual({
      count: 20,
      total: 22,
      pages: 2,
    });
    const second = await search("?network=cio&page=2");
    expect(second.structures).toHaveLength(2);
    expect([...first.structures, ...second.structures].map((s) => s.slug)).toContain("cio-roubaix");
    expect((await search("?network=cio&page=3")).structures).toEqual([]);
    await env.db.prisma.structure.deleteMany({ where: { slug: { startsWith: "cio-test-" } } });
  });
});

describe("GET /api/directory/{slug}", () => {
  it("gives one structure at its stable address, with booking links for a commune it serves", async () => {
    const res = await env.app.request("/api/directory/pic-vae-lille?commune=59350");
    expect(res.status).toBe(200);
    const { structure } = await res.json();
    expect(structure).toMatchObject({ slug: "pic-vae-lille", sites: [{ name: "Lille Centre" }] });
    expect(structure.services[0].bookingPath).toContain("commune=59350&structure=");
    const elsewhere = await (await env.app.request("/api/directory/pic-vae-lille?commune=59512")).json();
    expect(elsewhere.structure.services[0].bookingPath).toMatch(/^\/rendez-vous\?service=[a-z-]+$/);
  });

  it("answers 404 in French for an unknown structure or a partner, 422 for a malformed one", async () => {
    for (const slug of ["nulle-part", "ccas-roubaix"]) {
      const res = await env.app.request(`/api/directory/${slug}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toMatch(/Aucune structure .* « .+ »/);
    }
    const res = await env.app.request("/api/directory/PIC%20VAE");
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.slug).toMatch(/identifiant de structure/);
  });
});

describe("GET /api/directory/filters", () => {
  it("offers the SPRO's networks (no partner), the territories and the services", async () => {
    const body = await (await env.app.request("/api/directory/filters")).json();
    expect(body.networks.map((n: { slug: string }) => n.slug)).toEqual(["cibc", "cio", "pic-vae"]);
    expect(body.territories.map((t: { slug: string }) => t.slug)).toContain("metropole-lilloise");
    expect(body.services.map((s: { slug: string }) => s.slug)).toContain("information-conseil-vae");
  });
});

describe("Questions / Réponses", () => {
  const region = () => env.fx.cookies.regionalAdmin;
  const entry = {
    slug: "metiers-d-avenir",
    position: 2,
    question: "Quels sont les métiers d'avenir ?",
    answer: "Ceux qui recrutent près de chez vous.\n\nUn conseiller vous les présente.",
    need: "jobs_information",
  };

  it("lets the Région add, edit, reorder, unpublish and delete entries, each change audited", async () => {
    const created = await send("POST", "/admin/faq", region(), entry);
    expect(created.status).toBe(201);
    const vae = await send("POST", "/admin/faq", region(), {
      slug: "valider-son-experience",
      position: 1,
      question: "Comment faire valider mon expérience ?",
      answer: "Par la VAE.",
      service: "information-conseil-vae",
    });
    expect(vae.status).toBe(201);

    const publicList = async () => (await (await env.app.request("/api/faq")).json()).entries;
    expect(await publicList()).toEqual([
      {
        slug: "valider-son-experience",
        question: "Comment faire valider mon expérience ?",
        answer: "Par la VAE.",
        need: null,
        service: { slug: "information-conseil-vae", name: "Information-conseil VAE" },
      },
      { slug: entry.slug, question: entry.question, answer: entry.answer, need: "jobs_information", service: null },
    ]);

    expect((await send("PATCH", `/admin/faq/${created.body.id}`, region(), { position: 0 })).status).toBe(200);
    expect((await publicList()).map((e: { slug: string }) => e.slug)).toEqual(["metiers-d-avenir", "valider-son-experience"]);

    const hidden = await send("PATCH", `/admin/faq/${vae.body.id}`, region(), { published: false, service: null });
    expect(hidden.status).toBe(200);
    expect((await publicList()).map((e: { slug: string }) => e.slug)).toEqual(["metiers-d-avenir"]);
    const all = await send("GET", "/admin/faq", region());
    expect(all.body.entries).toContainEqual(
      expect.objectContaining({ slug: "valider-son-experience", published: false, service: null }),
    );

    const audit = await env.db.prisma.auditEvent.findMany({
      where: { entity: "FaqEntry", entityId: vae.body.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["faq.create", env.fx.users.regionalAdmin.id],
      ["faq.update", env.fx.users.regionalAdmin.id],
    ]);
    expect(audit[1]?.details).toEqual({ fields: ["published", "service"] });

    expect((await send("DELETE", `/admin/faq/${vae.body.id}`, region())).status).toBe(200);
    expect(await env.db.prisma.faqEntry.count({ where: { id: vae.body.id } })).toBe(0);
    expect(await env.db.prisma.auditEvent.count({ where: { action: "faq.delete", entityId: vae.body.id } })).toBe(1);
    expect((await send("DELETE", `/admin/faq/${vae.body.id}`, region())).status).toBe(404);
  });

  it("refuses in French, naming the field: a slug taken (409), a bad or unknown field (422)", async () => {
    const again = await send("POST", "/admin/faq", region(), entry);
    expect(again.status).toBe(409);
    expect(again.body.error.fields.slug).toMatch(/déjà pris/);

    const wrong = await send("POST", "/admin/faq", region(), {
      ...entry,
      slug: "Mauvais Identifiant",
      question: " ",
      need: "astrologie",
      position: -1,
      structureId: "x",
    });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(["corps", "need", "position", "question", "slug"].sort());
    expect(wrong.body.error.fields.question).toBe("La question est obligatoire.");

    const unknownService = await send("POST", "/admin/faq", region(), { ...entry, slug: "autre", service: "astrologie" });
    expect(unknownService.status).toBe(422);
    expect(unknownService.body.error.fields.service).toMatch(/aucun service ne s'appelle « astrologie »/);
    expect(await env.db.prisma.faqEntry.count({ where: { slug: "autre" } })).toBe(0);
  });

  it("is the Région's alone: 403 for a structure admin and other roles, 401 without a session", async () => {
    for (const role of ["structureAdmin", "coordinator", "advisor"] as const) {
      const res = await send("POST", "/admin/faq", env.fx.cookies[role], { ...entry, slug: `essai-${role.toLowerCase()}` });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/régionale|rôle/);
    }
    expect((await send("GET", "/admin/faq", "")).status).toBe(401);
  });
});
