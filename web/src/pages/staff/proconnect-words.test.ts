import { describe, expect, it } from "vitest";
import { PROCONNECT_REFUSALS } from "../../../../server/domain/proconnect.ts";
import { proConnectRefusal } from "./proconnect-words.ts";

describe("the sign-in page's words for a ProConnect refusal", () => {
  it("says each refusal the server sends back, in French, naming the address of an unknown account", () => {
    for (const code of PROCONNECT_REFUSALS) expect(proConnectRefusal(code, undefined)).toMatch(/^[A-Z].+\.$/);
    expect(proConnectRefusal("inconnu", "agent@region.fr")).toBe(
      "Aucun compte n'existe pour l'adresse agent@region.fr : demandez une invitation à l'administrateur de votre structure.",
    );
  });

  it("says nothing for a code it does not know (the query is anyone's to write)", () => {
    expect(proConnectRefusal("toString", undefined)).toBeUndefined();
    expect(proConnectRefusal(["inconnu"], undefined)).toBeUndefined();
    expect(proConnectRefusal(undefined, "x@y.fr")).toBeUndefined();
  });
});
