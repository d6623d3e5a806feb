import { describe, expect, it } from "vitest";
import { notifiedBy, smsNumber, toldOf } from "./contact.ts";

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

describe("toldOf", () => {
  it("says every way a message went, and the number to call when none did", () => {
    expect(toldOf({ email: "lea@exemple.fr", phone: "+33612345678" })).toEqual({ by: ["email", "sms"], call: null });
    expect(toldOf({ email: "lea@exemple.fr", phone: "+33320112233" })).toEqual({ by: ["email"], call: null });
    expect(toldOf({ email: null, phone: "+33612345678" })).toEqual({ by: ["sms"], call: null });
    expect(toldOf({ email: null, phone: "+33320112233" })).toEqual({ by: [], call: "+33320112233" });
    // A mobile whose owner unticked the SMS is called too.
    expect(toldOf({ email: null, phone: "+33612345678", smsReminders: false })).toEqual({ by: [], call: "+33612345678" });
    expect(toldOf({ email: "lea@exemple.fr", phone: "+33612345678", smsReminders: false })).toEqual({
      by: ["email"],
      call: null,
    });
    expect(toldOf({ email: null, phone: null })).toEqual({ by: [], call: null });
  });

  it("agrees with notifiedBy on who has to be called", () => {
    for (const email of ["lea@exemple.fr", null]) {
      for (const phone of ["+33612345678", "+33320112233", "+14155552671", null]) {
        for (const smsReminders of [true, false]) {
          const person = { email, phone, smsReminders };
          expect(toldOf(person).call !== null, JSON.stringify(person)).toBe(notifiedBy(person) === "phone-call");
          expect(toldOf(person).by.includes("sms")).toBe(smsNumber(person) !== null);
        }
      }
    }
  });
});
