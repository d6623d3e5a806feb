import fc from "fast-check";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/helpers/property-runs.ts";
import { type Range, type Relation, ranges, shownRate, suppress } from "./secrecy.ts";
import { type Activity, type Channel, emptyActivity, type ShownActivity, shownActivityTable } from "./statistics.ts";

// Secondary suppression, proven on random tables by an exact solver independent of the
// suppression's own search: for each masked cell, the least and the most it can be in a content
// of the table agreeing with everything shown — the relations, the shown counts, every masked
// count a whole number of at least 1 — by integer linear programming (HiGHS). If both are its
// value, the cell could be worked out by arithmetic.
const highs = await loadHighs();

/** The masked cells whose value the shown table determines. */
function derivable(cells: readonly number[], relations: readonly Relation[], hidden: readonly boolean[]): number[] {
  const name = (cell: number) => `x${cell}`;
  const constraints = relations.flatMap(({ whole, parts }, i) => {
    let constant = 0;
    const terms: string[] = [];
    for (const [cell, sign] of [[whole, 1] as const, ...parts.map((p) => [p, -1] as const)]) {
      if (hidden[cell]) terms.push(`${sign > 0 ? "+" : "-"} ${name(cell)}`);
      else constant -= sign * (cells[cell] as number);
    }
    return terms.length ? [` r${i}: ${terms.join(" ")} = ${constant}`] : [];
  });
  const masked = cells.flatMap((_, cell) => (hidden[cell] ? [cell] : []));
  // No masked count can exceed this, so that every program has an optimum.
  const ceiling = 2 * cells.reduce((a, b) => a + b, 0) + 5;
  const program = (sense: string, cell: number) =>
    [
      sense,
      ` obj: ${name(cell)}`,
      "Subject To",
      ...constraints,
      "Bounds",
      ...masked.map((c) => ` 1 <= ${name(c)} <= ${ceiling}`),
      "General",
      ` ${masked.map(name).join(" ")}`,
      "End",
    ].join("\n");
  // Each content found shows every cell it changes to be free: most cells need no program of their own.
  const free = new Set<number>();
  return masked.filter((cell) => {
    for (const sense of ["Maximize", "Minimize"]) {
      if (free.has(cell)) return false;
      const solution = highs.solve(program(sense, cell), { mip_rel_gap: 0, output_flag: false });
      if (solution.Status !== "Optimal") throw new Error(`HiGHS: ${solution.Status}`);
      for (const c of masked) if (Math.round(solution.Columns[name(c)]?.Primal ?? Number.NaN) !== cells[c]) free.add(c);
    }
    return !free.has(cell);
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

/** A count of a row of activity, as counted or as shown (null where masked). */
const countOf = (a: Activity | ShownActivity, name: string): number | null =>
  name in a.channels ? a.channels[name as Channel] : a[name as "booked"];

/** A row's outcomes and channels add up to its appointments. */
const rowRelations = (at: (r: number, name: string) => number, r: number): Relation[] => [
  { whole: at(r, "booked"), parts: ["honoured", "noShow", "excused", "unmarked", "cancelled"].map((n) => at(r, n)) },
  { whole: at(r, "booked"), parts: ["online", "reception", "referral", "advisor"].map((n) => at(r, n)) },
];

/** The table's cells and relations as shownActivityTable builds them, and what it masked. */
function asCells(rows: Activity[], total: Activity, split: boolean) {
  const all = [...rows, total];
  const cells = all.flatMap((a) => COUNTS.map((name) => countOf(a, name) as number));
  const at = (r: number, name: string) => r * COUNTS.length + COUNTS.indexOf(name);
  const relations: Relation[] = all.flatMap((_, r) => rowRelations(at, r));
  if (split && rows.length > 1) {
    for (const name of COUNTS) relations.push({ whole: at(rows.length, name), parts: rows.map((_, r) => at(r, name)) });
  }
  const shown = shownActivityTable(total, [{ rows, splitTotal: split }]);
  const hidden = [...(shown.breakdowns[0] ?? []), shown.total].flatMap((s) => COUNTS.map((name) => countOf(s, name) === null));
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
      { numRuns: propertyRuns(300) },
    );
  });

  it("nor of rows that overlap (a structure in two territories), nor of a total split several ways (referrals and flows)", () => {
    fc.assert(
      fc.property(activityTables, (rows) => {
        const { cells, relations, hidden } = asCells(rows, rows[0] as Activity, false);
        expect(derivable(cells, relations, hidden)).toEqual([]);
      }),
      { numRuns: propertyRuns(150) },
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
      { numRuns: propertyRuns(300) },
    );
  });

  it("nor of two breakdowns of the same total read together (by month and by network)", () => {
    const outcomes = ["honoured", "honoured", "honoured", "noShow", "excused", "unmarked", "cancelled"] as const;
    const channels = ["online", "online", "reception", "referral", "advisor"] as const;
    const appointments = fc.array(
      fc.record({
        month: fc.nat({ max: 3 }),
        network: fc.nat({ max: 2 }),
        outcome: fc.constantFrom(...outcomes),
        channel: fc.constantFrom(...channels),
      }),
      { minLength: 5, maxLength: 40 },
    );
    fc.assert(
      fc.property(appointments, (list) => {
        const count = (of: typeof list): Activity => {
          const a = emptyActivity();
          for (const { outcome, channel } of of) {
            a.booked += 1;
            a[outcome] += 1;
            a.channels[channel] += 1;
          }
          return a;
        };
        const months = [0, 1, 2, 3].map((m) => count(list.filter((a) => a.month === m)));
        const networks = [0, 1, 2].map((n) => count(list.filter((a) => a.network === n)));
        const total = count(list);
        const shown = shownActivityTable(total, [
          { rows: months, splitTotal: true },
          { rows: networks, splitTotal: true },
        ]);
        // The whole of what is published, as one table: the total, then the months, then the networks.
        const all = [total, ...months, ...networks];
        const cells = all.flatMap((a) => COUNTS.map((name) => countOf(a, name) as number));
        const hidden = [shown.total, ...shown.breakdowns.flat()].flatMap((s) => COUNTS.map((name) => countOf(s, name) === null));
        const at = (r: number, name: string) => r * COUNTS.length + COUNTS.indexOf(name);
        const relations: Relation[] = all.flatMap((_, r) => rowRelations(at, r));
        for (const rows of [
          [1, 2, 3, 4],
          [5, 6, 7],
        ]) {
          for (const name of COUNTS) relations.push({ whole: at(0, name), parts: rows.map((r) => at(r, name)) });
        }
        expect(derivable(cells, relations, hidden)).toEqual([]);
      }),
      { numRuns: propertyRuns(60) },
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
      return shownActivityTable(row, [{ rows: [row], splitTotal: true }]).total;
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
        const known = ranges(
          cells.map((c, i) => (hidden[i] ? null : c)),
          relations,
        );
        cells.forEach((c, i) => {
          const [least, most] = known[i] as Range;
          expect(c).toBeGreaterThanOrEqual(least);
          expect(c).toBeLessThanOrEqual(most);
          if (!hidden[i]) expect([least, most]).toEqual([c, c]);
          // Else not pinned: the masking left it a move.
          else expect(most).toBeGreaterThan(least);
        });
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
