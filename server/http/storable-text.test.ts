import { describe, expect, it } from "vitest";
import { unstorablePath } from "./storable-text.ts";

describe("unstorablePath", () => {
  it("names the first NUL or surrogate half, in document order, keys included", () => {
    expect(unstorablePath({ a: "ok", person: { firstName: "L\u0000a", lastName: "\ud800" } })).toBe("person.firstName");
    expect(unstorablePath({ list: ["ok", "x\udc00"] })).toBe("list.1");
    expect(unstorablePath({ "k\u0000": 1 })).toBe("k\u0000");
    expect(unstorablePath("\u0000")).toBe("corps");
  });
  it("lets everything else through, whole surrogate pairs and deep nesting included", () => {
    expect(unstorablePath({ name: "Zoë 👩🏽‍🚀 李", n: 1, b: null, t: true })).toBeUndefined();
    let deep: unknown = "ok";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(unstorablePath(deep)).toBeUndefined();
  });
});
