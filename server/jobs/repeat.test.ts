import { afterEach, describe, expect, it, vi } from "vitest";
import { repeat } from "./repeat.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("a task repeated on a timer", () => {
  it("runs every period, skips a tick while a run is still going, and goes on after a failure", async () => {
    vi.useFakeTimers();
    const failures: unknown[] = [];
    let runs = 0;
    let finish: (() => void) | undefined;
    const job = repeat(
      1_000,
      () => {
        runs += 1;
        if (runs === 2) return Promise.reject(new Error("base indisponible"));
        if (runs === 3) return new Promise<void>((resolve) => (finish = resolve));
        return Promise.resolve();
      },
      (error) => failures.push(error),
    );
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    expect(failures).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(runs).toBe(3); // the third run is still going: two ticks passed it by
    finish?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(4);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(4);
  });
});
