import { describe, expect, it } from "vitest";
import { chromiumProblem, DEBIAN_CHROMIUM, type Machine } from "./chromium.ts";

/** A machine where Chromium appears once installed (or never, when apt fails). */
function machine(options: { present?: boolean; canInstall: boolean; aptWorks?: boolean }) {
  let present = options.present ?? false;
  const installs: string[] = [];
  const m: Machine = {
    exists: (path) => present && path === DEBIAN_CHROMIUM,
    canInstall: options.canInstall,
    install: () => {
      installs.push("chromium");
      if (options.aptWorks === false) throw new Error("E: Unable to locate package chromium");
      present = true;
    },
  };
  return { m, installs };
}

describe("the browser tests on a machine without Chromium", () => {
  it("go on when Chromium is there, installing nothing", () => {
    const { m, installs } = machine({ present: true, canInstall: true });
    expect(chromiumProblem(DEBIAN_CHROMIUM, m)).toBeUndefined();
    expect(installs).toEqual([]);
  });

  it("install it when they can (root and apt), then go on", () => {
    const { m, installs } = machine({ canInstall: true });
    expect(chromiumProblem(DEBIAN_CHROMIUM, m)).toBeUndefined();
    expect(installs).toEqual(["chromium"]);
  });

  it("otherwise stop with one line saying how", () => {
    const { m, installs } = machine({ canInstall: false });
    const line = chromiumProblem(DEBIAN_CHROMIUM, m);
    expect(line).toBe(
      "Tests du navigateur : Chromium manque (/usr/bin/chromium). Installez-le (« sudo apt-get install -y chromium ») puis relancez.",
    );
    expect(installs).toEqual([]);
  });

  it("say so when apt could not install it", () => {
    const { m, installs } = machine({ canInstall: true, aptWorks: false });
    expect(chromiumProblem(DEBIAN_CHROMIUM, m)).toContain("Chromium manque (/usr/bin/chromium)");
    expect(installs).toEqual(["chromium"]);
  });

  it("never install for a CHROMIUM_PATH apt would not fill, and name the setting", () => {
    const { m, installs } = machine({ canInstall: true });
    const line = chromiumProblem("/opt/nulle-part/chromium", m) ?? "";
    expect(line).toContain("pas de Chromium à /opt/nulle-part/chromium (CHROMIUM_PATH)");
    expect(line).not.toContain("\n");
    expect(installs).toEqual([]);
  });
});
