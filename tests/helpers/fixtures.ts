import type { Database } from "../../server/db/database.ts";

/**
 * A small hand-made directory: two communes, one SPRO structure serving Lille with one site
 * and the VAE service, one partner structure (no calendar), and an advisor.
 */
export async function smallDirectory(db: Database) {
  const p = db.prisma;
  await p.commune.createMany({
    data: [
      {
        code: "59350",
        name: "Lille",
        departmentCode: "59",
        postcodes: ["59000", "59160", "59260", "59777", "59800"],
        population: 238246,
      },
      { code: "59512", name: "Roubaix", departmentCode: "59", postcodes: ["59100"], population: 98089 },
    ],
  });
  const [vae, cep] = await Promise.all([
    p.service.create({ data: { slug: "information-conseil-vae", name: "Information-conseil VAE", position: 2 } }),
    p.service.create({
      data: { slug: "cep-premier-entretien", name: "Conseil en évolution professionnelle — premier entretien", position: 1 },
    }),
  ]);
  const pic = await p.network.create({ data: { slug: "pic-vae", name: "Points Info Conseil VAE" } });
  const ccas = await p.network.create({ data: { slug: "ccas", name: "CCAS", kind: "partner" } });
  const structure = await p.structure.create({
    data: {
      slug: "pic-vae-lille",
      name: "Point Info Conseil VAE de Lille",
      networkId: pic.id,
      sproRoles: ["pic_vae"],
      communes: { create: [{ communeCode: "59350" }] },
      sites: {
        create: [
          {
            name: "Lille Centre",
            address: "12 rue Nationale",
            postcode: "59000",
            communeCode: "59350",
            accessInfo: "Métro ligne 1, station Rihour.",
          },
        ],
      },
      offerings: { create: [{ serviceId: vae.id, durationMinutes: 45, modes: ["onsite", "phone"] }] },
    },
    include: { sites: true, offerings: true },
  });
  const partner = await p.structure.create({
    data: {
      slug: "ccas-roubaix",
      name: "CCAS de Roubaix",
      networkId: ccas.id,
      communes: { create: [{ communeCode: "59512" }, { communeCode: "59350" }] },
    },
  });
  const advisor = await p.staffUser.create({
    data: {
      email: "conseillere@pic-vae-lille.test",
      firstName: "Claire",
      lastName: "Martin",
      memberships: { create: [{ structureId: structure.id, role: "advisor" }] },
    },
  });
  const [site] = structure.sites;
  const [offering] = structure.offerings;
  if (!site || !offering) throw new Error("fixture incomplete");
  return { services: { vae, cep }, structure, site, offering, partner, advisor };
}
