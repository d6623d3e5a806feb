import { describe, expect, it } from "vitest";
import { notifiedBy } from "./contact.ts";

describe("notifiedBy", () => {
  it("is the e-mail when there is an address, else a text message to a mobile, else a call from the structure", () => {
    expect(notifiedBy({ email: "lea@exemple.fr", phone: "+33320112233" })).toBe("email");
    expect(notifiedBy({ email: "lea@exemple.fr", phone: null })).toBe("email");
    expect(notifiedBy({ email: null, phone: "+33612345678" })).toBe("sms");
    expect(notifiedBy({ email: null, phone: "+262692123456" })).toBe("sms");
    expect(notifiedBy({ email: null, phone: "+33320112233" })).toBe("phone-call");
    expect(notifiedBy({ email: null, phone: "+33977421234" })).toBe("phone-call");
    expect(notifiedBy({ email: null, phone: null })).toBe("none");
  });

  it("has the structure call a number it cannot tell is a mobile", () => {
    expect(notifiedBy({ email: null, phone: "+14155552671" })).toBe("phone-call");
    expect(notifiedBy({ email: null, phone: "+262639981234" })).toBe("phone-call");
    expect(notifiedBy({ email: null, phone: "06 39 98 12 34" })).toBe("phone-call");
  });
});
