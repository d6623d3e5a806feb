import { describe, expect, it } from "vitest";
import { usePrivacy } from "../helpers/privacy.ts";

// Who may export and erase a person, and change how long their data is kept.
const { env, send, personMet, personRow } = usePrivacy();

describe("a person's export and erasure", () => {
  it("answers 404 for a person of another structure, 403 for a role without the directory", async () => {
    const met = await personMet(2);
    const elsewhere = await env.db.prisma.person.create({ data: { firstName: "Sami", lastName: "Ailleurs" } });
    await env.db.prisma.appointment.create({
      data: {
        offeringId: env.fx.other.offerings[0]?.id ?? "",
        structureId: env.fx.other.id,
        mode: "onsite",
        advisorId: env.fx.otherAdvisor.id,
        personId: elsewhere.id,
        startsAt: new Date("2026-09-01T08:00:00Z"),
        endsAt: new Date("2026-09-01T09:00:00Z"),
        channel: "online",
      },
    });
    for (const path of [`/people/${elsewhere.id}`, `/people/${elsewhere.id}/export`]) {
      expect((await send("GET", path, env.fx.cookies.structureAdmin)).status).toBe(404);
    }
    expect((await send("POST", `/people/${elsewhere.id}/erase`, env.fx.cookies.structureAdmin, { confirm: true })).status).toBe(
      404,
    );
    expect((await send("GET", `/people/00000000-0000-4000-8000-000000000000`, env.fx.cookies.structureAdmin)).status).toBe(404);
    for (const role of ["advisor", "reception", "referrer", "coordinator"] as const) {
      expect((await send("GET", `/people/${met.person.id}/export`, env.fx.cookies[role])).status).toBe(403);
      expect((await send("POST", `/people/${met.person.id}/erase`, env.fx.cookies[role], { confirm: true })).status).toBe(403);
    }
    expect((await personRow(met.person.id)).anonymisedAt).toBeNull();
    // The Région reaches everyone.
    expect((await send("GET", `/people/${elsewhere.id}/export`, env.fx.cookies.regionalAdmin)).status).toBe(200);
  });
});

describe("the Région's settings", () => {
  it("are the Région's alone to change, preview, or see the daily jobs of", async () => {
    const structureAdmin = env.fx.cookies.structureAdmin;
    expect((await send("PATCH", "/admin/settings", structureAdmin, { retentionMonths: 36 })).status).toBe(403);
    expect((await send("PATCH", "/admin/settings", structureAdmin, { dpoContact: "" })).status).toBe(403);
    expect((await send("GET", "/admin/settings/retention-preview?months=12", structureAdmin)).status).toBe(403);
    expect((await send("GET", "/admin/job-runs", structureAdmin)).status).toBe(403);
    expect((await send("GET", "/admin/settings", env.fx.cookies.regionalAdmin)).body).toMatchObject({
      retentionMonths: 24,
      dpoContact: "",
    });
    expect(await env.db.prisma.auditEvent.count({ where: { action: "settings.update" } })).toBe(0);
  });
});
