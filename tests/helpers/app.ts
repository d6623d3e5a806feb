import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../server/app.ts";
import { type Clock, fixedClock } from "../../server/clock.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import type { Deps } from "../../server/context.ts";
import type { Database } from "../../server/db/database.ts";
import { createLogger } from "../../server/logger.ts";

/** A test configuration: its own data folder, no logs, a fixed secret. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    DATA_DIR: mkdtempSync(join(tmpdir(), "rdv-test-")),
    SESSION_SECRET: "test-secret-test-secret-test-secret-0123",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...env,
  });
}

export function testDeps(db: Database, overrides: Partial<Deps> & { clock?: Clock } = {}): Deps {
  const config = overrides.config ?? testConfig();
  return {
    db,
    config,
    clock: overrides.clock ?? fixedClock("2026-03-23T08:00:00Z"),
    log: overrides.log ?? createLogger(config.logLevel),
  };
}

/** The whole app on `db`, driven with `app.request()` (no socket). */
export function testApp(db: Database, overrides: Partial<Deps> = {}) {
  return createApp(testDeps(db, overrides));
}
