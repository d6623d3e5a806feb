import { describe, expect, it } from "vitest";
import { isEmailAddress } from "./email.ts";
import { emailSuggestion } from "./email-suggestion.ts";

describe("isEmailAddress", () => {
  it("takes a domain in any script, as the server does, and refuses what is no domain", () => {
    expect(isEmailAddress("jean@exämple.fr")).toBe(true);
    expect(isEmailAddress("jean@xn--exmple-cua.fr")).toBe(true);
    expect(isEmailAddress("jean@exemple.fr:80")).toBe(false);
    expect(isEmailAddress("jean@exämple")).toBe(false);
  });
});

describe("emailSuggestion", () => {
  it.each([
    ["jean@gmial.com", "jean@gmail.com"],
    ["jean@gmail.con", "jean@gmail.com"],
    ["jean@hotmial.fr", "jean@hotmail.fr"],
    ["jean@yahooo.fr", "jean@yahoo.fr"],
    ["jean@orange.ft", "jean@orange.fr"],
    ["jean@laposte.nte", "jean@laposte.net"],
    [" jean@wanadoo.ft ", "jean@wanadoo.fr"],
  ])("suggests %s → %s", (typed, meant) => {
    expect(emailSuggestion(typed)).toBe(meant);
  });

  it("says nothing of a right address, an unknown provider, or what is no address yet", () => {
    for (const typed of [
      "jean@gmail.com",
      "jean@orange.fr",
      "jean@laposte.net",
      "jean@ac-lille.fr",
      "jean@exämple.fr",
      "jean@gmial",
    ]) {
      expect(emailSuggestion(typed), typed).toBeUndefined();
    }
  });

  it("never turns a French provider into a foreign near-name (the library's own list did)", () => {
    for (const typed of ["jean@sfr.com", "jean@gmail.fr", "jean@mail.com", "jean@univ-lille.fr", "jean@free.fr"]) {
      expect(emailSuggestion(typed), typed).toBeUndefined();
    }
  });
});
