import { describe, expect, it } from "vitest";
import { OCTOBER, useDashboards } from "../helpers/dashboards.ts";

// Who sees which figures: the Région every territory, a coordinator only theirs, other roles none.
const { env, send, figures } = useDashboards();

describe("the coordination figures", () => {
  it("give the Région every territory, and the coordinator only theirs", async () => {
    const region = (await figures(`${OCTOBER}&by=structure`, env.fx.cookies.regionalAdmin)).body;
    expect(region.activity.total).toMatchObject({ booked: 37, honoured: 22, channels: { online: 27 } });
    expect(region.activity.rows.find((r: { label: string }) => r.label === "CIO de Roubaix")).toMatchObject({ booked: 7 });
    const roubaix = await figures(`${OCTOBER}&territory=roubaix-tourcoing`, env.fx.cookies.regionalAdmin);
    expect(roubaix.body.activity.total.booked).toBe(7);

    expect((await figures(`${OCTOBER}&territory=roubaix-tourcoing`)).status).toBe(404);
    expect((await figures(`${OCTOBER}&structure=${env.fx.other.id}`)).status).toBe(404);
    const choices = (await send("GET", "/dashboards/filters", env.fx.cookies.coordinator)).body;
    expect(choices.territories.map((t: { id: string }) => t.id)).toEqual([env.fx.territory.id]);
    expect(choices.structures.map((s: { name: string }) => s.name)).toEqual(["CIBC de Lille", "Point Info Conseil VAE de Lille"]);

    for (const role of ["advisor", "structureAdmin", "reception", "referrer"] as const) {
      expect((await figures(OCTOBER, env.fx.cookies[role])).status).toBe(403);
    }
    expect((await figures(OCTOBER, "")).status).toBe(401);
  });

  it("export nothing to a role without the figures", async () => {
    const denied = await env.app.request(`/api/dashboards/export?${OCTOBER}&table=activity`, {
      headers: { Cookie: env.fx.cookies.advisor },
    });
    expect(denied.status).toBe(403);
    expect(await denied.text()).not.toMatch(/Point Info Conseil VAE de Lille;/);
  });
});

describe("a structure's appointments as CSV", () => {
  it("are for the structure's admins only", async () => {
    for (const role of ["advisor", "reception", "referrer", "coordinator"] as const) {
      const res = await env.app.request(`/api/agenda/export?${OCTOBER}&structure=${env.fx.structure.id}`, {
        headers: { Cookie: env.fx.cookies[role] },
      });
      expect(res.status, role).toBe(403);
      expect(await res.text(), role).not.toMatch(/Durand/);
    }
    expect(await env.db.prisma.auditEvent.count({ where: { action: "appointments.export" } })).toBe(0);
  });
});
