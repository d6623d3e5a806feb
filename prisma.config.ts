import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// Prisma 6.19 with the JavaScript schema engine: no native engine is downloaded.
// The CLI only needs an adapter for `migrate diff` between datamodels, so an
// in-memory PGlite is enough; the app applies migrations itself (server/db/migrate.ts).
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost/placeholder";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPGlite(new PGlite()),
});
