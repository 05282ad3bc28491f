import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  buildCube,
  DEFAULT_CUBES,
  mergedHistogramSql,
  cellSpec,
  histSpec,
} from "../../loaders/metrics/aggregate.ts";
import {
  EPSILON,
  add,
  bucketOf,
  fromRows,
  merge,
  quantile,
  representative,
  total,
  type Histogram,
} from "../../loaders/metrics/histogram.ts";
import {prepare} from "../../loaders/metrics/prepare.ts";
import {kpi} from "../../loaders/metrics/registry.ts";
import {runKpi} from "../../loaders/metrics/run.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {seededDataset} from "./dataset.ts";
import {load} from "./helpers.ts";

/** quantile_cont, written out: linear interpolation between order statistics. */
function quantileCont(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const k = Math.floor(pos);
  return s[k]! + (pos - k) * ((s[k + 1] ?? s[k]!) - s[k]!);
}

const histogramOf = (xs: number[]): Histogram => xs.reduce((h, x) => add(h, x), new Map() as Histogram);
const durations = fc.array(
  fc.oneof(fc.constant(0), fc.double({min: 1e-3, max: 1e6, noNaN: true, noDefaultInfinity: true})),
  {minLength: 1, maxLength: 300},
);
// Relative slack for floating rounding in log/pow at bucket edges.
const SLACK = 1e-9;

describe("log-bucket histograms", () => {
  it("represents every value within EPSILON of itself", () => {
    fc.assert(
      fc.property(fc.double({min: 1e-6, max: 1e9, noNaN: true}), (x) => {
        expect(Math.abs(representative(bucketOf(x)) - x)).toBeLessThanOrEqual((EPSILON + SLACK) * x);
      }),
    );
  });

  it("states its bound: EPSILON = (1.01 - 1) / (1.01 + 1), about 0.5 %", () => {
    expect(EPSILON).toBeCloseTo(0.004975, 6);
  });

  it("estimates any quantile within EPSILON of quantile_cont", () => {
    fc.assert(
      fc.property(durations, fc.double({min: 0, max: 1, noNaN: true}), (xs, q) => {
        const exact = quantileCont(xs, q);
        const est = quantile(histogramOf(xs), q)!;
        expect(Math.abs(est - exact)).toBeLessThanOrEqual((EPSILON + SLACK) * exact + 1e-12);
      }),
    );
  });

  it("merges exactly: the merged histogram equals the histogram of the union", () => {
    fc.assert(
      fc.property(durations, durations, (a, b) => {
        expect(merge(histogramOf(a), histogramOf(b))).toEqual(histogramOf([...a, ...b]));
      }),
    );
  });

  it("keeps zero exact and gives null for an empty histogram", () => {
    expect(quantile(histogramOf([0, 0, 0]), 0.5)).toBe(0);
    expect(quantile(new Map(), 0.5)).toBeNull();
  });

  it("rejects negative and non-finite durations", () => {
    expect(() => bucketOf(-1)).toThrow(RangeError);
    expect(() => bucketOf(Number.NaN)).toThrow(RangeError);
  });
});

describe("pre-aggregated cubes", () => {
  const prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});

  it("cell counters add up to the KPI numerators and denominators, for any cut", async () => {
    const cube = buildCube(prepared.tickets, DEFAULT_CUBES.main!);
    const runner = await load({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
    for (const by of ["channel", "group", "priority", "type", "month"] as const) {
      const col = {
        channel: "channel",
        group: "group_name",
        priority: "priority",
        type: "type",
        month: "created_month",
      }[by];
      for (const [id, num, den] of [
        ["one_touch", "one_touch_num", "one_touch_den"],
        ["reopen_rate", "reopen_num", "reopen_den"],
        ["target_attainment", "target_num", "target_den"],
      ] as const) {
        for (const r of (await runKpi(runner, kpi(id), {by})).rows) {
          const cells = cube.cells.filter((c) => c[col] === r.cut);
          expect(cells.reduce((s, c) => s + Number(c[num]), 0)).toBe(r.numerator);
          expect(cells.reduce((s, c) => s + Number(c[den]), 0)).toBe(r.n);
        }
      }
    }
  });

  it("merged cell histograms give percentiles within EPSILON of the ticket-level SQL", async () => {
    const cube = buildCube(prepared.tickets, DEFAULT_CUBES.main!);
    const db = await NativeRunner.create();
    await db.load(cellSpec("agg_cells", cube.dims), cube.cells);
    await db.load(histSpec("agg_hist"), cube.hist);
    const runner = await load({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
    for (const metric of ["first_reply", "full_resolution", "requester_wait"]) {
      const exact = (await runKpi(runner, kpi(metric), {by: "channel"})).rows;
      for (const r of exact) {
        const where = `c.channel = '${r.cut}'`;
        const h = fromRows(
          await db.query(mergedHistogramSql("agg_cells", "agg_hist", metric, "calendar", where)),
        );
        expect(total(h)).toBe(r.n);
        if (r.insufficient) continue;
        for (const [q, col] of [
          [0.5, "p50"],
          [0.9, "p90"],
        ] as const) {
          const e = Number(r[col]);
          expect(Math.abs(quantile(h, q)! - e)).toBeLessThanOrEqual((EPSILON + SLACK) * e);
        }
      }
    }
    db.close();
  });

  it("tag cubes hold one cell per tag and month", () => {
    const cube = buildCube(prepared.tickets, DEFAULT_CUBES.tag!, {tags: prepared.ticket_tags});
    const tagged = new Set(prepared.ticket_tags.map((t) => t.ticket_id)).size;
    const untagged = prepared.tickets.length - tagged;
    const sum = cube.cells.reduce((s, c) => s + Number(c.tickets), 0);
    expect(sum).toBe(prepared.ticket_tags.length + untagged);
  });
});
