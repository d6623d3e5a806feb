import { describe, expect, it } from "vitest";
import { fixedClock } from "../../server/clock.ts";
import { sender, useStaffApp } from "../helpers/staff.ts";

// The legal notice and the accessibility contact: the Région sets them with the other platform
// settings, and the public API gives them to /mentions-legales and /accessibilite.
const env = useStaffApp(fixedClock("2026-10-26T09:00:00Z"));
const send = sender(env);
const legal = async () => (await env.app.request("/api/legal")).json();

const NOTICE = {
  publisher: "Région Hauts-de-France, 151 avenue du Président Hoover, 59555 Lille Cedex — 03 74 27 00 00",
  publicationDirector: "Le président du conseil régional",
  host: "Hébergeur SAS, 2 rue de l'Exemple, 59100 Roubaix — 03 20 00 00 00",
  accessibilityContact: "accessibilite@region.example",
};

describe("the legal notice", () => {
  it("is empty until the Région gives it, then public as given (trimmed), and audited field by field", async () => {
    expect(await legal()).toEqual({ publisher: "", publicationDirector: "", host: "", accessibilityContact: "" });
    const set = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, {
      ...NOTICE,
      publisher: ` ${NOTICE.publisher} `,
    });
    expect(set.status).toBe(200);
    expect(await legal()).toEqual(NOTICE);
    expect((await send("GET", "/admin/settings", env.fx.cookies.regionalAdmin)).body).toMatchObject(NOTICE);
    const audited = await env.db.prisma.auditEvent.findMany({ where: { action: "settings.update" } });
    expect(audited.map((event) => (event.details as { fields: string[] }).fields[0]).sort()).toEqual([
      "accessibilityContact",
      "host",
      "publicationDirector",
      "publisher",
    ]);
    // A form's web address is a contact too.
    const form = "https://www.region.example/signaler-un-defaut";
    expect((await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { accessibilityContact: form })).status).toBe(
      200,
    );
    expect((await legal()).accessibilityContact).toBe(form);
  });

  it("refuses a contact that is neither an e-mail nor a web address in https, and texts over 300 characters, naming the field", async () => {
    for (const [field, value] of [
      ["accessibilityContact", "accessibilite@"],
      ["accessibilityContact", "http://www.region.example/formulaire"],
      ["accessibilityContact", "téléphonez-nous"],
      ["publisher", "x".repeat(301)],
      ["host", 12],
    ] as const) {
      const res = await send("PATCH", "/admin/settings", env.fx.cookies.regionalAdmin, { [field]: value });
      expect(res.status, `${field}: ${value}`).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
    expect((await legal()).publisher).toBe(NOTICE.publisher);
  });

  it("is the Région's to change, not a structure admin's", async () => {
    const res = await send("PATCH", "/admin/settings", env.fx.cookies.structureAdmin, { publisher: "Quelqu'un d'autre" });
    expect(res.status).toBe(403);
    expect((await legal()).publisher).toBe(NOTICE.publisher);
  });
});
