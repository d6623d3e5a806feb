// The browser tests drive Debian's Chromium. On a machine without it, they install it when they
// can (root, apt) or stop at once with one line saying how — not forty tests failing to launch.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
/** CHROMIUM_PATH points the tests to another build (and, pointing to nothing, tries the check below). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;

const HOW = "sudo apt-get install -y chromium";

export interface Machine {
  exists(path: string): boolean;
  /** Root with apt-get: Debian's package can be installed here. */
  canInstall: boolean;
  install(): void;
}

const thisMachine: Machine = {
  exists: existsSync,
  canInstall: process.getuid?.() === 0 && existsSync("/usr/bin/apt-get"),
  install: () => {
    console.log("Chromium manque : installation (apt-get install chromium)…");
    const apt = (...args: string[]) =>
      execFileSync("apt-get", args, {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    apt("update", "-qq");
    apt("install", "-y", "-qq", "chromium");
  },
};

/**
 * Chromium at `path`, installed first when missing and possible; otherwise the one line that
 * says what to do. Only Debian's own path can be installed: apt puts nothing elsewhere.
 */
export function chromiumProblem(path = CHROMIUM_PATH, machine: Machine = thisMachine): string | undefined {
  if (machine.exists(path)) return undefined;
  if (machine.canInstall && path === DEBIAN_CHROMIUM) {
    try {
      machine.install();
    } catch {
      // Said below: whatever apt printed is above.
    }
    if (machine.exists(path)) return undefined;
  }
  return path === DEBIAN_CHROMIUM
    ? `Tests du navigateur : Chromium manque (${path}). Installez-le (« ${HOW} ») puis relancez.`
    : `Tests du navigateur : pas de Chromium à ${path} (CHROMIUM_PATH). Corrigez le chemin ou installez Chromium (« ${HOW} »).`;
}
