import { describe, expect, it } from "vitest";
import { TEST_DATABASE_URL } from "../helpers/db.ts";
import { fiveXX, passed, simulateUsers, summarize } from "./users.ts";

// The short version of `npm run bench:users` (CI, PostgreSQL pass only): the real server in a child
// process, simulated people browsing and booking on 127.0.0.1. USERS and DURATION_S size it.
describe.skipIf(!TEST_DATABASE_URL)("simulated users on the real server", () => {
  it("browse and book for a few seconds: no 5xx, no overlap, no session over its seats", { timeout: 240_000 }, async () => {
    const result = await simulateUsers({
      users: Number(process.env.USERS ?? 20),
      durationMs: Number(process.env.DURATION_S ?? 5) * 1000,
      adminUrl: TEST_DATABASE_URL as string,
      extraAdvisors: 4,
    });
    console.log(summarize(result).lines.join("\n"));
    expect(fiveXX(result)).toBe(0);
    expect(result.failures).toEqual([]);
    expect(result.overlaps).toBe(0);
    expect(result.bufferViolations).toBe(0);
    expect(result.overbookedSessions).toBe(0);
    expect(result.requests).toBeGreaterThan(20);
    expect(passed(result)).toBe(true);
  });
});
