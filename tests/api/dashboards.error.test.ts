import { describe, expect, it } from "vitest";
import { OCTOBER, useDashboards } from "../helpers/dashboards.ts";

// What the figures and exports refuse, and how they say so: in French, naming the field.
const { env, figures } = useDashboards();

describe("the coordination figures", () => {
  it("refuse a bad filter with a French message naming it", async () => {
    const bad = await figures("from=2026-10-31&to=2026-10-01");
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.to).toMatch(/précède/);
    const unknown = await figures(`${OCTOBER}&service=cuisine&network=inconnu`);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toEqual({
      service: "Aucun service ne s'appelle « cuisine ».",
      network: "Aucun réseau ne s'appelle « inconnu ».",
    });
    expect((await figures("from=2026-13-01")).body.error.fields.from).toMatch(/AAAA-MM-JJ/);
    expect((await figures("from=2020-01-01&to=2026-10-01")).body.error.fields.to).toMatch(/deux ans/);
  });
});

describe("a structure's appointments as CSV", () => {
  it("refuse more than a year at once", async () => {
    const tooLong = await env.app.request(`/api/agenda/export?from=2025-01-01&to=2026-10-31&structure=${env.fx.structure.id}`, {
      headers: { Cookie: env.fx.cookies.structureAdmin },
    });
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error.fields.to).toBe("Un an au plus.");
    expect(await env.db.prisma.auditEvent.count({ where: { action: "appointments.export" } })).toBe(0);
  });
});
