import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("password policy", () => {
  it("wants 12 characters and no composition rule", () => {
    expect(passwordProblem("court")).toMatch(/au moins 12 caractères/);
    expect(passwordProblem("une phrase assez longue")).toBeUndefined();
    expect(passwordProblem("éléphantrose")).toBeUndefined();
  });

  it("refuses the common passwords of a maintained list", () => {
    expect(passwordProblem("123456789012")).toMatch(/plus courants/);
    expect(passwordProblem("PASSWORD1234")).toMatch(/plus courants/);
  });
});
