import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { smallDirectory } from "../helpers/fixtures.ts";

let db: Database;
let app: ReturnType<typeof testApp>;
let directory: Awaited<ReturnType<typeof smallDirectory>>;
beforeAll(async () => {
  db = await createTestDatabase();
  directory = await smallDirectory(db);
  app = testApp(db);
});
afterAll(() => db.close());

describe("GET /api/health", () => {
  it("answers ok with the kind of database it runs on", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: process.env.TEST_DATABASE_URL ? "postgresql" : "pglite" });
    expect(res.headers.get("X-Request-Id")).toMatch(/.+/);
  });
});

describe("GET /api/services", () => {
  it("lists the services in display order", async () => {
    const res = await app.request("/api/services");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.services.map((s: { slug: string }) => s.slug)).toEqual(["cep-premier-entretien", "information-conseil-vae"]);
    expect(body.services[1]).toEqual({
      id: directory.services.vae.id,
      slug: "information-conseil-vae",
      name: "Information-conseil VAE",
      description: "",
    });
  });
});

describe("GET /api/structures", () => {
  it("lists the SPRO structures with their network and sites, never the partners without a calendar", async () => {
    const res = await app.request("/api/structures");
    expect(res.status).toBe(200);
    const { structures } = await res.json();
    expect(structures).toHaveLength(1);
    expect(structures[0]).toMatchObject({
      id: directory.structure.id,
      name: "Point Info Conseil VAE de Lille",
      network: { slug: "pic-vae", name: "Points Info Conseil VAE" },
      timeZone: "Europe/Paris",
      services: ["information-conseil-vae"],
      sites: [
        { id: directory.site.id, address: "12 rue Nationale", postcode: "59000", commune: { code: "59350", name: "Lille" } },
      ],
    });
  });

  it("says what to bring (« À prévoir ») for the service asked for, and null without a service", async () => {
    await db.prisma.offering.update({ where: { id: directory.offering.id }, data: { instructions: "Apportez votre CV." } });
    const forService = await (await app.request("/api/structures?service=information-conseil-vae")).json();
    expect(forService.structures.map((s: { instructions: string | null }) => s.instructions)).toEqual(["Apportez votre CV."]);
    const all = await (await app.request("/api/structures")).json();
    expect(all.structures.map((s: { instructions: string | null }) => s.instructions)).toEqual([null]);
    await db.prisma.offering.update({ where: { id: directory.offering.id }, data: { instructions: "" } });
  });

  it("gives one structure by its id, and 404 for an unknown or partner one", async () => {
    const res = await app.request(`/api/structures/${directory.structure.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).structure).toMatchObject({ id: directory.structure.id, name: "Point Info Conseil VAE de Lille" });
    expect((await app.request(`/api/structures/${directory.partner.id}`)).status).toBe(404);
    expect((await app.request("/api/structures/abc")).status).toBe(422);
  });

  it("shows only the open sites in French order, and only the services still offered, sorted", async () => {
    const p = db.prisma;
    const extra = await Promise.all([
      p.site.create({
        data: {
          structureId: directory.structure.id,
          name: "Écoles",
          address: "1 rue des Écoles",
          postcode: "59000",
          communeCode: "59350",
        },
      }),
      p.site.create({
        data: {
          structureId: directory.structure.id,
          name: "Annexe fermée",
          address: "2 rue",
          postcode: "59000",
          communeCode: "59350",
          active: false,
        },
      }),
      p.offering.create({
        data: {
          structureId: directory.structure.id,
          serviceId: directory.services.cep.id,
          durationMinutes: 60,
          modes: ["onsite"],
          active: false,
        },
      }),
    ]);
    try {
      const { structure } = await (await app.request(`/api/structures/${directory.structure.id}`)).json();
      // « Écoles » sorts among the E, after a site whose name starts with a D or before an F.
      expect(structure.sites.map((s: { name: string }) => s.name)).toEqual(
        [directory.site.name, "Écoles"].sort((x, y) => x.localeCompare(y, "fr")),
      );
      expect(structure.sites.find((s: { name: string }) => s.name === "Écoles")).toEqual({
        id: extra[0].id,
        name: "Écoles",
        address: "1 rue des Écoles",
        postcode: "59000",
        accessInfo: "",
        phone: null,
        commune: { code: "59350", name: "Lille" },
      });
      expect(structure.services).toEqual(["information-conseil-vae"]);
      await p.offering.update({ where: { id: extra[2].id }, data: { active: true } });
      const again = (await (await app.request(`/api/structures/${directory.structure.id}`)).json()).structure;
      expect(again.services).toEqual(["cep-premier-entretien", "information-conseil-vae"]);
      expect(again.sproRoles).toEqual(expect.any(Array));
    } finally {
      await p.offering.delete({ where: { id: extra[2].id } });
      await p.site.deleteMany({ where: { id: { in: [extra[0].id, extra[1].id] } } });
    }
  });

  it("filters by the commune served and by the service offered", async () => {
    const names = async (query: string) =>
      (await (await app.request(`/api/structures?${query}`)).json()).structures.map((s: { slug: string }) => s.slug);
    expect(await names("commune=59350&service=information-conseil-vae")).toEqual(["pic-vae-lille"]);
    expect(await names("commune=59512")).toEqual([]);
    expect(await names("service=cep-premier-entretien")).toEqual([]);
  });
});
