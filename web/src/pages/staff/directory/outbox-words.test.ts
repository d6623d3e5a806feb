import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_TYPES, messageStatus, messageTitle } from "./outbox-words.ts";

/** The server's sources, tests and generated code left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" ? [] : sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [readFileSync(path, "utf8")] : [];
  });
}

const server = sources(join(import.meta.dirname, "../../../../../server"));

/**
 * The types of message written whole: `type: "appointment.reminder"` in an outbox row, the type
 * given to `smsRow` or to an advisor's `notice`, or a constant such as RESET_ASKED.
 */
const literalTypes = [
  ...new Set(
    server.flatMap((text) =>
      [...text.matchAll(/(?:\btype: |smsRow\(|notice\([\w.]+, |export const [A-Z_]+ = )"([a-z]+\.[a-z_-]+)"/g)].map(
        (m) => m[1] as string,
      ),
    ),
  ),
];

/** The types built from a kind (`appointment.${event.kind}`): the prefixes, and every kind they take. */
const TEMPLATED: Record<string, string[]> = {
  "appointment.": ["booked", "moved", "cancelled"],
  "staff.": ["invitation", "reset"],
  "referral.": ["declined", "redirected"],
};

describe("the outbox's words", () => {
  it("name every type of message the server writes", () => {
    expect(literalTypes).toEqual(expect.arrayContaining(["appointment.reminder", "advisor.moved", "staff.reset_asked"]));
    const prefixes = [
      ...new Set(server.flatMap((text) => [...text.matchAll(/\btype(?::| =) `([a-z]+\.)\$\{/g)].map((m) => m[1]))),
    ];
    // A new template needs its kinds listed above.
    expect(prefixes.sort()).toEqual(Object.keys(TEMPLATED).sort());
    const templated = Object.entries(TEMPLATED).flatMap(([prefix, kinds]) => kinds.map((kind) => `${prefix}${kind}`));
    expect([...literalTypes, ...templated].filter((type) => !(type in MESSAGE_TYPES))).toEqual([]);
  });

  it("say what a message is and how it goes, an unknown type as the server names it", () => {
    expect(messageTitle({ type: "appointment.reminder", channel: "sms" })).toBe("Rappel, par SMS");
    expect(messageTitle({ type: "appointment.booked", channel: "email" })).toBe("Confirmation du rendez-vous, par courriel");
    expect(messageTitle({ type: "staff.reset", channel: "email" })).toBe("Lien de mot de passe, par courriel");
    expect(messageTitle({ type: "something.new", channel: "sms" })).toBe("something.new, par SMS");
  });

  it("say where a message stands", () => {
    expect(messageStatus({ status: "failed", attempts: 8 })).toBe("Abandonné");
    expect(messageStatus({ status: "retrying", attempts: 4 })).toBe("Encore essayé (4\u00a0tentatives)");
    expect(messageStatus({ status: "retrying", attempts: 1 })).toBe("Encore essayé (1\u00a0tentative)");
  });
});
