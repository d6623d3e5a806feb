import { describe, expect, it } from "vitest";
import { hasFieldLabel } from "../../server/http/field-labels.ts";
import { useDesk } from "../helpers/desk.ts";

// A 422 names every invalid field at once, each by its French name: a form shows each message on
// its field and can name, in its summary, a field it does not show.
const { env, book, distinctTimes } = useDesk();

describe("a refused request", () => {
  it("lists every invalid field at once, each with its French name", async () => {
    const [slot] = await distinctTimes(`offering=${env.fx.offering.id}&from=2026-11-04`);
    const refused = await book(env.fx.cookies.reception, {
      slotKey: slot.key,
      person: { firstName: "Eva", lastName: "Martin", email: "eva.martin@", phone: "12" },
    });
    expect(refused.status).toBe(422);
    const { fields, labels, message } = refused.body.error;
    expect(Object.keys(fields).sort()).toEqual(["person.email", "person.phone"]);
    expect(fields["person.email"]).toMatch(/adresse électronique invalide/);
    expect(fields["person.phone"]).toMatch(/numéro de téléphone invalide/);
    expect(labels).toEqual({ "person.email": "adresse électronique", "person.phone": "téléphone" });
    expect(message).toBe("Plusieurs champs sont invalides : « adresse électronique », « téléphone ».");
    expect(message).not.toMatch(/person\./);
  });

  it("names a single field by its label in the message", async () => {
    const refused = await book(env.fx.cookies.reception, { slotKey: "", person: { firstName: "Eva", lastName: "Martin" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.labels).toEqual({ slotKey: "créneau" });
    expect(refused.body.error.message).toMatch(/^Le champ « créneau » est invalide : /);
  });

  it("has a French name for each field of every request the API documents", async () => {
    const doc = await (await env.app.request("/api/openapi.json")).json();
    const names = new Set<string>();
    const walk = (schema: Record<string, unknown> | undefined, depth: number) => {
      if (!schema || depth > 8) return;
      const ref = schema.$ref as string | undefined;
      const node = ref ? doc.components.schemas[ref.split("/").at(-1) as string] : schema;
      for (const key of ["allOf", "anyOf", "oneOf"]) for (const part of node[key] ?? []) walk(part, depth + 1);
      if (node.items) walk(node.items, depth + 1);
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        names.add(name);
        walk(property as Record<string, unknown>, depth + 1);
      }
    };
    for (const operations of Object.values<Record<string, Record<string, never>>>(doc.paths)) {
      for (const operation of Object.values(operations)) {
        for (const parameter of (operation.parameters ?? []) as { name: string; in: string }[])
          if (parameter.in === "path" || parameter.in === "query") names.add(parameter.name);
        const body = operation.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined;
        walk(body?.content?.["application/json"]?.schema, 0);
      }
    }
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((name) => !hasFieldLabel(name))).toEqual([]);
  });
});
