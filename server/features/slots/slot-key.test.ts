import { describe, expect, it } from "vitest";
import { decodeSlotKey, encodeSlotKey, type SlotRef } from "./slot-key.ts";

const ref: SlotRef = {
  offeringId: "0b6f2a4e-5d1c-4e8a-9f3b-2c7d1e0a9b8c",
  advisorId: "7a1e3c5b-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
  siteId: null,
  mode: "phone",
  start: new Date("2026-03-30T07:00:00Z"),
};

describe("slot keys", () => {
  it("round-trip, with or without a site", () => {
    expect(decodeSlotKey(encodeSlotKey(ref))).toEqual(ref);
    const onsite = { ...ref, mode: "onsite" as const, siteId: "5c9e1a2b-3d4f-4e6a-8b7c-9d0e1f2a3b4c" };
    expect(decodeSlotKey(encodeSlotKey(onsite))).toEqual(onsite);
    expect(encodeSlotKey(ref)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("refuse anything that is not one of ours", () => {
    for (const bad of ["", "abc", "x".repeat(300), "not a key!", "A".repeat(76), encodeSlotKey(ref).slice(1)]) {
      expect(decodeSlotKey(bad)).toBeUndefined();
    }
    expect(decodeSlotKey(encodeSlotKey({ ...ref, mode: "fax" as never }))).toBeUndefined();
  });
});
