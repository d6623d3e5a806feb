import { availableParallelism } from "node:os";
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
    // vitest's default, one fewer than the cores, is a single worker on our 2-core machines:
    // test files wait much of their time (PostgreSQL, Chromium, child processes), so two.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{server,emails,sms,web,prisma}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.db.test.ts", "**/node_modules/**"],
          // Pure tests: a worker's modules serve its next file (a fresh one each cost more than
          // the tests themselves).
          isolate: false,
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
          // Each file builds its own app on its own database; importing the server anew for each
          // file cost half the project's time.
          isolate: false,
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
