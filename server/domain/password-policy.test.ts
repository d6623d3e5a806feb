import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy.ts";

describe("password policy", () => {
  it("wants 12 characters and no composition rule", () => {
    expect(passwordProblem("court")).toMatch(/au moins 12 caractères/);
    expect(passwordProblem("une phrase assez longue")).toBeUndefined();
    expect(passwordProblem("éléphant rose du mardi")).toBeUndefined();
  });

  it("refuses the common passwords of a maintained list", () => {
    expect(passwordProblem("123456789012")).toMatch(/plus courants/);
    expect(passwordProblem("PASSWORD1234")).toMatch(/plus courants/);
  });

  it("refuses what a dictionary attack finds quickly, in French too", () => {
    for (const weak of ["motdepasse123", "azertyuiop123", "bonjour123456", "jetaimejetaime", "aaaaaaaaaaaa"]) {
      expect(passwordProblem(weak), weak).toMatch(/trop facile à deviner/);
    }
    // The person's own e-mail is no secret.
    expect(passwordProblem("nadia.benali@cio-lens.test")).toBeUndefined();
    expect(passwordProblem("nadia.benali@cio-lens.test", ["nadia.benali@cio-lens.test"])).toMatch(/trop facile/);
    expect(passwordProblem("cheval agrafe batterie correcte")).toBeUndefined();
    expect(passwordProblem("une phrase assez longue")).toBeUndefined();
  });
});
