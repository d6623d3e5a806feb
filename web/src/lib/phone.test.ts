import examples from "libphonenumber-js/examples.mobile.json";
import { getCountries, getExampleNumber } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { parsePhone, phoneForPeople, PHONE_SHAPES as SERVER_SHAPES } from "../../../server/domain/phone.ts";
import { frenchPhone, isPhoneNumber, mobileShape, PHONE_SHAPES, telHref } from "./phone.ts";

describe("a phone number typed in a form", () => {
  it("has the shapes the server takes, to the character", () => {
    const sources = (shapes: Record<string, RegExp>) =>
      Object.fromEntries(Object.entries(shapes).map(([name, shape]) => [name, `/${shape.source}/${shape.flags}`]));
    expect(sources(PHONE_SHAPES)).toEqual(sources(SERVER_SHAPES));
  });

  it("may be French, national or with France's code, or foreign with its code", () => {
    for (const ok of [
      "06 12 34 56 78",
      "06.12.34.56.78",
      "0033 6 12 34 56 78",
      "+33 (0)6 12 34 56 78",
      "0692 12 34 56",
      "+262 692 12 34 56",
      "+32 470 12 34 56",
      "+1 (415) 555-2671",
    ]) {
      expect(isPhoneNumber(ok), ok).toBe(true);
    }
    for (const wrong of ["", "0612", "06 12 34 56 7", "+33 6 12 34 56 7", "06 12 34 56 78 le soir", "+12", "06/12/34/56/78"]) {
      expect(isPhoneNumber(wrong), wrong).toBe(false);
    }
  });

  it("lets through every mobile the server takes: each country's example, written as people do", () => {
    let taken = 0;
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      for (const typed of [example.formatInternational(), example.formatNational(), `00${example.number.slice(1)}`]) {
        if (parsePhone(typed) === null) continue;
        taken++;
        expect(isPhoneNumber(typed), `${country}: ${typed}`).toBe(true);
      }
    }
    expect(taken).toBeGreaterThan(400);
  });

  it("is dialled without its separators", () => {
    expect(telHref("06 12 34 56 78")).toBe("tel:0612345678");
    expect(telHref("+32 470 12 34 56")).toBe("tel:+32470123456");
  });
});

describe("an 07 number no operator has", () => {
  it("is refused by the form as by the server (the server alone refused it, at the last step)", () => {
    for (const typed of ["07 00 00 00 00", "07 08 12 34 56", "07 11 22 33 44", "07 20 12 34 56", "+33 7 29 12 34 56"]) {
      expect(parsePhone(typed)).toBeNull();
      expect(isPhoneNumber(typed)).toBe(false);
    }
    for (const typed of ["07 09 12 34 56", "07 30 12 34 56", "07 81 23 45 67", "+33 7 99 12 34 56"]) {
      expect(parsePhone(typed)?.mobile).toBe(true);
      expect(isPhoneNumber(typed)).toBe(true);
    }
  });
});

describe("whether a number typed is a mobile, to offer the reminders by SMS", () => {
  const typings = (example: { formatInternational(): string; formatNational(): string; number: string }) => [
    example.formatInternational(),
    example.formatNational(),
    `00${example.number.slice(1)}`,
  ];

  it("never hides the choice from a mobile the server would text: each country's example, written as people do", () => {
    let mobiles = 0;
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      for (const typed of typings(example)) {
        if (!parsePhone(typed)?.mobile) continue;
        mobiles++;
        expect(mobileShape(typed), `${country}: ${typed}`).toBeDefined();
      }
    }
    expect(mobiles).toBeGreaterThan(400);
  });

  it("tells a mobile of the French plan, mainland or overseas, from a landline", () => {
    for (const country of ["FR", "RE", "YT", "GP", "MQ", "GF"] as const) {
      const example = getExampleNumber(country, examples);
      if (!example) throw new Error(country);
      for (const typed of [example.formatNational(), example.formatInternational()]) {
        expect(mobileShape(typed), `${country}: ${typed}`).toBe("mobile");
      }
    }
    for (const typed of ["06 12 34 56 78", "07 81 23 45 67", "+33 (0)6 12 34 56 78", "0639 40 12 34", "+262 692 12 34 56"]) {
      expect(mobileShape(typed), typed).toBe("mobile");
    }
    for (const landline of [
      "01 23 45 67 89",
      "03 20 12 34 56",
      "09 72 12 34 56",
      "0262 12 34 56",
      "+262 262 12 34 56",
      "05 96 61 23 45",
    ]) {
      expect(parsePhone(landline)?.mobile, landline).toBe(false);
      expect(mobileShape(landline), landline).toBeUndefined();
    }
    expect(mobileShape("+32 470 12 34 56")).toBe("maybe");
    expect(mobileShape("05 08 55 12 34")).toBe("maybe");
    for (const none of ["", "06 12", "pas de téléphone"]) expect(mobileShape(none), none).toBeUndefined();
  });

  it("is written back as the server writes it, for a number of the French plan", () => {
    for (const typed of [
      "06.12.34.56.78",
      "+33 (0)6 12 34 56 78",
      "0033 6 12 34 56 78",
      "+262 692 12 34 56",
      "0692 12 34 56",
      "+590 690 00 12 34",
    ]) {
      const stored = parsePhone(typed)?.e164;
      if (!stored) throw new Error(typed);
      expect(frenchPhone(typed), typed).toBe(phoneForPeople(stored));
    }
    expect(frenchPhone(" +32 470 12 34 56 ")).toBe("+32 470 12 34 56");
  });
});
