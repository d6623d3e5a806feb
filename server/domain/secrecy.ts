// Statistical secrecy for tables of counts shown outside a structure: a count from 1 to 4 could
// point at a person, so it is masked (primary suppression) — and so is whatever would give it
// back by arithmetic on the totals shown beside it (secondary suppression). Pure: the
// dashboards, their CSV and the public statistics all mask through here.

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
 */
export function suppress(cells: readonly number[], relations: readonly Relation[]): boolean[] {
  const hidden = cells.map(tooSmall);
  const memberOf = relationsOfCells(cells.length, relations);
  for (let changed = true; changed; ) {
    changed = false;
    for (let cell = 0; cell < cells.length; cell++) {
      if (!hidden[cell] || hasMove(cells, relations, memberOf, hidden, cell)) continue;
      const next = widening(cells, relations, memberOf, hidden, cell);
      if (next === undefined) continue;
      hidden[next] = true;
      changed = true;
    }
  }
  return hidden;
}

/** For each cell, the relations it stands in. */
function relationsOfCells(size: number, relations: readonly Relation[]): number[][] {
  const memberOf = Array.from({ length: size }, () => [] as number[]);
  relations.forEach((r, i) => {
    for (const cell of [r.whole, ...r.parts]) memberOf[cell]?.push(i);
  });
  return memberOf;
}

/**
 * The shown cell to mask next for `cell`: among the non-zero ones sharing a relation with it or
 * with a cell masked beside it, the smallest that gives it a move; failing one, the smallest of
 * its own relations (the next round looks further).
 */
function widening(
  cells: readonly number[],
  relations: readonly Relation[],
  memberOf: readonly number[][],
  hidden: boolean[],
  cell: number,
): number | undefined {
  const near = new Set<number>();
  const around = (c: number) => (memberOf[c] ?? []).flatMap((r) => [relations[r]?.whole ?? c, ...(relations[r]?.parts ?? [])]);
  for (const c of around(cell)) {
    near.add(c);
    if (hidden[c]) for (const d of around(c)) near.add(d);
  }
  const candidates = [...near]
    .filter((c) => !hidden[c] && (cells[c] ?? 0) > 0)
    .sort((a, b) => (cells[a] ?? 0) - (cells[b] ?? 0) || a - b);
  for (const candidate of candidates) {
    hidden[candidate] = true;
    const protects = hasMove(cells, relations, memberOf, hidden, cell);
    hidden[candidate] = false;
    if (protects) return candidate;
  }
  const own = new Set(around(cell));
  return candidates.find((c) => own.has(c)) ?? candidates[0];
}

/** Steps of a move's search before it gives up (and masks more: the safe side). */
const BUDGET = 20_000;

/**
 * Whether a masked cell has a move (see `suppress`): +1 or −1 on it, then, relation by
 * relation, a masked member of each unbalanced one changed by one to balance it, without any
 * masked count going under 1 — until every relation holds.
 */
export function hasMove(
  cells: readonly number[],
  relations: readonly Relation[],
  memberOf: readonly number[][],
  hidden: readonly boolean[],
  cell: number,
): boolean {
  let steps = 0;
  const delta = new Map<number, number>();
  const imbalance = (r: Relation) => (delta.get(r.whole) ?? 0) - r.parts.reduce((sum, part) => sum + (delta.get(part) ?? 0), 0);
  const feasible = (c: number, d: number) => hidden[c] === true && !delta.has(c) && (cells[c] ?? 0) + d >= 1;

  const search = (): boolean => {
    if (++steps > BUDGET) return false;
    let open: Relation | undefined;
    for (const c of delta.keys()) {
      open = (memberOf[c] ?? []).map((r) => relations[r] as Relation).find((r) => imbalance(r) !== 0);
      if (open) break;
    }
    if (!open) return true;
    const need = Math.sign(imbalance(open));
    // A part raised (or the whole lowered) by one brings the imbalance one nearer to 0.
    const options: [number, number][] = [...open.parts.map((p): [number, number] => [p, need]), [open.whole, -need]];
    for (const [c, d] of options) {
      if (!feasible(c, d)) continue;
      delta.set(c, d);
      if (search()) return true;
      delta.delete(c);
    }
    return false;
  };

  for (const d of [1, -1]) {
    if (!feasible(cell, d)) continue;
    delta.set(cell, d);
    if (search()) return true;
    delta.delete(cell);
  }
  return false;
}

/**
 * A share (0 to 1) of counts some of which may be masked. Shown only when the denominator says
 * something (`smallest`); when a term is masked, only for an aggregate of 100 or more, and rounded
 * to a step wide enough that the count behind it could be five more or five less: the rate tells
 * the trend, never a small count.
 */
export function rate(part: number, whole: number, options: { masked?: boolean; smallest?: number } = {}): number | null {
  if (whole === 0 || whole < (options.smallest ?? SMALLEST_SHOWN)) return null;
  const share = part / whole;
  if (!options.masked) return Math.round(share * 1000) / 1000;
  if (whole < LARGE_ENOUGH) return null;
  // Five counts either side of the value shown, even at 0 %.
  const step = RATE_STEPS.find((s) => (s * whole) / 2 >= SMALLEST_SHOWN) ?? 1;
  return Math.round(Math.round(share / step) * step * 1000) / 1000;
}

/** An aggregate large enough for a rounded rate even where some of its counts are masked. */
export const LARGE_ENOUGH = 100;
/** The steps a rate over masked counts is rounded to: the first that spans five counts. */
const RATE_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
