import { describe, expect, it } from "vitest";
import { pastedToken } from "../../lib/private-link.ts";
import { manageStateHref, readManageState, toldWords } from "./manage-href.ts";

const SITE = "b8ecdc06-de50-510f-8b66-66b1c79b0172";

describe("the private link page's address", () => {
  it("is the link alone, or with the move's state in one order", () => {
    expect(manageStateHref("AbC-_12")).toBe("/rdv/AbC-_12");
    expect(
      manageStateHref("t", { slot: "20260330T0700Z", week: "2026-03-30", site: SITE, mode: "onsite", view: "confirmer" }),
    ).toBe(`/rdv/t?vue=confirmer&mode=onsite&site=${SITE}&week=2026-03-30&slot=20260330T0700Z`);
  });

  it("reads back what it wrote, and leaves out what is malformed", () => {
    const state = {
      view: "deplacer" as const,
      mode: "phone" as const,
      site: undefined,
      week: "2026-03-30",
      slot: "20260330T0700Z",
    };
    const search = new URLSearchParams(manageStateHref("t", state).split("?")[1]);
    expect(readManageState(Object.fromEntries(search))).toEqual(state);
    expect(readManageState({ vue: "supprimer", mode: "fax", week: "2026-04-02", slot: "AQTc_-9" })).toEqual({
      view: undefined,
      mode: undefined,
      site: undefined,
      week: "2026-03-30",
      slot: undefined,
    });
  });
});

describe("how the person hears of a change through the link", () => {
  it("names the e-mail, the SMS, both, or nothing, as their contact stands (it named the e-mail alone)", () => {
    expect(toldWords({ email: "lea@exemple.fr", smsTo: null })).toBe("Un courriel vous le confirme.");
    expect(toldWords({ email: null, smsTo: "06 12 34 56 78" })).toBe("Un SMS vous le confirme.");
    expect(toldWords({ email: "lea@exemple.fr", smsTo: "06 12 34 56 78" })).toBe("Un courriel et un SMS vous le confirment.");
    expect(toldWords({ email: null, smsTo: null })).toBe("");
  });
});

describe("a private link pasted with what followed it", () => {
  it("keeps the token alone: a full stop, a bracket, quotes or spaces after it go", () => {
    const token = "Eu-KAgQ6sXb53Z9l_x-4LQ";
    for (const pasted of [token, `${token}.`, `${token}).`, `${token}%20%C2%BB`, `${token}%C2%A0`, `${token}!`, `${token}%`]) {
      expect(pastedToken(pasted)).toBe(token);
    }
  });
});
