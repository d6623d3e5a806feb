// Starts the HTTP server on the configured database (in SERVER_PROCESSES processes sharing the
// port when set); stops cleanly on SIGTERM/SIGINT. With --build-web (`npm start`), first builds
// the web app when its sources changed. Says what it does in plain words, ending with « Prêt ».
import cluster from "node:cluster";
import { serve } from "@hono/node-server";
import { seedDemoDatabase } from "../prisma/seed/demo.ts";
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
import { buildWebApp, createDemoDatabase, isNewPglite, StartupError } from "./startup.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const log = createLogger(config.logLevel);
// One process speaks: SERVER_PROCESSES' workers would each say « Prêt ».
const say = cluster.isPrimary || cluster.worker?.id === 1 ? (line: string) => console.log(line) : () => {};
if (cluster.isPrimary) {
  // Side by side: the bundler and PGlite each keep one core busy.
  const web = process.argv.includes("--build-web") ? buildWebApp(say) : undefined;
  const database =
    config.database.kind === "pglite" && config.database.dir && isNewPglite(config.database.dir)
      ? createDemoDatabase(say)
      : undefined;
  const failed = (await Promise.allSettled([web, database])).find((r) => r.status === "rejected");
  if (failed) {
    if (!(failed.reason instanceof StartupError)) throw failed.reason;
    console.error(failed.reason.message);
    process.exit(1);
  }
}
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

// The embedded database is for trying the product: it comes with the demo. A new one got it in
// a child process; one emptied since (or whose first seed was interrupted) gets it here.
if (db.kind === "pglite" && (await db.prisma.structure.count()) === 0) {
  await seedDemoDatabase(db, { config, now: clock.now(), say, log });
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
  say(`Prêt : ouvrez ${config.publicUrl}`);
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
