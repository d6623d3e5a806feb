import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "./router.ts";

const Known = z.object({ id: z.uuid("identifiant attendu.") }).strict();
const Fresh = z
  .object({ firstName: z.string("Le prénom est obligatoire.").min(1), email: z.email("adresse invalide.").optional() })
  .strict();
const Body = z.object({ person: z.union([Known, Fresh]), slotKey: z.string("créneau obligatoire.") }).strict();
const errorsOf = (input: unknown) => fieldErrors(Body.safeParse(input).error as z.ZodError);

describe("fieldErrors", () => {
  it("names every invalid field at once", () => {
    expect(errorsOf({ person: { firstName: "Eva", email: "eva@" } })).toEqual({
      "person.email": "adresse invalide.",
      slotKey: "créneau obligatoire.",
    });
  });

  it("says a union's failure in the branch the input has the shape of", () => {
    expect(errorsOf({ person: { email: "eva@" }, slotKey: "k" })).toEqual({
      "person.firstName": "Le prénom est obligatoire.",
      "person.email": "adresse invalide.",
    });
    expect(errorsOf({ person: { id: "pas un uuid" }, slotKey: "k" })).toEqual({ "person.id": "identifiant attendu." });
  });

  it("refuses a union whole when no branch is nearer", () => {
    expect(Object.keys(errorsOf({ person: {}, slotKey: "k" }))).toEqual(["person"]);
  });
});
