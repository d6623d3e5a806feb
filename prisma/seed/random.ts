import { createHash } from "node:crypto";

/** Changing it reshuffles the whole demo: names, hours, sites. Do not. */
export const DEMO_SEED = 0x5b_20_26_32;

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/** mulberry32: tiny, fast, good enough for demo data, and the same on every platform. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * One independent stream per key (a structure slug, an advisor's e-mail…), so that adding
 * a structure to the demo does not change the names and hours of every other one.
 */
export function randomFor(key: string): Random {
  const digest = createHash("sha256").update(key).digest();
  const next = mulberry32(digest.readUInt32BE(0) ^ DEMO_SEED);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick() sur une liste vide");
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    sample: <T>(items: readonly T[], count: number): T[] => {
      const pool = [...items];
      // Fisher–Yates, stopped after `count` draws.
      for (let i = 0; i < Math.min(count, pool.length); i++) {
        const j = int(i, pool.length - 1);
        [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
      }
      return pool.slice(0, count);
    },
  };
}
