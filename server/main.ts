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
let web: Promise<void> | undefined;
let database: Promise<void> | undefined;
if (cluster.isPrimary) {
  // Side by side: the bundler and PGlite each keep one core busy.
  web = process.argv.includes("--build-web") ? buildWebApp(say) : undefined;
  database =
    config.database.kind === "pglite" && config.database.dir && isNewPglite(config.database.dir)
      ? createDemoDatabase(say, config.database.dir)
      : undefined;
}
// The server opens its database once the seed is done and listens once the web app is built:
// whichever ends last, the server's own start overlaps with it.
let stopping: Promise<never> | undefined;
const stop = (error: unknown): Promise<never> => {
  if (!(error instanceof StartupError)) throw error;
  console.error(error.message);
  // The other child finishes first: a seed or a build cut short would leave work to redo.
  stopping ??= Promise.allSettled([web, database]).then(() => process.exit(1));
  return stopping;
};
web?.catch(stop);
const server = supervising ? undefined : import("./serve.ts");
await database?.catch(stop);
if (stopping) await stopping;
if (supervising) {
  await web;
  await superviseProcesses(config.processes, log);
}
const { startServer } = await (server ?? import("./serve.ts"));
await startServer(config, log, say, web);
