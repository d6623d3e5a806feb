import { describe, expect, it } from "vitest";
import {
  type AccountRoles,
  areasOf,
  canBookFor,
  canFollowReferral,
  canHandleReferral,
  canIssueToken,
  canManageAccount,
  canManageRegion,
  canManageStructure,
  canSeeAccount,
  canSeeStructurePeople,
  canSeeTerritory,
  managedStructureIds,
  type Roles,
  tokenPermission,
} from "./policy.ts";

const ML = "mission-locale";
const OTHER = "autre-structure";
const T = "territoire-lille";
const none: Roles = { regionalAdmin: false, memberships: [], territories: [] };
const as = (role: Roles["memberships"][number]["role"], structureId = ML): Roles => ({
  ...none,
  memberships: [{ structureId, role }],
});

const people = {
  advisor: as("advisor"),
  reception: as("reception"),
  structureAdmin: as("structure_admin"),
  referrer: as("referrer"),
  coordinator: { ...none, territories: [T] },
  regionalAdmin: { ...none, regionalAdmin: true },
  nobody: none,
};

describe("the navigation shows only what a role can use", () => {
  it.each([
    ["advisor", ["agenda", "referrals", "account"]],
    ["reception", ["agenda", "reception", "referrals", "account"]],
    ["structureAdmin", ["agenda", "reception", "referrals", "directory", "account"]],
    ["referrer", ["referrals", "account"]],
    ["coordinator", ["dashboards", "account"]],
    ["regionalAdmin", ["dashboards", "directory", "account"]],
    ["nobody", ["account"]],
  ] as const)("%s → %o", (who, areas) => {
    expect(areasOf(people[who])).toEqual(areas);
  });
});

describe("rights on a structure: own structure yes, another no", () => {
  it.each([
    // who, see people (own, other), book (own, other), manage (own, other)
    ["advisor", true, false, true, false, false, false],
    ["reception", true, false, true, false, false, false],
    ["structureAdmin", true, false, true, false, true, false],
    ["referrer", false, false, false, false, false, false],
    ["coordinator", false, false, false, false, false, false],
    ["regionalAdmin", true, true, true, true, true, true],
  ] as const)("%s", (who, seeOwn, seeOther, bookOwn, bookOther, manageOwn, manageOther) => {
    const roles = people[who];
    expect([canSeeStructurePeople(roles, ML), canSeeStructurePeople(roles, OTHER)]).toEqual([seeOwn, seeOther]);
    expect([canBookFor(roles, ML), canBookFor(roles, OTHER)]).toEqual([bookOwn, bookOther]);
    expect([canManageStructure(roles, ML), canManageStructure(roles, OTHER)]).toEqual([manageOwn, manageOther]);
  });

  it("API tokens: an admin member of the structure makes them, never the Région as such", () => {
    expect(canIssueToken(people.structureAdmin, ML)).toBe(true);
    expect(canIssueToken(people.structureAdmin, OTHER)).toBe(false);
    expect(canIssueToken(people.regionalAdmin, ML)).toBe(false);
    expect(canIssueToken({ ...as("structure_admin"), regionalAdmin: true }, ML)).toBe(true);
    expect(canIssueToken(people.advisor, ML)).toBe(false);
  });

  it("territories and the region", () => {
    expect(canSeeTerritory(people.coordinator, T)).toBe(true);
    expect(canSeeTerritory(people.coordinator, "autre-territoire")).toBe(false);
    expect(canSeeTerritory(people.structureAdmin, T)).toBe(false);
    expect(canManageRegion(people.regionalAdmin)).toBe(true);
    expect(canManageRegion(people.structureAdmin)).toBe(false);
  });
});

describe("accounts", () => {
  const account = (structureIds: string[], extra: Partial<AccountRoles> = {}): AccountRoles => ({
    regionalAdmin: false,
    structureIds,
    territories: [],
    ...extra,
  });
  it("lets a structure admin see and change an account that works only in their structures", () => {
    expect(canSeeAccount(people.structureAdmin, account([ML]))).toBe(true);
    expect(canManageAccount(people.structureAdmin, account([ML]))).toBe(true);
  });
  it("lets them see, not change, an account that also works elsewhere", () => {
    expect(canSeeAccount(people.structureAdmin, account([ML, OTHER]))).toBe(true);
    expect(canManageAccount(people.structureAdmin, account([ML, OTHER]))).toBe(false);
  });
  it("keeps other structures' accounts, and Région and territory accounts, out of their hands", () => {
    expect(canSeeAccount(people.structureAdmin, account([OTHER]))).toBe(false);
    expect(canManageAccount(people.structureAdmin, account([ML], { regionalAdmin: true }))).toBe(false);
    expect(canManageAccount(people.structureAdmin, account([ML], { territories: [T] }))).toBe(false);
    expect(canManageAccount(people.structureAdmin, account([]))).toBe(false);
  });
  it("gives the Région every account, and nobody else any", () => {
    expect(canManageAccount(people.regionalAdmin, account([OTHER], { regionalAdmin: true }))).toBe(true);
    for (const who of ["advisor", "reception", "referrer", "coordinator", "nobody"] as const) {
      expect(canSeeAccount(people[who], account([ML]))).toBe(false);
    }
  });
  it("names the structures a user runs", () => {
    expect(managedStructureIds(people.structureAdmin)).toEqual([ML]);
    expect(managedStructureIds(people.advisor)).toEqual([]);
    expect(managedStructureIds(people.regionalAdmin)).toBeUndefined();
  });
});

describe("referrals", () => {
  const referral = { fromStructureId: OTHER, toStructureId: ML };
  it("are followed by the sender's staff, handled by the target's, seen by nobody else", () => {
    expect(canFollowReferral(as("referrer", OTHER), referral)).toBe(true);
    expect(canHandleReferral(as("referrer", OTHER), referral)).toBe(false);
    expect(canHandleReferral(as("reception"), referral)).toBe(true);
    expect(canFollowReferral(as("advisor"), referral)).toBe(false);
    expect(canFollowReferral({ ...none, regionalAdmin: true }, referral)).toBe(false);
    expect(canHandleReferral({ ...none, regionalAdmin: true }, referral)).toBe(false);
  });

  it("stay followed by the first sender once redirected", () => {
    const onward = { fromStructureId: ML, toStructureId: "troisieme", origins: [OTHER] };
    expect(canFollowReferral(as("referrer", OTHER), onward)).toBe(true);
    expect(canFollowReferral(as("referrer", "ailleurs"), onward)).toBe(false);
  });
});

describe("what an API token needs", () => {
  it.each([
    ["agenda", "/api/agenda", "GET", "appointments_read"],
    ["agenda", "/api/agenda/appointments/1/cancel", "POST", "appointments_write"],
    ["agenda", "/api/desk/bookings", "POST", "appointments_write"],
    ["agenda", "/api/agenda/sessions/k", "GET", "appointments_read"],
    ["agenda", "/api/availability", "GET", "availability_read"],
    ["agenda", "/api/availability/rules/1", "PATCH", "availability_write"],
    ["referrals", "/api/referrals", "GET", "referrals_read"],
    ["referrals", "/api/referrals/1/waitlist", "POST", "referrals_write"],
    ["agenda", "/api/calendar-feed", "GET", undefined],
    ["agenda", "/api/agendas", "GET", undefined],
    ["referrals", "/api/agenda", "GET", undefined],
    ["directory", "/api/admin/structures", "GET", undefined],
    ["directory", "/api/people/1", "GET", undefined],
    ["dashboards", "/api/dashboards", "GET", undefined],
    ["account", "/api/notices", "GET", undefined],
  ] as const)("%s %s %s → %s", (area, path, method, needed) => {
    expect(tokenPermission(area, path, method)).toBe(needed);
  });
});
