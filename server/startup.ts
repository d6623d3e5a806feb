// What `npm start` does before it serves, said in plain words: a fresh clone builds the web app
// and creates the embedded database with its demo, which took a minute without a word. Both
// run in child processes, side by side on two cores, and give their memory back when they end:
// the server keeps only what serving needs.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isStale } from "../web/build-if-stale.ts";

/** A line for the person starting the server (stdout, plain French, no JSON). */
export type Say = (line: string) => void;

const BUILD_SCRIPT = fileURLToPath(new URL("../web/build-if-stale.ts", import.meta.url));
const SEED_SCRIPT = fileURLToPath(new URL("../prisma/seed/cli.ts", import.meta.url));

export class StartupError extends Error {
  override name = "StartupError";
}

/**
 * Runs a script in a child Node (this one's loader flags, its environment), its errors on our
 * stderr. A `background` child runs at a lower priority (nice, where there is one): on two
 * cores the seed is what « Prêt » waits for, and the web build, done sooner, would slow it.
 */
function runChild(
  script: string,
  what: string,
  options: { stdout: "inherit" | "ignore"; background?: boolean; args?: string[] },
): Promise<void> {
  const { stdout, background = false, args: scriptArgs = [] } = options;
  return new Promise((resolve, reject) => {
    const node = [process.execPath, ...process.execArgv, script, ...scriptArgs];
    const [command, ...args] = background && process.platform !== "win32" ? ["nice", "-n", "10", ...node] : node;
    const child = spawn(command as string, args, { stdio: ["ignore", stdout, "inherit"] });
    watch(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (stoppedBy) return; // stopping: nothing failed
      if (code === 0) resolve();
      else reject(new StartupError(`${what} a échoué (${signal ?? `code ${code}`}) : voir ci-dessus.`));
    });
  });
}

const children = new Set<ChildProcess>();
let stoppedBy: NodeJS.Signals | undefined;
const SIGNALS: NodeJS.Signals[] = ["SIGTERM", "SIGINT"];

/**
 * While children run, SIGTERM or SIGINT is passed on to them and this process exits once they
 * have, as a signal would have ended it: killing the server's process alone (a service manager,
 * `kill`) would otherwise leave the seed writing to the data folder and the build running.
 */
function watch(child: ChildProcess) {
  if (children.size === 0) for (const signal of SIGNALS) process.on(signal, passOn);
  children.add(child);
  child.on("exit", () => {
    children.delete(child);
    if (children.size > 0) return;
    for (const signal of SIGNALS) process.off(signal, passOn);
    if (stoppedBy) process.exit(stoppedBy === "SIGINT" ? 130 : 143);
  });
}

function passOn(signal: NodeJS.Signals) {
  stoppedBy = signal;
  for (const child of children) child.kill(signal);
}

/** Builds the web app when web/dist is missing or older than its sources. */
export async function buildWebApp(say: Say): Promise<void> {
  if (!isStale()) return;
  say("Construction de l'application web…");
  const started = performance.now();
  await runChild(BUILD_SCRIPT, "La construction de l'application web", { stdout: "ignore", background: true });
  say(`Application web construite en ${seconds(performance.now() - started)}.`);
}

/** A folder PGlite has never initialised (initdb writes PG_VERSION first). */
export const isNewPglite = (dir: string) => !existsSync(join(dir, "PG_VERSION"));

/**
 * Creates the embedded database in `dir`, migrates it and loads the demo (`npm run seed`) in a
 * child process: seeding fills PGlite's heap and V8's, which a process never gives back. The
 * database is made beside its place and moved there whole, so a start cut short (stopped,
 * crashed, out of disk) leaves nothing the next start would take for a database: it starts over.
 */
export async function createDemoDatabase(say: Say, dir: string): Promise<void> {
  say("Création de la base de données…");
  const making = `${dir}.creating`;
  rmSync(making, { recursive: true, force: true });
  await runChild(SEED_SCRIPT, "La création de la base de données", { stdout: "inherit", args: ["--into", making] });
  rmSync(dir, { recursive: true, force: true }); // not a database (isNewPglite): at most an empty folder
  renameSync(making, dir);
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
