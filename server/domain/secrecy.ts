// Statistical secrecy for tables of counts shown outside a structure: a count from 1 to 4 could
// point at a person, so it is masked (primary suppression) — and so is whatever would give it
// back by arithmetic on the totals shown beside it (secondary suppression). Pure: the
// dashboards, their CSV and the public statistics all mask through here, and round their rates
// over masked counts so that the rates tell nothing more.

/** Counts from 1 to 4 are masked outside a structure: few enough to point at a person. */
export const SMALLEST_SHOWN = 5;

/** Cells that add up: `whole` = the sum of `parts` (indexes into the cells). */
export interface Relation {
  whole: number;
  parts: readonly number[];
}

/** Whether a count is too small to show (primary suppression); 0 is shown: it points at nobody. */
const tooSmall = (count: number) => count > 0 && count < SMALLEST_SHOWN;

/**
 * Which cells to mask so that none masked can be worked out from what is shown. Someone reading
 * the table knows every relation, every shown count, and that a masked count is at least 1
 * (zeros are always shown). A masked cell is safe when the table has another possible content
 * that changes it: a « move » — +1 and −1 on masked cells that leaves every relation true and
 * no masked count under 1. Every masked cell must have one; where one lacks it, the smallest
 * shown count that gives it one is masked too, until all have. (Masking every non-zero count
 * always succeeds: the loop ends.) A masked cell is therefore not always under 5.
 *
 * A move stays a move when more cells are masked, and it makes safe every cell it changes: so
 * each cell is searched for until it is found safe once, not at every round.
 */
export function suppress(cells: readonly number[], relations: readonly Relation[]): boolean[] {
  const hidden = cells.map(tooSmall);
  const safe = cells.map(() => false);
  const table = { cells, relations, hidden, memberOf: relationsOfCells(cells.length, relations) };
  const protect = (cell: number) => {
    const move = findMove(table, cell);
    for (const c of move ?? []) safe[c] = true;
    return move !== undefined;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let cell = 0; cell < cells.length; cell++) {
      if (!hidden[cell] || safe[cell] || protect(cell)) continue;
      const next = widening(table, cell, protect);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

interface Table {
  cells: readonly number[];
  relations: readonly Relation[];
  hidden: boolean[];
  /** For each cell, the relations it stands in. */
  memberOf: readonly number[][];
}

function relationsOfCells(size: number, relations: readonly Relation[]): number[][] {
  const memberOf = Array.from({ length: size }, () => [] as number[]);
  relations.forEach((r, i) => {
    for (const cell of [r.whole, ...r.parts]) memberOf[cell]?.push(i);
  });
  return memberOf;
}

/**
 * The shown cell to mask next for `cell`: among the non-zero ones sharing a relation with it or
 * with a cell masked beside it, the smallest that gives it a move (`protect` finds it); failing one, the smallest of its own relations (the next
 * round looks further).
 */
function widening(table: Table, cell: number, protect: (cell: number) => boolean): number | undefined {
  const { cells, relations, hidden, memberOf } = table;
  const around = (c: number, into = new Set<number>()) => {
    for (const r of memberOf[c] ?? []) {
      const { whole, parts } = relations[r] as Relation;
      into.add(whole);
      for (const part of parts) into.add(part);
    }
    return into;
  };
  const own = around(cell);
  const near = new Set(own);
  for (const c of own) if (hidden[c]) around(c, near);
  const candidates = [...near]
    .filter((c) => !hidden[c] && (cells[c] ?? 0) > 0)
    .sort((a, b) => (cells[a] ?? 0) - (cells[b] ?? 0) || a - b);
  for (const candidate of candidates) {
    hidden[candidate] = true;
    if (protect(cell)) return candidate;
    hidden[candidate] = false;
  }
  return candidates.find((c) => own.has(c)) ?? candidates[0];
}

/** Steps of a move's search before it gives up (and masks more: the safe side). */
const BUDGET = 5_000;

/**
 * A move that changes a masked cell (see `suppress`), as the cells it changes, if one is found:
 * +1 or −1 on it, then, relation by relation, a masked member of the first unbalanced one
 * changed by one to balance it, without any masked count going under 1 — until every relation
 * holds. A state (the unbalanced relations and by how much) that led nowhere is not explored
 * again: this may miss a move through cells the first visit had already used, which only masks
 * more, and it keeps the search to the number of states rather than of paths.
 */
function findMove(table: Table, cell: number): number[] | undefined {
  const { cells, relations, hidden, memberOf } = table;
  let steps = 0;
  const delta = new Map<number, number>();
  const imbalance = new Map<number, number>();
  const shift = (c: number, d: number) => {
    for (const r of memberOf[c] ?? []) {
      const by = (imbalance.get(r) ?? 0) + (relations[r]?.whole === c ? d : -d);
      if (by === 0) imbalance.delete(r);
      else imbalance.set(r, by);
    }
  };
  const feasible = (c: number, d: number) => hidden[c] === true && !delta.has(c) && (cells[c] ?? 0) + d >= 1;
  const failed = new Set<string>();

  const search = (): boolean => {
    if (imbalance.size === 0) return true;
    if (++steps > BUDGET) return false;
    const unbalanced = [...imbalance].sort(([a], [b]) => a - b);
    const state = unbalanced.join(";");
    if (failed.has(state)) return false;
    // The relation with the fewest ways to balance it first: a dead end shows at once.
    let fewest: [number, number][] | undefined;
    for (const [r, by] of unbalanced) {
      const { whole, parts } = relations[r] as Relation;
      const need = Math.sign(by);
      // A part raised (or the whole lowered) by one brings the imbalance one nearer to 0.
      const options = [...parts.map((part): [number, number] => [part, need]), [whole, -need] as [number, number]].filter(
        ([c, d]) => feasible(c, d),
      );
      if (fewest === undefined || options.length < fewest.length) fewest = options;
      if (options.length === 0) break;
    }
    for (const [c, d] of fewest ?? []) if (attempt(c, d)) return true;
    failed.add(state);
    return false;
  };

  const attempt = (c: number, d: number) => {
    delta.set(c, d);
    shift(c, d);
    if (search()) return true;
    delta.delete(c);
    shift(c, -d);
    return false;
  };
  const found = [1, -1].some((d) => feasible(cell, d) && attempt(cell, d));
  return found ? [...delta.keys()] : undefined;
}

/** A table masked (`suppress`), and what a reader can tell of each of its cells (`ranges`). */
export function mask(cells: readonly number[], relations: readonly Relation[]) {
  const hidden = suppress(cells, relations);
  const known = ranges(
    cells.map((count, cell) => (hidden[cell] ? null : count)),
    relations,
  );
  return { hidden, known };
}

/** What a reader of a table can tell of a count: from `least` to `most` (Infinity: no bound). */
export type Range = readonly [least: number, most: number];

/** Rounds of narrowing before `ranges` stops: wider ranges only round rates more coarsely. */
const NARROWING_ROUNDS = 50;

/**
 * What a reader can tell of each cell from the table as shown (`shown`: null where masked),
 * and nothing else, so it cannot depend on a masked count: a shown count exactly; a masked one
 * at least 1 and within what the relations leave it, narrowed relation by relation.
 */
export function ranges(shown: readonly (number | null)[], relations: readonly Relation[]): Range[] {
  const least = shown.map((count) => count ?? 1);
  const most = shown.map((count) => count ?? Number.POSITIVE_INFINITY);
  const narrow = (cell: number, from: number, to: number) => {
    const changed = from > (least[cell] as number) || to < (most[cell] as number);
    least[cell] = Math.max(least[cell] as number, from);
    most[cell] = Math.min(most[cell] as number, to);
    return changed;
  };
  for (let round = 0, changed = true; changed && round < NARROWING_ROUNDS; round++) {
    changed = false;
    for (const { whole, parts } of relations) {
      // The whole is the sum of its parts; a part, the whole less the others. (Sums taken once
      // per relation: a part narrowed meanwhile only leaves the next ones wider, never wrong.)
      const partsLeast = sumOf(parts, least);
      const partsMost = sumOf(parts, most);
      if (narrow(whole, partsLeast, partsMost)) changed = true;
      for (const part of parts) {
        const othersLeast = partsLeast - (least[part] as number);
        const othersMost = partsMost === Number.POSITIVE_INFINITY ? partsMost : partsMost - (most[part] as number);
        if (narrow(part, (least[whole] as number) - othersMost, (most[whole] as number) - othersLeast)) changed = true;
      }
    }
  }
  return shown.map((_, cell) => [least[cell] as number, most[cell] as number]);
}

const sumOf = (cells: readonly number[], of: readonly number[]) => cells.reduce((sum, cell) => sum + (of[cell] as number), 0);

/**
 * The share part / (part + rest) of a table's counts (cells by index), as it may be shown:
 * exact when the table shows every term; else rounded (`rounded`), and then the same for every
 * content of the table within `known` (`ranges`), so that it tells nothing the table does not:
 * at the finest step for which that holds, and only for 100 meetings or more.
 */
export function shownRate(known: readonly Range[], part: readonly number[], rest: readonly number[]) {
  const total = (cells: readonly number[], end: 0 | 1) => cells.reduce((sum, cell) => sum + (known[cell]?.[end] ?? 0), 0);
  const [partLeast, partMost, restLeast, restMost] = [total(part, 0), total(part, 1), total(rest, 0), total(rest, 1)];
  if (partLeast === partMost && restLeast === restMost) return { rate: rate(partLeast, partLeast + restLeast), rounded: false };
  if (partLeast + restLeast < LARGE_ENOUGH) return { rate: null, rounded: true };
  // The share grows with the part and shrinks as the rest grows: its extremes are at the corners.
  const lowest = partLeast / (partLeast + restMost);
  const highest = partMost === Number.POSITIVE_INFINITY ? 1 : partMost / (partMost + restLeast);
  const step = RATE_STEPS.find((s) => Math.round(lowest / s) === Math.round(highest / s));
  return { rate: step === undefined ? null : Math.round(Math.round(lowest / step) * step * 1000) / 1000, rounded: true };
}

/** A share (0 to 1) of counts all shown; null when the whole is too small to say something. */
export function rate(part: number, whole: number, smallest = SMALLEST_SHOWN): number | null {
  if (whole === 0 || whole < smallest) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

/** An aggregate large enough for a rounded rate even where some of its counts are masked. */
export const LARGE_ENOUGH = 100;
/** The steps a rate over masked counts may be rounded to, finest first. */
const RATE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1];
