import { describe, expect, it } from "vitest";
import { grants, permissionFor, tokenRefusal } from "./api-permissions.ts";
import { deadToken, dueForTouch, expiryOf, looksLikeToken, secondsLeft, shownPrefix, tokenOf } from "./api-tokens.ts";

const now = new Date("2026-10-26T09:00:00Z");

describe("a token's permissions", () => {
  it("reads with GET and HEAD, writes with anything else", () => {
    expect(permissionFor("appointments", "GET")).toBe("appointments_read");
    expect(permissionFor("availability", "HEAD")).toBe("availability_read");
    expect(permissionFor("referrals", "DELETE")).toBe("referrals_write");
  });

  it("lets writing an area imply reading it, never the reverse nor another area", () => {
    expect(grants(["appointments_write"], "appointments_read")).toBe(true);
    expect(grants(["appointments_read"], "appointments_write")).toBe(false);
    expect(grants(["referrals_write"], "appointments_read")).toBe(false);
  });

  it("says, in French, which permission is missing, or that tokens are not let in at all", () => {
    expect(tokenRefusal(["referrals_read"], "referrals_read")).toBeUndefined();
    expect(tokenRefusal(["referrals_read"], "referrals_write")).toMatch(/« Gérer les orientations/);
    expect(tokenRefusal([], undefined)).toMatch(/réservé aux personnes connectées/);
  });
});

describe("a token's secret", () => {
  it("is rdv_ and 43 base64url characters, recognised by its first 12", () => {
    const token = tokenOf(`${"A".repeat(42)}_`);
    expect(looksLikeToken(token)).toBe(true);
    expect(looksLikeToken(`${token}x`)).toBe(false);
    expect(looksLikeToken(token.replace("rdv_", "xyz_"))).toBe(false);
    expect(shownPrefix(token)).toBe("rdv_AAAAAAAA");
  });
});

describe("a token's life", () => {
  it("lasts a year by default, to the Paris midnight after its last day", () => {
    expect(expiryOf(undefined, now)).toEqual({ at: new Date("2027-10-26T22:00:00Z") });
    expect(expiryOf("2026-10-26", now)).toEqual({ at: new Date("2026-10-26T23:00:00Z") });
  });

  it("refuses a past day or one more than two years away", () => {
    expect(expiryOf("2026-10-25", now)).toEqual({ problem: expect.stringMatching(/passée/) });
    expect(expiryOf("2028-10-26", now)).toHaveProperty("at");
    expect(expiryOf("2028-10-27", now)).toEqual({ problem: expect.stringMatching(/deux ans/) });
    // Two years after a 29 February: the 28th.
    expect(expiryOf("2030-02-28", new Date("2028-02-29T12:00:00Z"))).toHaveProperty("at");
    expect(expiryOf("2030-03-01", new Date("2028-02-29T12:00:00Z"))).toHaveProperty("problem");
  });

  it("ends when revoked, expired, or its creator no longer runs its structure", () => {
    const live = { revokedAt: null, expiresAt: new Date("2026-10-27T00:00:00Z"), creatorActive: true, creatorManages: true };
    expect(deadToken(live, now)).toBeUndefined();
    expect(deadToken({ ...live, revokedAt: now }, now)).toMatch(/révoqué/);
    expect(deadToken(live, new Date("2026-10-27T00:00:00Z"))).toMatch(/expiré/);
    expect(deadToken({ ...live, creatorActive: false }, now)).toMatch(/n'administre plus/);
    expect(deadToken({ ...live, creatorManages: false }, now)).toMatch(/n'administre plus/);
  });

  it("notes its use at most once a minute, and counts a window's seconds left up", () => {
    expect(dueForTouch(null, now)).toBe(true);
    expect(dueForTouch(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(dueForTouch(new Date(now.getTime() - 60_000), now)).toBe(true);
    expect(secondsLeft(new Date(now.getTime() - 20_500), now)).toBe(40);
    expect(secondsLeft(new Date(now.getTime() - 60_000), now)).toBe(1);
  });
});
