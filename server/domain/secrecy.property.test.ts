import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mask, type Range, type Relation, shownRate, suppress } from "./secrecy.ts";
import { type Activity, emptyActivity, shownActivityTable } from "./statistics.ts";

// Secondary suppression, proven on random tables by an exact solver independent of the
// suppression's own search: for each masked cell, another content of the table agreeing with
// everything shown — the relations, the shown counts, every masked count at least 1 — in which
// that cell differs. If there is none, the cell could be worked out by arithmetic.

interface Linear {
  /** Σ coefficient × variable = constant. */
  terms: [variable: number, coefficient: number][];
  constant: number;
}

/**
 * Whether integers within the bounds satisfy every equation: bounds propagated to a fixed
 * point, then the narrowest variable split in two. Exact for these small tables.
 */
function solvable(equations: readonly Linear[], bounds: [number, number][]): boolean {
  const lo = bounds.map((b) => b[0]);
  const hi = bounds.map((b) => b[1]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { terms, constant } of equations) {
      for (const [v, a] of terms) {
        let min = constant;
        let max = constant;
        for (const [w, b] of terms) {
          if (w === v) continue;
          // constant − Σ b·w over the others' bounds.
          min -= b > 0 ? b * (hi[w] as number) : b * (lo[w] as number);
          max -= b > 0 ? b * (lo[w] as number) : b * (hi[w] as number);
        }
        const [from, to] = a > 0 ? [Math.ceil(min / a), Math.floor(max / a)] : [Math.ceil(max / a), Math.floor(min / a)];
        if (from > (lo[v] as number)) {
          lo[v] = from;
          changed = true;
        }
        if (to < (hi[v] as number)) {
          hi[v] = to;
          changed = true;
        }
        if ((lo[v] as number) > (hi[v] as number)) return false;
      }
    }
  }
  const open = lo.findIndex((l, v) => l !== hi[v]);
  if (open < 0) return true;
  const middle = Math.floor(((lo[open] as number) + (hi[open] as number)) / 2);
  const bounded = (from: number, to: number) =>
    lo.map((l, v): [number, number] => (v === open ? [from, to] : [l, hi[v] as number]));
  return solvable(equations, bounded(lo[open] as number, middle)) || solvable(equations, bounded(middle + 1, hi[open] as number));
}

/** The masked cells whose value the shown table determines. */
function derivable(cells: readonly number[], relations: readonly Relation[], hidden: readonly boolean[]): number[] {
  const variables = cells.map((_, i) => i).filter((i) => hidden[i]);
  const index = new Map(variables.map((cell, v) => [cell, v]));
  const equations: Linear[] = relations.map(({ whole, parts }) => {
    const terms: [number, number][] = [];
    let constant = 0;
    for (const [cell, sign] of [[whole, 1] as const, ...parts.map((p) => [p, -1] as const)]) {
      const v = index.get(cell);
      if (v === undefined) constant -= sign * (cells[cell] as number);
      else terms.push([v, sign]);
    }
    return { terms, constant };
  });
  const ceiling = 2 * cells.reduce((a, b) => a + b, 0) + 5;
  return variables.filter((cell, v) => {
    const value = cells[cell] as number;
    const bounds = variables.map((): [number, number] => [1, ceiling]);
    const below = bounds.map((b, w): [number, number] => (w === v ? [1, value - 1] : b));
    const above = bounds.map((b, w): [number, number] => (w === v ? [value + 1, ceiling] : b));
    return !(value > 1 && solvable(equations, below)) && !solvable(equations, above);
  });
}

const count = fc.integer({ min: 0, max: 9 });

/** A table of activity: rows of outcomes and channels adding up to their appointments, and their total. */
const activityTables = fc
  .array(
    fc.record({
      outcomes: fc.tuple(count, count, count, count, count),
      split: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((rows) =>
    rows.map(({ outcomes: [honoured, noShow, excused, unmarked, cancelled], split }) => {
      const booked = honoured + noShow + excused + unmarked + cancelled;
      // The same appointments by channel: a split of the booked count.
      const cuts = split.map((s) => s % (booked + 1)).sort((a, b) => a - b);
      const [a = 0, b = 0, c = 0] = cuts;
      const channels = { online: a, reception: b - a, referral: c - b, advisor: booked - c };
      return { ...emptyActivity(), booked, honoured, noShow, excused, unmarked, cancelled, channels } satisfies Activity;
    }),
  );

const COUNTS = ["booked", "honoured", "noShow", "excused", "unmarked", "cancelled", "online", "reception", "referral", "advisor"];

/** The table's cells and relations as shownActivityTable builds them, and what it masked. */
function asCells(rows: Activity[], total: Activity, split: boolean) {
  const all = [...rows, total];
  const value = (a: Activity, name: string) =>
    name in a.channels ? a.channels[name as keyof Activity["channels"]] : (a[name as keyof Activity] as number);
  const cells = all.flatMap((a) => COUNTS.map((name) => value(a, name)));
  const at = (r: number, name: string) => r * COUNTS.length + COUNTS.indexOf(name);
  const relations: Relation[] = all.flatMap((_, r) => [
    { whole: at(r, "booked"), parts: ["honoured", "noShow", "excused", "unmarked", "cancelled"].map((n) => at(r, n)) },
    { whole: at(r, "booked"), parts: ["online", "reception", "referral", "advisor"].map((n) => at(r, n)) },
  ]);
  if (split && rows.length > 1) {
    for (const name of COUNTS) relations.push({ whole: at(rows.length, name), parts: rows.map((_, r) => at(r, name)) });
  }
  const shown = shownActivityTable(rows, total, split);
  const hidden = [...shown.rows, shown.total].flatMap((s) =>
    COUNTS.map((name) => (name in s.channels ? s.channels[name as keyof typeof s.channels] : s[name as "booked"]) === null),
  );
  return { cells, relations, hidden };
}

const sum = (rows: Activity[]): Activity => {
  const total = emptyActivity();
  for (const r of rows) {
    for (const name of ["booked", "honoured", "noShow", "excused", "unmarked", "cancelled"] as const) total[name] += r[name];
    for (const name of ["online", "reception", "referral", "advisor"] as const) total.channels[name] += r.channels[name];
  }
  return total;
};

describe("secondary suppression (property)", () => {
  it("leaves no masked count of a table of activity derivable from what is shown", () => {
    fc.assert(
      fc.property(activityTables, (rows) => {
        const { cells, relations, hidden } = asCells(rows, sum(rows), true);
        expect(derivable(cells, relations, hidden)).toEqual([]);
        // Every count from 1 to 4 is masked.
        cells.forEach((c, i) => {
          if (c > 0 && c < 5) expect(hidden[i]).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("nor of rows that overlap (a structure in two territories), nor of a total split several ways (referrals and flows)", () => {
    fc.assert(
      fc.property(activityTables, (rows) => {
        const { cells, relations, hidden } = asCells(rows, rows[0] as Activity, false);
        expect(derivable(cells, relations, hidden)).toEqual([]);
      }),
      { numRuns: 150 },
    );
    const splits = fc.tuple(fc.array(count, { minLength: 1, maxLength: 6 }), fc.array(count, { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(splits, ([statuses, flows]) => {
        const total = statuses.reduce((a, b) => a + b, 0);
        // The flows share out the same total: the last one takes the rest.
        const scaled = flows.map((f) => Math.min(f, total));
        let left = total;
        const flowCells = scaled.map((f, i) => {
          const cell = i === scaled.length - 1 ? left : Math.min(f, left);
          left -= cell;
          return cell;
        });
        const cells = [total, ...statuses, ...flowCells];
        const relations: Relation[] = [
          { whole: 0, parts: statuses.map((_, i) => i + 1) },
          { whole: 0, parts: flowCells.map((_, i) => statuses.length + 1 + i) },
        ];
        expect(derivable(cells, relations, suppress(cells, relations))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is what the solver finds: the case of the issue, 8 = 6 + two masked", () => {
    const cells = [8, 6, 1, 1, 0];
    const relations = [{ whole: 0, parts: [1, 2, 3, 4] }];
    // Primary masking alone: both 1s are worked out (each at least 1, and they add up to 2).
    expect(derivable(cells, relations, [false, false, true, true, false])).toEqual([2, 3]);
    expect(derivable(cells, relations, suppress(cells, relations))).toEqual([]);
  });
});

describe("rates over masked counts", () => {
  it("tell nothing of a masked count: every content of the table as shown gives the same rate", () => {
    // 300 meetings, 291 honoured: no-shows and excused add up to 9 and are both masked. A rate
    // rounded to 5 % would be 5 % for 8 no-shows and 0 % for 7 or fewer: it pinned the 8.
    const table = (noShow: number) => {
      const row = { ...emptyActivity(), booked: 300, honoured: 291, noShow, excused: 9 - noShow };
      row.channels.online = 300;
      return shownActivityTable([row], row, true).total;
    };
    const shown = [1, 2, 3, 4, 5, 6, 7, 8].map(table);
    for (const other of shown) {
      expect(other).toMatchObject({ noShow: null, excused: null, noShowRateRounded: true });
      expect(other.noShowRate).toBe(shown[0]?.noShowRate);
    }
  });

  it("are rounded only as coarsely as what the table tells of their terms requires, and for 100 meetings or more", () => {
    const known: Range[] = [
      [291, 291],
      [1, 8],
      [1, 8],
      [2, 3],
      [90, 90],
    ];
    expect(shownRate(known, [1], [0, 2])).toEqual({ rate: 0, rounded: true });
    // From 94.8 % to 99.3 %: across a boundary even at 10 %, so not shown.
    expect(shownRate(known, [0], [1, 2])).toEqual({ rate: null, rounded: true });
    // 291 / (291 + 4 to 6): from 98.0 % to 98.7 %, the same at 2 %.
    expect(shownRate(known, [0], [3, 3])).toEqual({ rate: 0.98, rounded: true });
    expect(shownRate(known, [0], [4])).toEqual({ rate: 0.764, rounded: false });
    // 92 to 93 meetings: too few for a rounded rate.
    expect(shownRate(known, [3], [4])).toEqual({ rate: null, rounded: true });
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 0, max: 5000 }),
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 0, max: 5000 }),
          fc.integer({ min: 0, max: 60 }),
        ),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        ([partLeast, partWidth, restLeast, restWidth], [x, y]) => {
          const box: Range[] = [
            [partLeast, partLeast + partWidth],
            [restLeast, restLeast + restWidth],
          ];
          const { rate } = shownRate(box, [0], [1]);
          if (rate === null) return;
          expect(partLeast + restLeast).toBeGreaterThanOrEqual(100);
          // Any content within the ranges is near the rate shown (within half the coarsest step).
          const part = partLeast + Math.round(x * partWidth);
          const rest = restLeast + Math.round(y * restWidth);
          expect(Math.abs(rate - part / (part + rest))).toBeLessThanOrEqual(0.05 + 1e-9);
        },
      ),
    );
  });

  it("rest on ranges that every content of the table agreeing with what is shown lies within", () => {
    fc.assert(
      fc.property(activityTables, (rows) => {
        const { cells, relations, hidden } = asCells(rows, sum(rows), true);
        const { known } = mask(cells, relations);
        expect(mask(cells, relations).hidden).toEqual(hidden);
        cells.forEach((c, i) => {
          const [least, most] = known[i] as Range;
          expect(c).toBeGreaterThanOrEqual(least);
          expect(c).toBeLessThanOrEqual(most);
          if (!hidden[i]) expect([least, most]).toEqual([c, c]);
          // Else not pinned: the masking left it a move.
          else expect(most).toBeGreaterThan(least);
        });
      }),
      { numRuns: 200 },
    );
  });
});
