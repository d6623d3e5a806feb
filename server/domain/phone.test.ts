import { describe, expect, it } from "vitest";
import { phoneForPeople } from "./phone.ts";

describe("phoneForPeople", () => {
  it("writes French and overseas numbers as dialled in France, others internationally", () => {
    expect(phoneForPeople("0612345678")).toBe("06 12 34 56 78");
    expect(phoneForPeople("+33612345678")).toBe("06 12 34 56 78");
    expect(phoneForPeople("+262692123456")).toBe("0692 12 34 56");
    expect(phoneForPeople("+590690123456")).toBe("0690 12 34 56");
    expect(phoneForPeople("+32470123456")).toBe("+32 470 12 34 56");
    expect(phoneForPeople("n'importe quoi")).toBe("n'importe quoi");
  });
});
