import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

// `npm run db:migration` diffs prisma/schema.prisma against the snapshot of the datamodel the
// migrations lead to, and updates it. A model changed without its migration (or a migration
// brought in without its snapshot) would be left out of the database, or written twice.
it("the migrations lead to prisma/schema.prisma: the snapshot beside them is the same file", () => {
  const snapshot = readFileSync(new URL("migrations/schema.prisma", import.meta.url), "utf8");
  const schema = readFileSync(new URL("schema.prisma", import.meta.url), "utf8");
  expect(
    snapshot === schema,
    "prisma/schema.prisma differs from prisma/migrations/schema.prisma: run `npm run db:migration <name>` " +
      "(or copy it over when only comments changed)",
  ).toBe(true);
});
