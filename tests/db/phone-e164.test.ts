import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { migrate, readMigrations } from "../../server/db/migrate.ts";
import { parsePhone } from "../../server/domain/phone.ts";
import { createTestDatabase } from "../helpers/db.ts";

// The migration 20261207100000_phone_e164, applied on a database that holds phones as they were
// stored before it: the API's compact national form, the demo's spaced one, international ones.

/** What was stored → what the migration leaves. */
const PEOPLE: [string | null, string | null][] = [
  ["0612345678", "+33612345678"],
  ["06 39 98 12 34", "+262639981234"], // the demo's (ARCEP's range for fiction, in Mayotte's block)
  ["0320112233", "+33320112233"],
  ["0977421234", "+33977421234"],
  ["+33612345678", "+33612345678"],
  ["0033612345678", "+33612345678"],
  ["+330612345678", "+33612345678"],
  ["+33692123456", "+262692123456"],
  ["0692123456", "+262692123456"],
  ["0693012345", "+262693012345"],
  ["0262211234", "+262262211234"],
  ["0263012345", "+262263012345"],
  ["0639012345", "+262639012345"],
  ["0269611234", "+262269611234"],
  ["0690123456", "+590690123456"],
  ["0691281234", "+590691281234"],
  ["0590271234", "+590590271234"],
  ["0696123456", "+596696123456"],
  ["0697012345", "+596697012345"],
  ["0596611234", "+596596611234"],
  ["0694201234", "+594694201234"],
  ["0594301234", "+594594301234"],
  ["0508411234", "+508411234"],
  ["05.08.55.12.34", "+508551234"],
  ["+447911123456", "+447911123456"],
  ["00447911123456", "+447911123456"],
  ["+32 470 12 34 56", "+32470123456"],
  ["0612", "0612"],
  ["n'importe quoi", "n'importe quoi"],
  [null, null],
];

let db: Database;
/** Each person's id, in the order of PEOPLE. */
const ids = PEOPLE.map(() => randomUUID());

beforeAll(async () => {
  db = await createTestDatabase({ migrated: false });
  const migrations = readMigrations();
  const at = migrations.findIndex((m) => m.name === "20261207100000_phone_e164");
  expect(at).toBeGreaterThan(0);
  await migrate(db, migrations.slice(0, at));
  for (const [i, [phone]] of PEOPLE.entries()) {
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Person" (id, "firstName", "lastName", phone) VALUES ($1::uuid, 'Léa', 'Durand', $2)`,
      ids[i],
      phone,
    );
  }
  const networkId = randomUUID();
  await db.prisma.$executeRawUnsafe(
    `INSERT INTO "Network" (id, slug, name) VALUES ($1::uuid, 'ml', 'Missions Locales')`,
    networkId,
  );
  await db.prisma.$executeRawUnsafe(`INSERT INTO "Commune" (code, name, "departmentCode") VALUES ('59350', 'Lille', '59')`);
  for (const [slug, phone] of [
    ["compact", "0320112233"],
    ["spaced", "03 53 01 00 00"],
    ["foreign", "+32470123456"],
  ]) {
    const id = randomUUID();
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Structure" (id, slug, name, "networkId", phone) VALUES ($1::uuid, $2, $2, $3::uuid, $4)`,
      id,
      slug,
      networkId,
      phone,
    );
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO "Site" (id, "structureId", name, address, postcode, "communeCode", phone)
       VALUES ($1::uuid, $2::uuid, $3, '1 rue de Lille', '59000', '59350', $4)`,
      randomUUID(),
      id,
      slug,
      phone,
    );
  }
  await migrate(db);
});

afterAll(() => db.close());

describe("the migration of phone numbers to E.164", () => {
  it("gives each stored number of a person its country code, by its block of the French plan", async () => {
    const people = await db.prisma.person.findMany({ select: { id: true, phone: true } });
    const after = new Map(people.map((p) => [p.id, p.phone]));
    expect(PEOPLE.map(([before], i) => [before, after.get(ids[i] as string)])).toEqual(PEOPLE);
  });

  it("stores what the API would store from the same number, whenever the API takes it", () => {
    for (const [before, stored] of PEOPLE) {
      const phone = before === null ? null : parsePhone(before);
      if (phone) expect(stored, String(before)).toBe(phone.e164);
    }
  });

  it("writes a structure's or a site's compact national number as the pages show it, and leaves the others", async () => {
    const shown = async (table: "Structure" | "Site") =>
      db.prisma.$queryRawUnsafe<{ name: string; phone: string }[]>(`SELECT name, phone FROM "${table}" ORDER BY name`);
    const expected = [
      { name: "compact", phone: "03 20 11 22 33" },
      { name: "foreign", phone: "+32470123456" },
      { name: "spaced", phone: "03 53 01 00 00" },
    ];
    expect(await shown("Structure")).toEqual(expected);
    expect(await shown("Site")).toEqual(expected);
  });
});
