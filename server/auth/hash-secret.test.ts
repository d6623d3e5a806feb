import { describe, expect, it } from "vitest";
import { hashSecret } from "./hash-secret.ts";

describe("hashSecret", () => {
  it("is the hex SHA-256 the database holds: a change would orphan every stored session, link and invitation", () => {
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashSecret("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
