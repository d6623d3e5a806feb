// What `npm start` does before it serves, said in plain words: a fresh clone builds the web app
// and creates the embedded database with its demo, which took a minute without a word. Both
// run in child processes, side by side on two cores, and give their memory back when they end:
// the server keeps only what serving needs.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
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
function runChild(script: string, what: string, stdout: "inherit" | "ignore", background = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const node = [process.execPath, ...process.execArgv, script];
    const [command, ...args] = background && process.platform !== "win32" ? ["nice", "-n", "10", ...node] : node;
    const child = spawn(command as string, args, { stdio: ["ignore", stdout, "inherit"] });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new StartupError(`${what} a échoué (${signal ?? `code ${code}`}) : voir ci-dessus.`)),
    );
  });
}

/** Builds the web app when web/dist is missing or older than its sources. */
export async function buildWebApp(say: Say): Promise<void> {
  if (!isStale()) return;
  say("Construction de l'application web…");
  const started = performance.now();
  await runChild(BUILD_SCRIPT, "La construction de l'application web", "ignore", true);
  say(`Application web construite en ${seconds(performance.now() - started)}.`);
}

/** A folder PGlite has never initialised (initdb writes PG_VERSION first). */
export const isNewPglite = (dir: string) => !existsSync(join(dir, "PG_VERSION"));

/**
 * Creates the embedded database, migrates it and loads the demo (`npm run seed`) in a child
 * process: seeding fills PGlite's heap and V8's, which a process never gives back.
 */
export async function createDemoDatabase(say: Say): Promise<void> {
  say("Création de la base de données…");
  await runChild(SEED_SCRIPT, "La création de la base de données", "inherit");
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1).replace(".", ",")} s`;
