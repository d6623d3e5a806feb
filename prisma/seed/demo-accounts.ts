import { randomBytes } from "node:crypto";
import { hashPassword } from "../../server/auth/password.ts";
import type { PrismaClient } from "../../server/db/database.ts";
import type { MembershipRole } from "../../server/db/generated/client.ts";
import { stableUuid } from "./ids.ts";

/** One account per role on the demo directory, to sign in and try each part of the product. */
export const DEMO_ACCOUNTS = [
  { email: "admin@demo.example", firstName: "Anne", lastName: "Régionale", role: "regional-admin" },
  { email: "coordination@demo.example", firstName: "Bruno", lastName: "Territoire", role: "coordinator" },
  { email: "admin-structure@demo.example", firstName: "Chloé", lastName: "Structure", role: "structure_admin" },
  { email: "conseiller@demo.example", firstName: "David", lastName: "Conseil", role: "advisor" },
  { email: "accueil@demo.example", firstName: "Emma", lastName: "Accueil", role: "reception" },
  { email: "partenaire@demo.example", firstName: "Farid", lastName: "Partenaire", role: "referrer" },
] as const;

/** The structures they work in: a Mission Locale, and a CCAS for the partner referrer. */
const STRUCTURE = "mission-locale-lille";
const PARTNER = "ccas-roubaix";

/** A password people can type: four groups of lowercase letters and digits (≈ 80 bits). */
export function generatedDemoPassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

/** Loads the demo accounts unless in production, and says how to sign in. */
export async function seedDemoAccountsFor(
  prisma: PrismaClient,
  config: { env: string; seedPassword: string | undefined },
  print: (line: string) => void,
): Promise<void> {
  if (config.env === "production") return;
  const password = config.seedPassword ?? generatedDemoPassword();
  const created = await seedDemoAccounts(prisma, password);
  if (created.length === 0) return;
  print(`Comptes de démonstration créés : ${created.join(", ")}.`);
  print(
    config.seedPassword
      ? "Leur mot de passe est la valeur de SEED_PASSWORD."
      : `Leur mot de passe (affiché une seule fois) : ${password}`,
  );
}

/**
 * Creates the demo accounts that do not exist yet (an existing one keeps its password). Returns
 * the emails created. The caller refuses this in production.
 */
export async function seedDemoAccounts(prisma: PrismaClient, password: string): Promise<string[]> {
  const [structure, partner, territory] = await Promise.all([
    prisma.structure.findUniqueOrThrow({
      where: { slug: STRUCTURE },
      include: { sites: { take: 1, orderBy: { name: "asc" } }, offerings: { take: 1, orderBy: { id: "asc" } } },
    }),
    prisma.structure.findUniqueOrThrow({ where: { slug: PARTNER } }),
    prisma.territory.findFirstOrThrow({ where: { communes: { some: { communeCode: "59350" } } } }),
  ]);
  const existing = new Set(
    (
      await prisma.staffUser.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true } })
    ).map((u) => u.email),
  );
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return [];
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    for (const account of missing) {
      const id = stableUuid("demo-account", account.email);
      await tx.staffUser.create({
        data: {
          id,
          email: account.email,
          firstName: account.firstName,
          lastName: account.lastName,
          passwordHash,
          regionalAdmin: account.role === "regional-admin",
        },
      });
      if (account.role === "coordinator") {
        await tx.territoryCoordinator.create({ data: { userId: id, territoryId: territory.id } });
      } else if (account.role !== "regional-admin") {
        const role = account.role as MembershipRole;
        await tx.membership.create({ data: { userId: id, role, structureId: role === "referrer" ? partner.id : structure.id } });
      }
      const [site] = structure.sites;
      const [offering] = structure.offerings;
      if (account.role === "advisor" && site && offering) {
        await tx.availabilityRule.create({
          data: {
            id: stableUuid("demo-account-rule", account.email),
            advisorId: id,
            structureId: structure.id,
            siteId: site.id,
            modes: ["onsite", "phone"],
            weekdays: [1, 2, 3, 4],
            startTime: "09:00",
            endTime: "12:00",
            validFrom: new Date("2026-01-05"),
            offerings: { create: [{ offeringId: offering.id }] },
          },
        });
      }
    }
  });
  return missing.map((a) => a.email);
}
