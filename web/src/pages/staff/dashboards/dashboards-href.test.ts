import { describe, expect, it } from "vitest";
import { dashboardHref, readDashboardSearch } from "./dashboards-href.ts";

describe("the dashboards' address", () => {
  it("reads back what it writes", () => {
    const search = { from: "2026-10-01", to: "2026-10-31", by: "structure" as const, territory: "metropole-lilloise" };
    const href = dashboardHref(search);
    expect(href).toBe("/espace/tableaux-de-bord?from=2026-10-01&to=2026-10-31&by=structure&territory=metropole-lilloise");
    expect(readDashboardSearch(Object.fromEntries(new URLSearchParams(href.split("?")[1])))).toEqual(search);
  });

  it("leaves the period to the server, and passes on what it cannot read for the server to name", () => {
    expect(readDashboardSearch({})).toEqual({ by: "month" });
    expect(readDashboardSearch({ from: "2026-13-01", by: "pays", network: ["a", "b"], service: "" })).toEqual({
      from: "2026-13-01",
      by: "pays",
    });
    expect(dashboardHref({ by: "month" })).toBe("/espace/tableaux-de-bord?by=month");
  });
});
