// Starts the HTTP server on the configured database (in SERVER_PROCESSES processes sharing the
// port when set); stops cleanly on SIGTERM/SIGINT.
import cluster from "node:cluster";
import { serve } from "@hono/node-server";
import { seedDemoAccountsFor } from "../prisma/seed/demo-accounts.ts";
import { seedDemoHistory } from "../prisma/seed/history.ts";
import { seedDemo } from "../prisma/seed/index.ts";
import { createApp } from "./app.ts";
import { clockStartingAt, systemClock } from "./clock.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { MigrationError, migrate } from "./db/migrate.ts";
import { startReferralSweeper } from "./features/referrals/sweep.ts";
import { startDailyJobs } from "./jobs/daily.ts";
import { DAILY_TASKS, outboxTasks } from "./jobs/tasks.ts";
import { createLogger } from "./logger.ts";
import { startOutboxWorker } from "./mail/outbox-worker.ts";
import { createTransport } from "./mail/transport.ts";
import { superviseProcesses } from "./processes.ts";
import { createSmsTransport } from "./sms/transport.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const log = createLogger(config.logLevel);
if (config.processes > 1 && cluster.isPrimary) await superviseProcesses(config.processes, log);
const clock = config.now ? clockStartingAt(config.now) : systemClock;
const db = await openDatabase(config.database);

try {
  const applied = await migrate(db);
  if (applied.length) log.info("migrations applied", { count: applied.length, last: applied.at(-1) });
} catch (error) {
  if (!(error instanceof MigrationError)) throw error;
  console.error(error.message);
  await db.close();
  process.exit(1);
}

// The embedded database is for trying the product: it comes with the demo directory.
if (db.kind === "pglite" && (await db.prisma.structure.count()) === 0) {
  const started = performance.now();
  const counts = await seedDemo(db.prisma);
  log.info("demo directory loaded", { ...counts, ms: Math.round(performance.now() - started) });
  // Printed, not logged: a secret has no place in the logs.
  await seedDemoAccountsFor(db.prisma, config, (line) => console.log(line));
  // Six months of past activity, so that the figures show something; the slots from today stay free.
  const history = performance.now();
  const added = await seedDemoHistory(db.prisma, clock.now());
  log.info("demo history loaded", { ...added, ms: Math.round(performance.now() - history) });
}

const deps = { db, clock, config, log };
const app = createApp(deps);
const outbox = config.outboxWorker
  ? startOutboxWorker({
      db,
      clock,
      send: createTransport(config),
      sendSms: createSmsTransport(config),
      from: config.mailFrom,
      log,
      secret: config.sessionSecret,
      tasks: outboxTasks(deps),
    })
  : undefined;
const sweeper = startReferralSweeper({ db, clock, config, log });
const daily = startDailyJobs(deps, DAILY_TASKS);
const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  log.info("listening", {
    url: config.publicUrl,
    port: info.port,
    database: db.kind,
    clock: config.now ? "NOW" : "system",
    outbox: config.outboxWorker ? "sending" : "not sending (OUTBOX_WORKER=off): another process must",
  });
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("stopping", { signal });
  // Stop accepting, let in-flight requests finish, then close the database.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  const deadline = setTimeout(() => {
    log.warn("in-flight requests still running after 10 s: closing anyway");
    if ("closeAllConnections" in server) server.closeAllConnections();
  }, 10_000);
  await closed;
  clearTimeout(deadline);
  await outbox?.stop();
  await sweeper.stop();
  await daily.stop();
  await db.close();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
