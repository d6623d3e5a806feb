import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, generatedDemoPassword, seedDemoAccountsFor } from "../../prisma/seed/demo-accounts.ts";
import { seedDemo } from "../../prisma/seed/index.ts";
import type { Database } from "../../server/db/database.ts";
import { testApp } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db);
});
afterAll(() => db.close());

describe("demo accounts", () => {
  it("are never created in production", async () => {
    const printed: string[] = [];
    await seedDemoAccountsFor(db.prisma, { env: "production", seedPassword: "un mot de passe assez long" }, (l) =>
      printed.push(l),
    );
    expect(printed).toEqual([]);
    expect(await db.prisma.staffUser.count({ where: { email: { endsWith: "@demo.example" } } })).toBe(0);
  });

  it("are created once, one per role, with a generated password printed once, and each can sign in", async () => {
    const printed: string[] = [];
    await seedDemoAccountsFor(db.prisma, { env: "development", seedPassword: undefined }, (l) => printed.push(l));
    const password = printed.at(-1)?.match(/: (\S+)$/)?.[1] as string;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const app = testApp(db);
    const areas: Record<string, string[]> = {};
    for (const account of DEMO_ACCOUNTS) {
      const res = await app.request("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: account.email, password }),
      });
      expect(res.status, account.email).toBe(200);
      areas[account.email] = (await res.json()).user.areas;
    }
    expect(areas).toEqual({
      "admin@demo.example": ["dashboards", "directory", "account"],
      "coordination@demo.example": ["dashboards", "account"],
      "admin-structure@demo.example": ["agenda", "reception", "referrals", "directory", "account"],
      "conseiller@demo.example": ["agenda", "referrals", "account"],
      "accueil@demo.example": ["agenda", "reception", "referrals", "account"],
      "partenaire@demo.example": ["referrals", "account"],
    });
    const roles = await db.prisma.staffUser.findMany({
      where: { email: { endsWith: "@demo.example" } },
      select: {
        email: true,
        regionalAdmin: true,
        memberships: { select: { role: true, structure: { select: { slug: true } } } },
        coordinates: true,
      },
    });
    const byEmail = Object.fromEntries(roles.map((r) => [r.email, r]));
    expect(byEmail["admin@demo.example"]?.regionalAdmin).toBe(true);
    expect(byEmail["coordination@demo.example"]?.coordinates).toHaveLength(1);
    expect(byEmail["conseiller@demo.example"]?.memberships).toEqual([
      { role: "advisor", structure: { slug: "mission-locale-lille" } },
    ]);
    expect(byEmail["partenaire@demo.example"]?.memberships).toEqual([{ role: "referrer", structure: { slug: "ccas-roubaix" } }]);

    const again: string[] = [];
    await seedDemoAccountsFor(db.prisma, { env: "development", seedPassword: undefined }, (l) => again.push(l));
    expect(again).toEqual([]);
  });

  it("generate passwords that differ", () => {
    expect(generatedDemoPassword()).not.toBe(generatedDemoPassword());
  });
});
