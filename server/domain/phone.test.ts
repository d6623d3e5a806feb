import { describe, expect, it } from "vitest";
import { isMobile, parsePhone, phoneForPeople } from "./phone.ts";

const e164 = (input: string) => parsePhone(input)?.e164;

describe("parsePhone", () => {
  it("reads a French mobile however it is written, and keeps it in E.164", () => {
    for (const typed of [
      "06 12 34 56 78",
      "06.12.34.56.78",
      "06-12-34-56-78",
      "0612345678",
      " 06 12 34 56 78 ",
      "06\u00a012\u00a034\u00a056\u00a078",
      "0033 6 12 34 56 78",
      "0033612345678",
      "+33 6 12 34 56 78",
      "+33612345678",
      "+33 (0)6 12 34 56 78",
      "+33 06 12 34 56 78",
    ]) {
      expect(parsePhone(typed), typed).toEqual({ e164: "+33612345678", mobile: true });
    }
    expect(parsePhone("07 81 23 45 67")).toEqual({ e164: "+33781234567", mobile: true });
  });

  it("takes a landline, which gets no text message", () => {
    expect(parsePhone("01 23 45 67 89")).toEqual({ e164: "+33123456789", mobile: false });
    expect(parsePhone("02 35 12 34 56")).toEqual({ e164: "+33235123456", mobile: false });
    expect(parsePhone("03 20 11 22 33")).toEqual({ e164: "+33320112233", mobile: false });
    expect(parsePhone("04 72 12 34 56")).toEqual({ e164: "+33472123456", mobile: false });
    expect(parsePhone("05 56 12 34 56")).toEqual({ e164: "+33556123456", mobile: false });
    expect(parsePhone("09 77 42 12 34")).toEqual({ e164: "+33977421234", mobile: false });
    expect(parsePhone("0800 12 34 56")).toEqual({ e164: "+33800123456", mobile: false });
  });

  it("gives an overseas number typed the national way its own country code", () => {
    // La Réunion
    expect(parsePhone("0692 12 34 56")).toEqual({ e164: "+262692123456", mobile: true });
    expect(parsePhone("0693 01 23 45")).toEqual({ e164: "+262693012345", mobile: true });
    expect(parsePhone("0262 21 12 34")).toEqual({ e164: "+262262211234", mobile: false });
    // Mayotte: +262 too (0639 mobile, 0269 fixed), although France's metadata takes 0269 as mainland
    expect(parsePhone("0639 01 23 45")).toEqual({ e164: "+262639012345", mobile: true });
    expect(parsePhone("0269 61 12 34")).toEqual({ e164: "+262269611234", mobile: false });
    // Guadeloupe, Saint-Martin, Saint-Barthélemy
    expect(parsePhone("0690 12 34 56")).toEqual({ e164: "+590690123456", mobile: true });
    expect(parsePhone("05 90 27 12 34")).toEqual({ e164: "+590590271234", mobile: false });
    // Martinique, whose 0596 France's metadata also takes as mainland
    expect(parsePhone("0696 12 34 56")).toEqual({ e164: "+596696123456", mobile: true });
    expect(parsePhone("0596 61 12 34")).toEqual({ e164: "+596596611234", mobile: false });
    // Guyane
    expect(parsePhone("0694 20 12 34")).toEqual({ e164: "+594694201234", mobile: true });
    expect(parsePhone("0594 30 12 34")).toEqual({ e164: "+594594301234", mobile: false });
    // Saint-Pierre-et-Miquelon: six digits after 05 08
    expect(parsePhone("05 08 41 12 34")).toEqual({ e164: "+508411234", mobile: false });
    expect(parsePhone("05 08 55 12 34")).toEqual({ e164: "+508551234", mobile: true });
    // A newer overseas block, known to its region's metadata only: La Réunion's 07 09 2…
    expect(parsePhone("07 09 20 12 34")).toEqual({ e164: "+262709201234", mobile: true });
  });

  it("takes an overseas number in its international form, or written with France's code", () => {
    expect(e164("+262 692 12 34 56")).toBe("+262692123456");
    expect(e164("+262 (0)692 12 34 56")).toBe("+262692123456");
    expect(e164("00262 639 01 23 45")).toBe("+262639012345");
    expect(e164("+590 690 12 34 56")).toBe("+590690123456");
    expect(e164("+596 596 61 12 34")).toBe("+596596611234");
    expect(e164("+594 694 20 12 34")).toBe("+594694201234");
    expect(e164("+508 41 12 34")).toBe("+508411234");
    expect(e164("+33 6 92 12 34 56")).toBe("+262692123456");
  });

  it("takes a foreign number in its international form, the Comoros' +269 among them", () => {
    expect(parsePhone("+32 470 12 34 56")).toEqual({ e164: "+32470123456", mobile: true });
    expect(parsePhone("+44 7911 123456")).toEqual({ e164: "+447911123456", mobile: true });
    expect(parsePhone("+44 (0)7911 123456")).toEqual({ e164: "+447911123456", mobile: true });
    expect(parsePhone("0044 7911 123456")).toEqual({ e164: "+447911123456", mobile: true });
    expect(parsePhone("+269 321 23 45")).toEqual({ e164: "+2693212345", mobile: true });
    expect(parsePhone("+269 773 12 34")).toEqual({ e164: "+2697731234", mobile: false });
    // North America's plan cannot tell a mobile (FIXED_LINE_OR_MOBILE): no text message
    expect(parsePhone("+1 (415) 555-2671")).toEqual({ e164: "+14155552671", mobile: false });
  });

  it("refuses what is not a number of any plan", () => {
    for (const typed of [
      "",
      " ",
      "+",
      "0612",
      "06 12 34 56 7",
      "06 12 34 56 789",
      "+33 6 12 34 56 7",
      "abc",
      "06 12 34 56 ab",
      "06 12 34 56 78 abc",
      "tel:0612345678",
      "06/12/34/56/78",
      "00 00 00 00 00",
      "07 12 34 56 78",
      "+1 234",
      "+999 1234 5678",
      "0033",
      // ARCEP's range for fiction, in Mayotte's block, belongs to nobody
      "06 39 98 12 34",
    ]) {
      expect(parsePhone(typed), typed).toBeNull();
    }
  });
});

describe("isMobile", () => {
  it("tells a stored mobile from a landline", () => {
    expect(isMobile("+33612345678")).toBe(true);
    expect(isMobile("+262692123456")).toBe(true);
    expect(isMobile("+262639012345")).toBe(true);
    expect(isMobile("+590690123456")).toBe(true);
    expect(isMobile("+596696123456")).toBe(true);
    expect(isMobile("+594694201234")).toBe(true);
    expect(isMobile("+508551234")).toBe(true);
    expect(isMobile("+32470123456")).toBe(true);
    expect(isMobile("+33320112233")).toBe(false);
    expect(isMobile("+33977421234")).toBe(false);
    expect(isMobile("+262262211234")).toBe(false);
    expect(isMobile("+14155552671")).toBe(false);
    // Not a number of the plan, or not stored in E.164: no text message either
    expect(isMobile("+262639981234")).toBe(false);
    expect(isMobile("0612345678")).toBe(false);
    expect(isMobile("")).toBe(false);
  });
});

describe("phoneForPeople", () => {
  it("shows a French number the French way, overseas ones as dialled from anywhere in France", () => {
    expect(phoneForPeople("+33612345678")).toBe("06 12 34 56 78");
    expect(phoneForPeople("+33320112233")).toBe("03 20 11 22 33");
    expect(phoneForPeople("+33800123456")).toBe("08 00 12 34 56");
    expect(phoneForPeople("+262692123456")).toBe("06 92 12 34 56");
    expect(phoneForPeople("+262639012345")).toBe("06 39 01 23 45");
    expect(phoneForPeople("+590690123456")).toBe("06 90 12 34 56");
    expect(phoneForPeople("+596596611234")).toBe("05 96 61 12 34");
    expect(phoneForPeople("+594694201234")).toBe("06 94 20 12 34");
    expect(phoneForPeople("+508411234")).toBe("05 08 41 12 34");
    // ARCEP's range for fiction, stored by the demo: unknown to the metadata, French all the same
    expect(phoneForPeople("+262639981234")).toBe("06 39 98 12 34");
  });

  it("shows a foreign number in its international form", () => {
    expect(phoneForPeople("+32470123456")).toBe("+32 470 12 34 56");
    expect(phoneForPeople("+447911123456")).toBe("+44 7911 123456");
    expect(phoneForPeople("+2693212345")).toBe("+269 321 23 45");
  });

  it("reads numbers stored before E.164, and leaves what it cannot read as it is", () => {
    expect(phoneForPeople("0612345678")).toBe("06 12 34 56 78");
    expect(phoneForPeople("06 12 34 56 78")).toBe("06 12 34 56 78");
    expect(phoneForPeople("0692123456")).toBe("06 92 12 34 56");
    expect(phoneForPeople("n'importe quoi")).toBe("n'importe quoi");
    expect(phoneForPeople("06 39 98 12 34")).toBe("06 39 98 12 34");
  });
});
