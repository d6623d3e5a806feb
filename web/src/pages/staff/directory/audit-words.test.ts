import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, authorOf } from "./audit-words.ts";

/** Every "entity.verb" the server names as an audit action: the literals on and just after a line that says `action`. */
function serverActions(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : serverActions(path);
    if (!name.endsWith(".ts") || name.endsWith(".test.ts")) return [];
    const lines = readFileSync(path, "utf8").split("\n");
    return lines.flatMap((line, i) =>
      /\baction\b/.test(line)
        ? [
            ...lines
              .slice(i, i + 3)
              .join(" ")
              .matchAll(/"([a-z_]+\.[a-z_]+)"/g),
          ].map((m) => m[1] as string)
        : [],
    );
  });
}

describe("the audit log's words", () => {
  it("name every action the server writes", () => {
    const written = [...new Set(serverActions(join(import.meta.dirname, "../../../../../server")))];
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((action) => !(action in ACTIONS))).toEqual([]);
  });
});

describe("who made a change", () => {
  it("is the account, or the person themself with their link, or an account deleted since", () => {
    const actor = { firstName: "Claire", lastName: "Martin" };
    expect(authorOf({ action: "site.update", actor })).toBe("Claire Martin");
    expect(authorOf({ action: "person.contact_changed", actor: null })).toBe("la personne, avec son lien personnel");
    expect(authorOf({ action: "appointment.book_by_invitation", actor: null })).toBe("la personne, avec son invitation");
    expect(authorOf({ action: "site.update", actor: null })).toBe("un compte supprimé");
  });

  it("names the API token an account acted through", () => {
    const actor = { firstName: "Claire", lastName: "Martin" };
    const apiToken = { name: "Logiciel de suivi" };
    expect(authorOf({ action: "appointment.cancel", actor, apiToken })).toBe("Claire Martin via le jeton « Logiciel de suivi »");
    expect(authorOf({ action: "appointment.cancel", actor, apiToken: null })).toBe("Claire Martin");
  });
});
