// Starts the HTTP server on the configured database (in SERVER_PROCESSES processes sharing the
// port when set); stops cleanly on SIGTERM/SIGINT. With --build-web (`npm start`), first builds
// the web app when its sources changed. Says what it does in plain words, ending with « Prêt ».
// Imports little before the first start's children are on their way: loading the server's
// modules (a second or two) then overlaps with the build and the seed instead of delaying both.
import cluster from "node:cluster";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { superviseProcesses } from "./processes.ts";
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
const supervising = config.processes > 1 && cluster.isPrimary;
let preparing: (Promise<void> | undefined)[] = [];
if (cluster.isPrimary) {
  // Side by side: the bundler and PGlite each keep one core busy.
  const web = process.argv.includes("--build-web") ? buildWebApp(say) : undefined;
  const database =
    config.database.kind === "pglite" && config.database.dir && isNewPglite(config.database.dir)
      ? createDemoDatabase(say)
      : undefined;
  preparing = [web, database];
}
const server = supervising ? undefined : import("./serve.ts");
const failed = (await Promise.allSettled(preparing)).find((r) => r.status === "rejected");
if (failed) {
  if (!(failed.reason instanceof StartupError)) throw failed.reason;
  console.error(failed.reason.message);
  process.exit(1);
}
if (supervising) await superviseProcesses(config.processes, log);
const { startServer } = await (server ?? import("./serve.ts"));
await startServer(config, log, say);
