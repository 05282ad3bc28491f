import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {mapCells, peerDistribution, type MapCell, type PeerBin} from "../../loaders/benchmark/peer-bins.ts";

/** 1, 2, ..., n. */
const upTo = (n: number) => Array.from({length: n}, (_, i) => i + 1);

function expectBins(actual: readonly PeerBin[] | undefined, expected: PeerBin[]) {
  expect(actual?.map((b) => b.n)).toEqual(expected.map((b) => b.n));
  expected.forEach((b, i) => {
    expect(actual![i]!.x0).toBeCloseTo(b.x0, 9);
    expect(actual![i]!.x1).toBeCloseTo(b.x1, 9);
  });
}

// Sized by case count (no test timeout): arrays up to 200 organisations, 200 runs, seeded.
const RUNS = {numRuns: 200, seed: 20260517};

describe("peerDistribution", () => {
  const tooFew: [string, number[]][] = [
    ["four organisations", [1, 2, 3, 4]],
    ["no organisation", []],
    ["four finite values and a NaN", [1, 2, 3, 4, Number.NaN]],
    ["four finite values and an infinity", [1, 2, 3, 4, Number.POSITIVE_INFINITY]],
  ];
  for (const [name, values] of tooFew) {
    it(`is null under minPerBin: ${name}`, () => expect(peerDistribution(values, {minPerBin: 5})).toBeNull());
  }

  it("cuts ten organisations into two bins at the midpoint, outer edges at P5 and P95", () => {
    // Sorted 1..10: the inner edge is (5 + 6) / 2; P5 at h = 9 * 0.05 = 0.45 is 1 + 0.45 * (2 - 1),
    // P95 at h = 9 * 0.95 = 8.55 is 9 + 0.55 * (10 - 9).
    const d = peerDistribution([7, 3, 10, 1, 5, 9, 2, 8, 6, 4], {minPerBin: 5});
    expectBins(d?.bins, [
      {x0: 1.45, x1: 5.5, n: 5},
      {x0: 5.5, x1: 9.55, n: 5},
    ]);
  });

  it("caps the number of bins at maxBins", () => {
    // 1..100 in 4 bins of 25: inner edges 25.5, 50.5, 75.5; P5 at h = 4.95 is 5.95, P95 at h = 94.05 is 95.05.
    const d = peerDistribution(upTo(100), {minPerBin: 5, maxBins: 4});
    expectBins(d?.bins, [
      {x0: 5.95, x1: 25.5, n: 25},
      {x0: 25.5, x1: 50.5, n: 25},
      {x0: 50.5, x1: 75.5, n: 25},
      {x0: 75.5, x1: 95.05, n: 25},
    ]);
  });

  it("keeps the outer bins from collapsing when each bin holds about 5% of the group", () => {
    // 1..100 in 20 bins of 5: P5 (5.95) lies past the first inner edge (5.5) and P95 (95.05)
    // before the last one (95.5); the outer edges fall back to the middle of their bin,
    // (2 + 3) / 2 and (98 + 99) / 2.
    const bins = peerDistribution(upTo(100), {minPerBin: 5})!.bins;
    expect(bins).toHaveLength(20);
    expectBins(
      [bins[0]!, bins[1]!, bins[18]!, bins[19]!],
      [
        {x0: 2.5, x1: 5.5, n: 5},
        {x0: 5.5, x1: 10.5, n: 5},
        {x0: 90.5, x1: 95.5, n: 5},
        {x0: 95.5, x1: 98.5, n: 5},
      ],
    );
  });

  const counts: [number, number, number[]][] = [
    [5, 5, [5]],
    [9, 5, [9]],
    [11, 5, [6, 5]],
    [12, 5, [6, 6]],
    [17, 5, [6, 5, 6]],
    [21, 10, [11, 10]],
  ];
  for (const [n, minPerBin, expected] of counts) {
    it(`shares ${n} organisations at ${minPerBin} per bin as ${expected.join(" + ")}`, () =>
      expect(peerDistribution(upTo(n), {minPerBin})?.bins.map((b) => b.n)).toEqual(expected));
  }

  it("reports quartiles by linear interpolation between order statistics", () => {
    // Sorted 10, 20, 40, 80, 160, 320: h = 5p. P25 at 1.25: 20 + 0.25 * 20; P50 at 2.5: 40 + 0.5 * 40;
    // P75 at 3.75: 80 + 0.75 * 80.
    const d = peerDistribution([160, 10, 320, 40, 20, 80], {minPerBin: 5})!;
    expect(d.n).toBe(6);
    expect(d.p25).toBeCloseTo(25, 9);
    expect(d.p50).toBeCloseTo(60, 9);
    expect(d.p75).toBeCloseTo(140, 9);
  });

  it("gives every bin at least minPerBin organisations, and the bins add up to the group", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}), {maxLength: 200}),
        fc.integer({min: 1, max: 12}),
        fc.integer({min: 1, max: 25}),
        (values, minPerBin, maxBins) => {
          const d = peerDistribution(values, {minPerBin, maxBins});
          if (values.length < minPerBin) {
            expect(d).toBeNull();
            return;
          }
          expect(d!.n).toBe(values.length);
          expect(d!.bins.length).toBeLessThanOrEqual(maxBins);
          for (const b of d!.bins) expect(b.n).toBeGreaterThanOrEqual(minPerBin);
          expect(d!.bins.reduce((s, b) => s + b.n, 0)).toBe(values.length);
        },
      ),
      RUNS,
    );
  });

  it("orders the bins and leaves no gap or overlap between them", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}), {minLength: 1, maxLength: 200}),
        fc.integer({min: 1, max: 12}),
        (values, minPerBin) => {
          const bins = peerDistribution(values, {minPerBin})?.bins ?? [];
          bins.forEach((b, i) => {
            expect(b.x0).toBeLessThanOrEqual(b.x1);
            if (i > 0) expect(b.x0).toBe(bins[i - 1]!.x1);
          });
        },
      ),
      RUNS,
    );
  });

  it("puts no edge on an organisation's own value: inner edges between neighbours, outer edges inside the range", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({min: -1e6, max: 1e6}), {minLength: 2, maxLength: 200}),
        fc.integer({min: 1, max: 12}),
        (values, minPerBin) => {
          fc.pre(values.length >= minPerBin);
          const sorted = [...values].sort((a, b) => a - b);
          const bins = peerDistribution(values, {minPerBin})!.bins;
          for (const b of bins.slice(1)) {
            // The inner edge lies strictly between two neighbouring values, so it is none of them.
            const above = sorted.findIndex((v) => v > b.x0);
            expect(above).toBeGreaterThan(0);
            expect(sorted[above - 1]).toBeLessThan(b.x0);
          }
          expect(bins[0]!.x0).toBeGreaterThan(sorted[0]!);
          expect(bins.at(-1)!.x1).toBeLessThan(sorted.at(-1)!);
        },
      ),
      RUNS,
    );
  });
});

type Point = {x: number; y: number; archetype: string | null};

const byCorner = (a: MapCell, b: MapCell) => a.x0 - b.x0 || a.y0 - b.y0;

describe("mapCells", () => {
  // x and y span 0..10: a 2 x 2 grid has cells 5 wide and 5 high.
  const points: Point[] = [
    {x: 0, y: 0, archetype: "a"},
    {x: 1, y: 1, archetype: "a"},
    {x: 2, y: 2, archetype: "b"},
    {x: 6, y: 1, archetype: "b"},
    {x: 7, y: 2, archetype: "b"},
    {x: 8, y: 3, archetype: "c"},
    {x: 9, y: 4, archetype: null},
    {x: 9, y: 9, archetype: "c"},
    {x: 10, y: 10, archetype: "c"},
  ];
  const result = mapCells(points, {size: 2, minPerCell: 3});

  it("drops cells under minPerCell and counts their points as left out", () => {
    // The top-right cell holds (9, 9) and (10, 10) only: the maximum falls in the last cell.
    expect(result.left_out).toBe(2);
    expect(result.cells.map((c) => [c.x0, c.y0, c.n]).sort()).toEqual([
      [0, 0, 3],
      [5, 0, 4],
    ]);
  });

  it("gives each kept cell its grid bounds and its majority archetype", () => {
    expect([...result.cells].sort(byCorner)).toEqual([
      {x0: 0, x1: 5, y0: 0, y1: 5, n: 3, archetype: "a"},
      {x0: 5, x1: 10, y0: 0, y1: 5, n: 4, archetype: "b"},
    ]);
  });

  it("returns no cell for no point", () => expect(mapCells([])).toEqual({cells: [], left_out: 0}));

  it("keeps a panel gathered on one point as one cell of unit width", () => {
    const same = Array.from({length: 5}, () => ({x: 2, y: 3, archetype: "a"}));
    expect(mapCells(same, {minPerCell: 5})).toEqual({
      cells: [{x0: 2, x1: 3, y0: 3, y1: 4, n: 5, archetype: "a"}],
      left_out: 0,
    });
  });

  it("keeps at least minPerCell points in every cell and accounts for every point", () => {
    const point = fc.record({
      x: fc.double({min: -100, max: 100, noNaN: true}),
      y: fc.double({min: -100, max: 100, noNaN: true}),
      archetype: fc.constantFrom("a", "b", "c", null),
    });
    fc.assert(
      fc.property(
        fc.array(point, {maxLength: 200}),
        fc.integer({min: 1, max: 10}),
        fc.integer({min: 1, max: 10}),
        (pts, size, minPerCell) => {
          const {cells, left_out} = mapCells(pts, {size, minPerCell});
          for (const c of cells) expect(c.n).toBeGreaterThanOrEqual(minPerCell);
          expect(cells.reduce((s, c) => s + c.n, 0) + left_out).toBe(pts.length);
        },
      ),
      RUNS,
    );
  });
});
