// Builds the web app when web/dist is missing or older than its sources, so that `npm start`
// and the browser tests always serve what the sources say, without rebuilding every time.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const WEB = fileURLToPath(new URL(".", import.meta.url));
const CONFIG = join(WEB, "vite.config.ts");
const BUILT = join(WEB, "dist", "index.html");
const SOURCES = [join(WEB, "src"), join(WEB, "public"), join(WEB, "index.html"), CONFIG, fileURLToPath(import.meta.url)];

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A folder's own time changes when a file is removed or renamed, which also stales the build.
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

export function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => newestChange(source) > built);
}

/** Runs the Vite build when web/dist is missing or stale; says whether it built. */
export async function buildIfStale(options: { logLevel?: "info" | "warn" | "error" | "silent" } = {}): Promise<boolean> {
  if (!isStale()) return false;
  // Vite builds for whatever NODE_ENV says; under vitest it says "test", and the bundle would
  // keep the libraries' development branches. What we build is what production serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    // Imported here: the server asks `isStale` without loading the bundler.
    const { build } = await import("vite");
    await build({
      configFile: CONFIG,
      mode: "production",
      logLevel: options.logLevel ?? "warn",
      // Rolldown's notice of which plugin took how long speaks to the app's developers, not to
      // someone starting it: a warning nobody there can act on.
      build: { rolldownOptions: { checks: { bundlerTimings: false } } },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const built = await buildIfStale();
  const where = relative(process.cwd(), join(WEB, "dist")) || ".";
  console.log(built ? `web: built ${where} in ${Math.round(performance.now() - started)} ms` : `web: ${where} is up to date`);
}
