import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../server/app.ts";
import { type Clock, fixedClock } from "../../server/clock.ts";
import { type Config, loadConfig } from "../../server/config.ts";
import type { Deps } from "../../server/context.ts";
import type { Database } from "../../server/db/database.ts";
import { unseal } from "../../server/db/sealed.ts";
import { outboxTasks } from "../../server/jobs/tasks.ts";
import { createLogger } from "../../server/logger.ts";
import type { EmailPayload, SmsPayload } from "../../server/mail/outbox.ts";
import { type OutboxWorkerOptions, startOutboxWorker } from "../../server/mail/outbox-worker.ts";
import { createSmsTransport } from "../../server/sms/transport.ts";

/** The secret of every test's configuration: what the outbox seals, a test opens with it. */
export const TEST_SECRET = "test-secret-test-secret-test-secret-0123";

/** An outbox row's message as the worker will send it (its payload is sealed). */
export const messageOf = (row: { payload: unknown }) => unseal<EmailPayload>(TEST_SECRET, row.payload);
export const smsOf = (row: { payload: unknown }) => unseal<SmsPayload>(TEST_SECRET, row.payload);

/**
 * What the outbox worker carries out rather than sends (a password reset asked for), done now,
 * as the server's worker does within a second; its e-mails are then in the outbox, not sent.
 */
export async function carryOutTasks(deps: Pick<Deps, "db" | "clock" | "config">): Promise<void> {
  const tasks = outboxTasks(deps);
  const asked = await deps.db.prisma.outboxMessage.findMany({
    where: { type: { in: Object.keys(tasks) }, status: "pending" },
    orderBy: { createdAt: "asc" },
  });
  for (const row of asked) {
    await deps.db.prisma.$transaction(async (tx) => {
      await tasks[row.type]?.(tx, row.recipient);
      await tx.outboxMessage.delete({ where: { id: row.id } });
    });
  }
}

/** The outbox worker as the server starts it, its tasks included, driven by `drain()` (no polling). */
export function testOutboxWorker(
  db: Database,
  options: Pick<OutboxWorkerOptions, "clock" | "send"> & Partial<Omit<OutboxWorkerOptions, "db">> & { config?: Config },
) {
  const { config = testConfig(), ...rest } = options;
  return startOutboxWorker(
    {
      db,
      from: "RDV Orientation <ne-pas-repondre@rdv-orientation.fr>",
      log: createLogger("silent"),
      secret: TEST_SECRET,
      tasks: outboxTasks({ clock: options.clock, config }),
      // SMS written as files in the test's data folder, unless a test brings its provider.
      sendSms: createSmsTransport(config),
      ...rest,
    },
    { poll: false },
  );
}

/** A test configuration: its own data folder, no logs, a fixed secret. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: "test",
    DATA_DIR: mkdtempSync(join(tmpdir(), "rdv-test-")),
    SESSION_SECRET: TEST_SECRET,
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
