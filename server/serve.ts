// The server proper: opens the database (seeding an embedded one emptied since its creation),
// starts the app, the workers and the daily jobs, says « Prêt » once it listens and stops
// cleanly on SIGTERM/SIGINT. Imported by main.ts while the first start's children run.
import { serve } from "@hono/node-server";
import { seedDemoDatabase } from "../prisma/seed/demo.ts";
import { createApp } from "./app.ts";
import { clockStartingAt, systemClock } from "./clock.ts";
import type { Config } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { MigrationError, migrate } from "./db/migrate.ts";
import { startCalendarReader } from "./features/busy-calendar/calendar-reader.ts";
import { startReferralSweeper } from "./features/referrals/sweep.ts";
import { startDailyJobs } from "./jobs/daily.ts";
import { DAILY_TASKS, outboxTasks } from "./jobs/tasks.ts";
import type { Logger } from "./logger.ts";
import { startOutboxWorker } from "./mail/outbox-worker.ts";
import { createTransport } from "./mail/transport.ts";
import { createSmsTransport } from "./sms/transport.ts";
import type { Say } from "./startup.ts";
import { startWebhookWorker } from "./webhooks/worker.ts";

/** Starts everything; listens (and says « Prêt ») once `webApp`, the web app's build, is done. */
export async function startServer(config: Config, log: Logger, say: Say, webApp?: Promise<void>): Promise<void> {
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
  // Webhooks go with the outbox: the process that sends e-mails delivers events too.
  const webhooks = config.outboxWorker ? startWebhookWorker({ db, clock, config, log }) : undefined;
  const sweeper = startReferralSweeper({ db, clock, config, log });
  const calendars = startCalendarReader(deps);
  const daily = startDailyJobs(deps, DAILY_TASKS);
  await webApp;
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
    await webhooks?.stop();
    await sweeper.stop();
    await calendars.stop();
    await daily.stop();
    await db.close();
    log.info("stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
