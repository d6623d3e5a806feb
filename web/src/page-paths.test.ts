import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { below, PAGES } from "./page-paths.ts";

describe("the pages' paths", () => {
  // The server answers 404 outside PAGES: a route written with a path of its own would be a page
  // the server says does not exist.
  it("are the only paths the router's routes are written with", () => {
    const source = readFileSync(new URL("./routes.tsx", import.meta.url), "utf8");
    const paths = [...source.matchAll(/\bpath: ([^,}]+)/g)].map((match) => match[1]?.trim());
    expect(paths.length).toBeGreaterThan(Object.keys(PAGES).length);
    expect(
      paths.filter((path) => !/^(PAGES\.\w+|inStaff\(PAGES\.\w+\)|inAdministration\(PAGES\.\w+\)|"\*")$/.test(path ?? "")),
    ).toEqual([]);
  });

  it("nest a route below its parent's path", () => {
    expect(below(PAGES.staff)(PAGES.staff)).toBe("/");
    expect(below(PAGES.staff)(PAGES.appointment)).toBe("/rendez-vous/:id");
    expect(() => below(PAGES.staff)(PAGES.booking)).toThrow();
    // A prefix is not a parent: /espace/accueil is not below /espace/acc.
    expect(() => below(PAGES.agenda)(PAGES.account)).toThrow();
  });
});
