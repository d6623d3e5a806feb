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

/**
 * A bookable directory on top of `smallDirectory`: the PIC VAE's advisor works Mon–Fri
 * 09:00–12:00 on site or by phone (45 min + 15 min buffer, 2 h notice) and runs a 12-seat
 * collective session on Tuesdays 14:00–16:00; a CIBC also serving Lille has a phone-only
 * advisor on Thursdays 14:00–16:00, away until 13 April 2026.
 */
export async function bookableDirectory(db: Database) {
  const fx = await smallDirectory(db);
  const p = db.prisma;
  await p.offering.update({ where: { id: fx.offering.id }, data: { bufferMinutes: 15, minNoticeMinutes: 120, horizonDays: 90 } });
  await p.availabilityRule.create({
    data: {
      advisorId: fx.advisor.id,
      structureId: fx.structure.id,
      siteId: fx.site.id,
      modes: ["onsite", "phone"],
      weekdays: [1, 2, 3, 4, 5],
      startTime: "09:00",
      endTime: "12:00",
      validFrom: new Date("2026-01-05"),
      offerings: { create: [{ offeringId: fx.offering.id }] },
    },
  });
  const session = await p.service.create({
    data: { slug: "reunion-information-vae", name: "Réunion d'information collective VAE" },
  });
  const sessionOffering = await p.offering.create({
    data: {
      structureId: fx.structure.id,
      serviceId: session.id,
      durationMinutes: 120,
      seats: 12,
      modes: ["onsite"],
      minNoticeMinutes: 0,
    },
  });
  const collective = { offeringId: sessionOffering.id };
  await p.availabilityRule.create({
    data: {
      advisorId: fx.advisor.id,
      structureId: fx.structure.id,
      siteId: fx.site.id,
      modes: ["onsite"],
      weekdays: [2],
      startTime: "14:00",
      endTime: "16:00",
      validFrom: new Date("2026-01-05"),
      offerings: { create: [{ offeringId: sessionOffering.id }] },
    },
  });

  // A second structure serving Lille, whose advisor is away for the next three weeks.
  const cibc = await p.network.create({ data: { slug: "cibc", name: "CIBC" } });
  const structure = await p.structure.create({
    data: {
      slug: "cibc-lille",
      name: "CIBC de Lille",
      networkId: cibc.id,
      communes: { create: [{ communeCode: "59350" }] },
      sites: { create: [{ name: "Lille Vauban", address: "3 rue Solférino", postcode: "59000", communeCode: "59350" }] },
      offerings: { create: [{ serviceId: fx.services.vae.id, durationMinutes: 60, modes: ["phone"], minNoticeMinutes: 0 }] },
    },
    include: { offerings: true },
  });
  const advisor = await p.staffUser.create({
    data: {
      email: "conseiller@cibc-lille.test",
      firstName: "Hugo",
      lastName: "Petit",
      memberships: { create: [{ structureId: structure.id, role: "advisor" }] },
    },
  });
  await p.availabilityRule.create({
    data: {
      advisorId: advisor.id,
      structureId: structure.id,
      modes: ["phone"],
      weekdays: [4],
      startTime: "14:00",
      endTime: "16:00",
      validFrom: new Date("2026-01-05"),
      offerings: { create: [{ offeringId: structure.offerings[0]?.id as string }] },
    },
  });
  await p.absence.create({
    data: {
      advisorId: advisor.id,
      startsAt: new Date("2026-03-20T00:00:00Z"),
      endsAt: new Date("2026-04-13T00:00:00Z"),
      reason: "Congés",
    },
  });
  const other = { structureId: structure.id, advisorId: advisor.id };

  return { ...fx, other, collective };
}

/** Where and with whom a meeting of the small directory takes place: its offering, site and advisor, on site. */
export const atFixture = (fx: Pick<Directory, "offering" | "structure" | "site" | "advisor">) => ({
  offeringId: fx.offering.id,
  structureId: fx.structure.id,
  siteId: fx.site.id,
  mode: "onsite" as const,
  advisorId: fx.advisor.id,
});

type Directory = Awaited<ReturnType<typeof smallDirectory>>;
