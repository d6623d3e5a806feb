import cluster from "node:cluster";
import type { Logger } from "./logger.ts";

/**
 * Runs `count` server processes sharing the port, each a whole server (HTTP, outbox worker,
 * jobs: all safe on several instances), and watches them: one that dies once serving is
 * replaced; one that dies before it listens (configuration, database unreachable) stops them
 * all with its code. SIGTERM or SIGINT is passed on, and this process exits once they have.
 */
export function superviseProcesses(count: number, log: Logger): Promise<never> {
  let stopping = false;
  const serving = new Set<number>();
  cluster.on("listening", (worker) => serving.add(worker.id));
  const alive = () => Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
  cluster.on("exit", (worker, code, signal) => {
    const wasServing = serving.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) process.exit(exitCode);
      return;
    }
    if (!wasServing) {
      log.error("a server process stopped before listening: stopping all", { code, signal });
      stop("SIGTERM", code || 1);
      return;
    }
    log.error("a server process died: starting another", { pid: worker.process.pid, code, signal });
    cluster.fork();
  });
  let exitCode = 0;
  function stop(signal: NodeJS.Signals, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = alive();
    if (workers.length === 0) process.exit(exitCode);
    for (const worker of workers) worker?.process.kill(signal);
  }
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  log.info("starting server processes", { count });
  for (let i = 0; i < count; i++) cluster.fork();
  return new Promise<never>(() => {});
}
