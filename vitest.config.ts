import { defineConfig } from "vitest/config";

// Three kinds of tests, told apart by where they live:
// - unit: beside their source, pure (no database, no network);
// - integration: tests/api and tests/db (and *.db.test.ts), the whole stack on a real database;
// - browser: tests/e2e, Debian's Chromium through playwright-core, with axe-core.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{server,emails,web,prisma}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.db.test.ts", "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/{api,db}/**/*.test.ts", "**/*.db.test.ts"],
          exclude: ["**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
