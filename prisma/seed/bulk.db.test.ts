import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { createTestDatabase } from "../../tests/helpers/db.ts";
import { brokenForeignKeys, bulkTransaction, insertRows } from "./bulk.ts";

// The demo's bulk writes: as createMany would write, and never a row without its parent, even
// where PGlite defers the foreign keys to one check at the end.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

const network = { id: "00000000-0000-4000-8000-000000000001", slug: "reseau-test", name: "Réseau test", kind: "spro" };

describe("bulk writes of the demo", () => {
  it("gives columns a row leaves out their default, skips duplicates and counts what it added", async () => {
    const described = { ...network, id: "00000000-0000-4000-8000-000000000006", slug: "decrit", description: "Décrit" };
    const added = await bulkTransaction(db, async (sql) => {
      const first = await insertRows(sql, "Network", [described, network], { skipDuplicates: true });
      const again = await insertRows(sql, "Network", [network], { skipDuplicates: true });
      return [first, again];
    });
    expect(added).toEqual([2, 0]);
    const [row] = await db.sql.query<{ description: string }>(`SELECT description FROM "Network" WHERE id = $1`, [network.id]);
    expect(row?.description).toBe("");
  });

  it("refuses a row whose parent is missing, and writes nothing of its transaction", async () => {
    const structure = {
      id: "00000000-0000-4000-8000-000000000002",
      slug: "structure-orpheline",
      name: "Structure orpheline",
      networkId: "00000000-0000-4000-8000-0000000000ff",
    };
    const site = {
      id: "00000000-0000-4000-8000-000000000003",
      name: "Site",
      address: "1 rue",
      postcode: "59000",
      communeCode: "59350",
    };
    await expect(
      bulkTransaction(db, async (sql) => {
        await insertRows(sql, "Structure", [{ ...structure, networkId: network.id }]);
        await insertRows(sql, "Site", [{ ...site, structureId: "00000000-0000-4000-8000-0000000000fe" }]);
      }),
    ).rejects.toThrow(/Site_structureId_fkey|foreign key/);
    expect(await db.sql.query(`SELECT 1 FROM "Structure" WHERE id = $1`, [structure.id])).toEqual([]);
  });

  it("finds, by constraint name, the rows a foreign key check would have refused", async () => {
    const orphan = { ...network, id: "00000000-0000-4000-8000-000000000004", slug: "autre" };
    const broken = await db
      .transaction(async (sql) => {
        await sql.exec("SET LOCAL session_replication_role = replica");
        await insertRows(sql, "Network", [orphan]);
        await insertRows(sql, "Structure", [
          { id: "00000000-0000-4000-8000-000000000005", slug: "s", name: "S", networkId: "00000000-0000-4000-8000-0000000000fd" },
        ]);
        const found = await brokenForeignKeys(sql);
        throw Object.assign(new Error("rollback"), { found });
      })
      .catch((error: { found?: string[] }) => error.found);
    expect(broken).toEqual(["Structure_networkId_fkey"]);
    expect(await brokenForeignKeys(db.sql)).toEqual([]);
  });
});
