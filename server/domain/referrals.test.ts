import { describe, expect, it } from "vitest";
import {
  actionProblem,
  expiryDue,
  followedStatus,
  invitationEnd,
  invitationOpen,
  type ReferralAction,
  type ReferralStatus,
  reminderTime,
} from "./referrals.ts";

const NOW = new Date("2026-11-02T10:00:00Z");
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe("what a referral allows in each state", () => {
  const table: [ReferralStatus, ReferralAction[]][] = [
    ["sent", ["accept", "decline", "redirect", "book", "invite", "expire"]],
    ["accepted", ["decline", "redirect", "book", "invite", "expire"]],
    ["expired", ["invite"]],
    ["booked", []],
    ["declined", ["readdress"]],
    ["redirected", []],
  ];
  const actions: ReferralAction[] = ["accept", "decline", "redirect", "book", "invite", "expire", "readdress"];
  it.each(table)("%s allows %j and refuses the rest in French", (status, allowed) => {
    for (const action of actions) {
      const problem = actionProblem(status, action);
      if (allowed.includes(action)) expect(problem).toBeUndefined();
      else expect(problem).toMatch(/orientation|invitation|rendez-vous/);
    }
  });
});

describe("what the referrer follows", () => {
  it("is the status, then what became of the meeting", () => {
    expect(followedStatus("sent", null)).toBe("sent");
    expect(followedStatus("booked", { outcome: null })).toBe("booked");
    expect(followedStatus("booked", { outcome: "no_show" })).toBe("no_show");
    expect(followedStatus("declined", { outcome: "honoured" })).toBe("declined");
  });
});

describe("invitations", () => {
  it("are open while waiting and before their end", () => {
    expect(invitationOpen({ status: "sent", invitationExpiresAt: days(1) }, NOW)).toBe(true);
    expect(invitationOpen({ status: "accepted", invitationExpiresAt: days(1) }, NOW)).toBe(true);
    expect(invitationOpen({ status: "sent", invitationExpiresAt: NOW }, NOW)).toBe(false);
    expect(invitationOpen({ status: "booked", invitationExpiresAt: days(1) }, NOW)).toBe(false);
    expect(invitationOpen({ status: "sent", invitationExpiresAt: null }, NOW)).toBe(false);
  });

  it("expire at their end, only while the referral waits", () => {
    expect(expiryDue({ status: "sent", invitationExpiresAt: NOW }, NOW)).toBe(true);
    expect(expiryDue({ status: "accepted", invitationExpiresAt: days(-1) }, NOW)).toBe(true);
    expect(expiryDue({ status: "sent", invitationExpiresAt: days(1) }, NOW)).toBe(false);
    expect(expiryDue({ status: "booked", invitationExpiresAt: days(-1) }, NOW)).toBe(false);
    expect(expiryDue({ status: "expired", invitationExpiresAt: days(-1) }, NOW)).toBe(false);
  });

  it("are recalled three days after being sent, unless they end within the day after", () => {
    expect(invitationEnd(NOW)).toEqual(days(14));
    expect(reminderTime(NOW, days(14))).toEqual(days(3));
    expect(reminderTime(NOW, days(5))).toEqual(days(3));
    expect(reminderTime(NOW, days(4))).toBeNull();
    expect(reminderTime(NOW, days(2))).toBeNull();
  });
});
