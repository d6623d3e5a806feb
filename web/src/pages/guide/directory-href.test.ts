import { describe, expect, it } from "vitest";
import { directoryHref, readDirectorySearch, structureHref } from "./directory-href.ts";

describe("the directory's address", () => {
  it("writes the filters in a fixed order, the first page without a number", () => {
    expect(directoryHref()).toBe("/ou-s-adresser");
    expect(directoryHref({ q: " cio ", network: "cio", commune: "59350", page: 1 })).toBe(
      "/ou-s-adresser?commune=59350&network=cio&q=cio",
    );
    expect(directoryHref({ territory: "artois", page: 3 })).toBe("/ou-s-adresser?territory=artois&page=3");
  });

  it("reads back what it wrote, and leaves out what is malformed", () => {
    const search = {
      commune: "59350",
      network: "cio",
      service: "information-conseil-vae",
      territory: "artois",
      q: "Lille",
      page: 2,
    };
    const query = Object.fromEntries(new URLSearchParams(directoryHref(search).split("?")[1]));
    expect(readDirectorySearch(query)).toEqual(search);
    expect(readDirectorySearch({ commune: "Lille", network: "CIO!", page: "0", q: "  " })).toEqual({});
    expect(readDirectorySearch({ network: ["cio", "apec"] })).toEqual({ network: "cio" });
  });

  it("carries the person's commune to a structure's page", () => {
    expect(structureHref("/structures/cio-lille", "59350")).toBe("/structures/cio-lille?commune=59350");
    expect(structureHref("/structures/cio-lille")).toBe("/structures/cio-lille");
  });
});
