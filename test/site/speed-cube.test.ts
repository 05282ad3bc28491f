import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EPSILON, seriesOf} from "../../loaders/metrics/aggregate.ts";
import {loadCubeTables} from "../../loaders/metrics/cube-tables.ts";
import {bucketOf, representative, ZERO_BUCKET} from "../../loaders/metrics/histogram.ts";
import {loadPrepared, prepare, type Prepared} from "../../loaders/metrics/prepare.ts";
import {NativeRunner} from "../../loaders/node/duckdb-native.ts";
import {DEFAULT_FILTERS, type Filters} from "../../src/components/filters.ts";
import {
  bandBuckets,
  bandOf,
  cubeAttainment,
  cubeCurve,
  cubeDrillCountSql,
  cubeDrillRowsSql,
  cubeHistogram,
  cubeHistogramSql,
  lastBucketWithin,
  lowestOf,
  speedSource,
  type Buckets,
} from "../../src/components/speed-cube.ts";
import {BAND_EDGES, curveGrid, type SpeedCut} from "../../src/components/speed-sql.ts";
import {seededDataset} from "../metrics/dataset.ts";

const B: Buckets = {bucketOf, representative, ZERO_BUCKET, seriesOf};

let db: NativeRunner;
let prepared: Prepared;
beforeAll(async () => {
  prepared = prepare({...seededDataset(), profile: {timezone: "Europe/Paris", agents: null}});
  db = await NativeRunner.create();
  // The ticket tables and the cubes built from them, side by side as on a cube-mode page with rows.
  await loadPrepared(db, prepared);
  await loadCubeTables(db, prepared);
});
afterAll(() => db.close());

const COLUMN = {
  first_reply: "first_reply_minutes",
  full_resolution: "full_resolution_minutes",
  requester_wait: "requester_wait_minutes",
} as const;

/** The cut's counted tickets by hand from the prepared rows: channel and time. */
function counted(c: SpeedCut): {channel: string; v: number}[] {
  const none = (v: unknown) => (v === null ? "(none)" : String(v));
  const accepts = (values: string[], v: unknown) => !values.length || values.includes(none(v));
  const column = `${COLUMN[c.metric]}${c.clock === "business" ? "_business" : ""}`;
  return prepared.tickets
    .filter(
      (t) =>
        String(t.created_date) >= c.period.from &&
        String(t.created_date) <= c.period.to &&
        accepts(c.filters.channel, t.channel) &&
        accepts(c.filters.group, t.group_name) &&
        accepts(c.filters.priority, t.priority) &&
        accepts(c.filters.type, t.type) &&
        (c.metric === "first_reply" || t.solved === true) &&
        typeof t[column] === "number",
    )
    .map((t) => ({channel: String(t.channel), v: t[column] as number}));
}

const CUTS: {name: string; cut: SpeedCut; whole: boolean}[] = [
  {
    name: "channels over the whole span (channel cube)",
    cut: {
      filters: {...DEFAULT_FILTERS, channel: ["email", "chat"]},
      period: {from: "2024-01-01", to: "2024-12-31"},
      metric: "first_reply",
      clock: "calendar",
    },
    whole: true,
  },
  {
    name: "channel, group and (none) over two months (main cube)",
    cut: {
      filters: {...DEFAULT_FILTERS, channel: ["email", "web", "chat"], group: ["tier1", "(none)"]},
      period: {from: "2024-03-01", to: "2024-04-30"},
      metric: "first_reply",
      clock: "calendar",
    },
    whole: false,
  },
  {
    name: "resolution on business hours, priority and type",
    cut: {
      filters: {...DEFAULT_FILTERS, priority: ["high", "normal"], type: ["incident", "(none)"]},
      period: {from: "2024-01-01", to: "2024-12-31"},
      metric: "full_resolution",
      clock: "business",
    },
    whole: true,
  },
];

describe("the Speed page's distributions from cubes", () => {
  it("read a bucket's time as its representative: bands never split a bucket", () => {
    const ranges = bandBuckets(B);
    expect(ranges).toHaveLength(BAND_EDGES.length);
    ranges.forEach(({first, end}, band) => {
      if (first !== null) {
        expect(bandOf(representative(first)), `band ${band} first`).toBe(band);
        expect(bandOf(representative(first - 1)), `band ${band} before`).toBe(band - 1);
      }
      if (end !== null) expect(bandOf(representative(end)), `band ${band} end`).toBe(band + 1);
    });
  });

  it("pick a bucket's tickets with comparisons alone: v >= lowestOf(b) is bucketOf(v) >= b", () => {
    const times = new Set<number>([0, 5e-324, 1e-9, 0.5, 1.01, 1.0201, 1.01 ** 3]);
    for (const edge of BAND_EDGES) for (const d of [-1e-9, 0, 1e-9]) if (edge + d >= 0) times.add(edge + d);
    for (const t of prepared.tickets)
      for (const c of Object.values(COLUMN))
        for (const col of [c, `${c}_business`]) if (typeof t[col] === "number") times.add(t[col] as number);
    for (const v of times) {
      const b = bucketOf(v);
      for (const k of [b - 1, b, b + 1]) {
        if (k <= ZERO_BUCKET) continue;
        expect(v >= lowestOf(k, B), `${v} against bucket ${k}`).toBe(b >= k);
      }
    }
    // The bound is the smallest such time: the double just below it is in the bucket before.
    for (const k of [-5, 0, 1, 69, 70, 300, 1000]) {
      const low = lowestOf(k, B);
      expect(bucketOf(low)).toBeGreaterThanOrEqual(k);
      const below = new Float64Array([low]);
      new BigUint64Array(below.buffer)[0]! -= 1n;
      expect(bucketOf(below[0]!)).toBeLessThan(k);
    }
  });

  for (const {name, cut, whole} of CUTS) {
    it(`count the bands by hand, and each bar lists its own tickets: ${name}`, async () => {
      const merged = await db.query(cubeHistogramSql(cut, whole, seriesOf(cut.metric, cut.clock)));
      const bars = cubeHistogram(merged, B);
      const want = new Map<string, number>();
      for (const {channel, v} of counted(cut)) {
        const key = `${channel} ${bandOf(representative(bucketOf(v)))}`;
        want.set(key, (want.get(key) ?? 0) + 1);
      }
      expect(new Map(bars.map((r) => [`${r.channel} ${r.band}`, r.tickets]))).toEqual(want);
      expect(bars.length).toBeGreaterThan(5);
      for (const bar of bars) {
        const target = {kind: "band" as const, channel: String(bar.channel), band: Number(bar.band)};
        const [{n}] = (await db.query(cubeDrillCountSql(cut, target, B))) as [{n: number}];
        expect(n, JSON.stringify(target)).toBe(bar.tickets);
        const list = await db.query(cubeDrillRowsSql(cut, target, 3, B));
        expect(list.length).toBe(Math.min(3, n));
        for (const r of list) expect(r.channel).toBe(bar.channel);
      }
    });

    it(`give the share within any time within EPSILON of the time, and its tickets: ${name}`, async () => {
      const merged = await db.query(cubeHistogramSql(cut, whole, seriesOf(cut.metric, cut.clock)));
      const grid = curveGrid([4, 60]);
      const curve = cubeCurve(merged, grid, B);
      const tickets = counted(cut);
      for (const point of curve) {
        const x = Number(point.x);
        const mine = tickets.filter((t) => point.channel === "(all)" || t.channel === point.channel);
        expect(point.n).toBe(mine.length);
        // Exactly the tickets whose representative is within x...
        expect(point.within).toBe(mine.filter((t) => representative(bucketOf(t.v)) <= x).length);
        // ...which differ from those truly within x only by times within EPSILON of x.
        const exact = mine.filter((t) => t.v <= x).length;
        const near = mine.filter((t) => Math.abs(t.v - x) <= 2 * EPSILON * x).length;
        expect(Math.abs(Number(point.within) - exact)).toBeLessThanOrEqual(near);
      }
      for (const point of curve.filter((p) => [4, 60].includes(Number(p.x)))) {
        const target = {kind: "within" as const, channel: String(point.channel), x: Number(point.x)};
        const [{n}] = (await db.query(cubeDrillCountSql(cut, target, B))) as [{n: number}];
        expect(n, JSON.stringify(target)).toBe(point.within);
      }
      const attainment = cubeAttainment(merged, {email: 60, chat: 4, web: null}, B);
      for (const r of attainment) {
        const point = curve.find((p) => p.channel === r.channel && p.x === r.target);
        if (r.target === null) expect(r.share).toBeNull();
        else
          expect([r.n, r.within, r.share]).toEqual([
            point!.n,
            point!.within,
            Number(point!.within) / Number(point!.n),
          ]);
      }
    });
  }

  it("answer from the cubes only what they hold", () => {
    const f: Filters = {...DEFAULT_FILTERS, channel: ["email"]};
    const months = {from: "2024-03-01", to: "2024-04-30"};
    const cut = (
      period: {from: string; to: string},
      previous: typeof period | null = null,
      whole = false,
    ) => ({
      period,
      previous,
      whole,
    });
    expect(speedSource(f, cut({from: "2024-03-03", to: "2024-05-09"}, null, true))).toEqual({kind: "cubes"});
    expect(speedSource(f, cut(months))).toEqual({kind: "cubes"});
    expect(speedSource(f, cut(months, {from: "2024-01-01", to: "2024-02-29"}))).toEqual({kind: "cubes"});
    expect(speedSource(f, cut({from: "2024-03-01", to: "2024-04-29"}))).toEqual({
      kind: "rows",
      reason: "period",
    });
    expect(speedSource(f, cut(months, {from: "2024-01-02", to: "2024-02-29"}))).toEqual({
      kind: "rows",
      reason: "period",
    });
    expect(speedSource({...f, tag: ["vip"]}, cut(months))).toEqual({kind: "rows", reason: "tag"});
  });

  it("read times with lastBucketWithin as the cumulative curve does", () => {
    expect(lastBucketWithin(0, B)).toBe(ZERO_BUCKET);
    for (const x of [0.5, 1, 4, 60, 1440, 123.456]) {
      const b = lastBucketWithin(x, B);
      expect(representative(b)).toBeLessThanOrEqual(x);
      expect(representative(b + 1)).toBeGreaterThan(x);
    }
  });
});
