import { defineConfig } from "vitest/config";

// Four kinds of tests, told apart by where they live:
// - unit: beside their source, pure (no database, no network);
// - integration: tests/api, tests/db, tests/fuzz and tests/load/users.test.ts (and *.db.test.ts),
//   the whole stack on a real database;
// - faults: tests/faults, the server as child processes through restarts, kills and outages;
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
          include: ["tests/{api,db,fuzz}/**/*.test.ts", "tests/load/users.test.ts", "**/*.db.test.ts"],
          exclude: ["**/node_modules/**"],
          // A migrated template made once per run, which each test file's database copies.
          globalSetup: ["tests/helpers/database-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          // Real server processes, a restartable SMTP server and PostgreSQL cluster: one file at a
          // time. Short in CI; `npm run test:faults` (FAULTS_FULL=1) runs the sizes.
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          fileParallelism: false,
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
