import { describe, expect, test } from "vitest";
import { availabilityHref, availabilityTarget, managesStructure } from "./who.ts";

const lille = { id: "lille", name: "Mission Locale de Lille" };
const roubaix = { id: "roubaix", name: "CIO de Roubaix" };
const advisor = {
  id: "me",
  regionalAdmin: false,
  memberships: [
    { role: "reception" as const, structure: roubaix },
    { role: "advisor" as const, structure: lille },
  ],
};

describe("whose availability", () => {
  test("one's own in one's first structure as an advisor, when the address says nothing", () => {
    expect(availabilityTarget(advisor, {})).toEqual({ structure: "lille", advisor: "me" });
  });

  test("the address wins; a structure where one is not an advisor needs an advisor", () => {
    expect(availabilityTarget(advisor, { structure: "roubaix", advisor: "other" })).toEqual({
      structure: "roubaix",
      advisor: "other",
    });
    expect(availabilityTarget(advisor, { structure: "roubaix" })).toEqual({ structure: "roubaix", advisor: undefined });
  });

  test("structure admins and the Région manage everyone's", () => {
    expect(managesStructure(advisor, "lille")).toBe(false);
    const admin = { ...advisor, memberships: [{ role: "structure_admin" as const, structure: lille }] };
    expect(managesStructure(admin, "lille")).toBe(true);
    expect(managesStructure({ ...advisor, regionalAdmin: true }, "roubaix")).toBe(true);
  });

  test("the address", () => {
    expect(availabilityHref("s", "a")).toBe("/espace/agenda/disponibilites?structure=s&advisor=a");
  });
});
