import { openSession } from "../../server/auth/sessions.ts";
import type { Database } from "../../server/db/database.ts";
import { smallDirectory } from "./fixtures.ts";

export const ROLES = ["regionalAdmin", "coordinator", "structureAdmin", "advisor", "reception", "referrer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * `smallDirectory` plus a second SPRO structure (the "other" one, with its own site, offering,
 * closure and staff), a territory, spare services, and one signed-in account per role. The
 * structure admin, advisor and reception desk work in the PIC VAE of Lille ("own"); the
 * referrer in the CCAS of Roubaix.
 */
export async function staffDirectory(db: Database, now: Date) {
  const fx = await smallDirectory(db);
  const p = db.prisma;
  const cibc = await p.network.create({ data: { slug: "cibc", name: "CIBC" } });
  const other = await p.structure.create({
    data: {
      slug: "cibc-roubaix",
      name: "CIBC de Roubaix",
      networkId: cibc.id,
      communes: { create: [{ communeCode: "59512" }] },
      sites: { create: [{ name: "Roubaix Gare", address: "1 place de la Gare", postcode: "59100", communeCode: "59512" }] },
      offerings: { create: [{ serviceId: fx.services.cep.id, durationMinutes: 60, modes: ["onsite"] }] },
      closures: { create: [{ startDate: new Date("2026-12-24"), endDate: new Date("2026-12-26"), reason: "Noël" }] },
    },
    include: { sites: true, offerings: true, closures: true },
  });
  const territory = await p.territory.create({
    data: { slug: "metropole-lilloise", name: "Métropole lilloise", communes: { create: [{ communeCode: "59350" }] } },
  });
  const spareServices = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      p.service.create({ data: { slug: `service-${i}`, name: `Service ${i}`, position: 10 + i } }),
    ),
  );
  const account = (key: string, data: object) =>
    p.staffUser.create({
      data: { email: `${key}@staff.test`, firstName: "Prénom", lastName: key, passwordHash: "$argon2id$unused", ...data },
    });
  const own = fx.structure;
  const users = {
    regionalAdmin: await account("region", { regionalAdmin: true }),
    coordinator: await account("coordination", { coordinates: { create: [{ territoryId: territory.id }] } }),
    structureAdmin: await account("admin-structure", {
      memberships: { create: [{ structureId: own.id, role: "structure_admin" }] },
    }),
    advisor: await account("conseil", { memberships: { create: [{ structureId: own.id, role: "advisor" }] } }),
    reception: await account("accueil", { memberships: { create: [{ structureId: own.id, role: "reception" }] } }),
    referrer: await account("orienteur", { memberships: { create: [{ structureId: fx.partner.id, role: "referrer" }] } }),
  } satisfies Record<Role, { id: string }>;
  const otherAdvisor = await account("conseil-autre", { memberships: { create: [{ structureId: other.id, role: "advisor" }] } });
  const cookies = {} as Record<Role, string>;
  for (const role of ROLES) cookies[role] = `rdv-session=${await openSession(db, users[role].id, now)}`;
  return { ...fx, other, territory, spareServices, users, otherAdvisor, cookies };
}
