import { describe, expect, it } from "vitest";
import { assertedEmail, refusalOf } from "./proconnect.ts";

const member = { active: true, regionalAdmin: false, memberships: 1, territories: 0 };

describe("who may come in through ProConnect", () => {
  it("opens an active account that an admin gave a role: a membership, the Région or a territory", () => {
    expect(refusalOf(member)).toBeUndefined();
    expect(refusalOf({ ...member, memberships: 0, regionalAdmin: true })).toBeUndefined();
    expect(refusalOf({ ...member, memberships: 0, territories: 2 })).toBeUndefined();
  });

  it("refuses an unknown address, a deactivated account, and an account nobody gave a role", () => {
    expect(refusalOf(undefined)).toBe("inconnu");
    expect(refusalOf({ ...member, active: false })).toBe("desactive");
    expect(refusalOf({ ...member, active: false, memberships: 0 })).toBe("desactive");
    expect(refusalOf({ ...member, memberships: 0 })).toBe("sans-role");
  });
});

describe("the address the provider asserts", () => {
  it("is read from the ID token, else from userinfo", () => {
    expect(assertedEmail({ sub: "1", email: " Agent.Dupont@Region.FR " })).toBe("Agent.Dupont@Region.FR");
    expect(assertedEmail({ sub: "1" }, { sub: "1", email: "agent@region.fr" })).toBe("agent@region.fr");
    expect(assertedEmail({ email: "a@x.fr" }, { email: "b@x.fr" })).toBe("a@x.fr");
  });

  it("is none when no source holds an address", () => {
    expect(assertedEmail({ sub: "1" }, undefined)).toBeUndefined();
    expect(assertedEmail({ email: 42 }, { email: "pas une adresse" })).toBeUndefined();
    expect(assertedEmail()).toBeUndefined();
  });
});
