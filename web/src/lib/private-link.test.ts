import { describe, expect, it } from "vitest";
import { icsHref, manageHref, tokenOf } from "./private-link.ts";

describe("a private link", () => {
  it("gives its token, the last segment, whatever the site's address", () => {
    expect(tokenOf("https://rdv.orientation.example/rdv/Qm9uam91cg_-x1")).toBe("Qm9uam91cg_-x1");
    expect(tokenOf("http://localhost:3000/sous-dossier/rdv/abc/")).toBe("abc");
  });

  it("leads to the page and the calendar file of this site", () => {
    expect(manageHref("abc")).toBe("/rdv/abc");
    expect(icsHref("abc")).toBe("/api/manage/abc/ics");
  });
});
