import { describe, expect, it } from "vitest";
import { fieldOfPath } from "./form-errors.ts";

describe("the field an API path is about", () => {
  const ids = { person: "p", email: "e", phone: "t", reminderPlan: "r" };
  it("is the path, else its last name, else its first", () => {
    expect(fieldOfPath(ids, "reminderPlan")).toBe("reminderPlan");
    expect(fieldOfPath(ids, "person.email")).toBe("email");
    expect(fieldOfPath(ids, "person.phone")).toBe("phone");
    expect(fieldOfPath(ids, "reminderPlan.1")).toBe("reminderPlan");
    expect(fieldOfPath(ids, "person.id")).toBe("person");
    expect(fieldOfPath(ids, "slotKey")).toBeUndefined();
  });
});
