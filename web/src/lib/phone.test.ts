import examples from "libphonenumber-js/examples.mobile.json";
import { getCountries, getExampleNumber } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { parsePhone, PHONE_SHAPES as SERVER_SHAPES } from "../../../server/domain/phone.ts";
import { isPhoneNumber, PHONE_SHAPES, telHref } from "./phone.ts";

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
