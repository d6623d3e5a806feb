import { describe, expect, it } from "vitest";
import { shownFlows } from "./figures.ts";

describe("flows as shown", () => {
  it("keeps the shown ones and says the masked ones together, with their sum only when the total is shown", () => {
    const flows = [
      { from: "A", to: "B", count: 40 },
      { from: "A", to: "C", count: null },
      { from: "C", to: "B", count: 12 },
      { from: "D", to: "B", count: null },
    ];
    expect(shownFlows(flows, 58)).toEqual([
      { from: "A", to: "B", count: 40 },
      { from: "C", to: "B", count: 12 },
      { from: "2 autres flux, masqués un à un", to: "—", count: 6 },
    ]);
    expect(shownFlows(flows, null).at(-1)).toEqual({ from: "2 autres flux, masqués un à un", to: "—", count: null });
    expect(shownFlows(flows.slice(0, 1), 40)).toEqual([{ from: "A", to: "B", count: 40 }]);
  });
});
