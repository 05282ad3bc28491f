/**
 * The Speed page in cube mode. Where the cubes hold the filter (channel, group, priority, type;
 * the whole span or whole months) the distributions come from the cubes' merged histograms, one
 * small query; anything else (tags, a period that is not whole months) is answered from the ticket
 * rows with the ticket-mode SQL, exactly.
 *
 * The histograms keep log buckets (loaders/metrics/histogram.ts): bucket b holds
 * [GAMMA^b, GAMMA^(b+1)) and stands for its representative time, within EPSILON of any time in
 * it. Every figure drawn from them reads a ticket's time as its bucket's representative: a bucket
 * falls in the time band holding its representative, and counts as within a time x when its
 * representative is at most x. A band edge therefore splits no bucket, and a ticket within EPSILON
 * of an edge may sit in the neighbouring band. The tickets behind a bar are picked from the rows
 * with the same rule, turned into plain comparisons: bucketOf(v) >= b exactly when v is at least
 * the smallest time of bucket b as bucketOf computes it (`lowestOf`), so a bar's list holds exactly
 * the tickets it counts, with no logarithm in SQL that could round differently from JavaScript.
 *
 * The pure part takes the bucket functions as an argument (`Buckets`): the page passes the
 * library bundle's, a test the library's own.
 */
import {drillListSql} from "./drill-sql.js";
import {sqlString, ticketPredicate, type Filters, type Period} from "./filters.js";
import {BAND_EDGES, metricExpr, type ChannelTargets, type DrillTarget, type SpeedCut} from "./speed-sql.js";
import {
  ALL_CHANNELS,
  compareText,
  type AttainmentRow,
  type CurveRow,
  type HistogramRow,
} from "./speed-counts.js";

type Row = Record<string, unknown>;

/** The histogram functions of loaders/metrics/histogram.ts and aggregate.ts, as the bundle exports them. */
export interface Buckets {
  bucketOf(x: number): number;
  representative(bucket: number): number;
  ZERO_BUCKET: number;
  /** The hist tables' series index of a metric on a clock. */
  seriesOf(metric: string, clock: string): number;
}

/** Where the page's figures come from, and why the ticket rows when they are needed. */
export type SpeedSource = {kind: "cubes"} | {kind: "rows"; reason: "tag" | "period"};

const lastDayOfMonth = (d: string) => {
  const [y, m] = d.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const wholeMonths = (p: Period) => p.from.endsWith("-01") && lastDayOfMonth(p.to) === p.to;

/**
 * The cubes answer a cut when it filters no tag (the tag cube counts a ticket once per tag and
 * holds no group, priority or type) and each period it reads is the whole span or whole months
 * (cubes hold months); anything else needs the ticket rows.
 */
export function speedSource(
  f: Filters,
  cut: {period: Period; previous: Period | null; whole: boolean},
): SpeedSource {
  if (f.tag.length) return {kind: "rows", reason: "tag"};
  if (!cut.whole && !wholeMonths(cut.period)) return {kind: "rows", reason: "period"};
  if (cut.previous && !wholeMonths(cut.previous)) return {kind: "rows", reason: "period"};
  return {kind: "cubes"};
}

// Cube columns of the filter dimensions the cubes hold; cells hold "(none)" for a missing value,
// the value the filters use for it too.
const CUBE_COLUMNS = {channel: "channel", group: "group_name", priority: "priority", type: "type"} as const;

/**
 * (channel, bucket, count): the cut's merged histogram per channel, from the smallest cube that
 * holds its filters (the channel cube when only channels are filtered over the whole span).
 */
export function cubeHistogramSql(c: SpeedCut, whole: boolean, series: number): string {
  if (!Number.isInteger(series)) throw new RangeError(`not a series: ${series}`);
  const filtered = (Object.keys(CUBE_COLUMNS) as (keyof typeof CUBE_COLUMNS)[]).filter(
    (d) => c.filters[d].length > 0,
  );
  const cube = whole && filtered.every((d) => d === "channel") ? "cube_channel" : "cube_main";
  const where = [`h.series = ${series}`];
  for (const d of filtered)
    where.push(`c.${CUBE_COLUMNS[d]} IN (${[...new Set(c.filters[d])].map(sqlString).join(", ")})`);
  if (!whole)
    where.push(
      `c.created_month BETWEEN ${sqlString(c.period.from.slice(0, 7))} AND ${sqlString(c.period.to.slice(0, 7))}`,
    );
  return `SELECT c.channel, h.bucket, CAST(sum(h.count) AS INTEGER) AS count
FROM ${cube}_hist h JOIN ${cube} c ON c.cell_id = h.cell_id
WHERE ${where.join(" AND ")} GROUP BY ALL ORDER BY c.channel, h.bucket`;
}

/** The band (index into BAND_EDGES) holding a time, as speed-sql.ts's bandExpr. */
export function bandOf(v: number): number {
  let band = 0;
  for (let i = 1; i < BAND_EDGES.length; i++) if (v >= BAND_EDGES[i]!) band = i;
  return band;
}

/** The band a bucket is drawn in: the band of its representative time. */
export function bandOfBucket(bucket: number, B: Buckets): number {
  return bandOf(B.representative(bucket));
}

/** The first bucket whose representative is at least `x` (x > 0). */
function firstBucketFrom(x: number, B: Buckets): number {
  let b = B.bucketOf(x);
  while (B.representative(b - 1) >= x) b -= 1;
  while (B.representative(b) < x) b += 1;
  return b;
}

/** The last bucket whose representative is at most `x`: the zero bucket for x = 0. */
export function lastBucketWithin(x: number, B: Buckets): number {
  if (!(x > 0)) return B.ZERO_BUCKET;
  let b = B.bucketOf(x);
  while (B.representative(b) > x) b -= 1;
  while (B.representative(b + 1) <= x) b += 1;
  return b;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const fromBits = (bits: bigint) => ((u64[0] = bits), f64[0]!);
const toBits = (x: number) => ((f64[0] = x), u64[0]!);

/**
 * The smallest time v >= 0 with bucketOf(v) >= bucket, found by bisection over the doubles
 * (ordered as their bit patterns when positive), so that `v >= lowestOf(b)` is exactly
 * `bucketOf(v) >= b` for every time v, bucketOf being non-decreasing.
 */
export function lowestOf(bucket: number, B: Buckets): number {
  if (bucket <= B.ZERO_BUCKET) return 0;
  // A time in a higher bucket to start from: the next bucket's representative, give or take rounding.
  // (Far below a second, powers of GAMMA underflow to 0: start from the smallest positive double.)
  let above = Math.max(B.representative(bucket + 1), Number.MIN_VALUE);
  while (B.bucketOf(above) < bucket) above *= 2;
  let hi = toBits(above);
  let lo = 0n; // bucketOf(0) is the zero bucket, below any other
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (B.bucketOf(fromBits(mid)) >= bucket) hi = mid;
    else lo = mid;
  }
  return fromBits(hi);
}

/** Each band's buckets as [first, end) (null: unbounded), by their representative times. */
export function bandBuckets(B: Buckets): {first: number | null; end: number | null}[] {
  const starts = BAND_EDGES.map((edge, i) => (i === 0 ? null : firstBucketFrom(edge, B)));
  return starts.map((first, i) => ({first, end: starts[i + 1] ?? null}));
}

interface Merged {
  /** Per channel, buckets ascending with their counts. */
  channels: Map<string, [number, number][]>;
}

function merged(rows: readonly Row[]): Merged {
  const channels = new Map<string, [number, number][]>();
  for (const r of rows) {
    const list =
      channels.get(String(r.channel)) ?? channels.set(String(r.channel), []).get(String(r.channel))!;
    list.push([Number(r.bucket), Number(r.count)]);
  }
  for (const list of channels.values()) list.sort((a, b) => a[0] - b[0]);
  return {channels};
}

/** (channel, band, tickets) as speed-sql.ts's histogramSql, from the merged histogram rows. */
export function cubeHistogram(rows: readonly Row[], B: Buckets): HistogramRow[] {
  const out: HistogramRow[] = [];
  for (const [channel, buckets] of [...merged(rows).channels].sort((a, b) => compareText(a[0], b[0]))) {
    const bands = new Map<number, number>();
    for (const [b, n] of buckets) {
      const band = bandOfBucket(b, B);
      bands.set(band, (bands.get(band) ?? 0) + n);
    }
    for (const [band, tickets] of [...bands].sort((a, b) => a[0] - b[0])) out.push({channel, band, tickets});
  }
  return out;
}

/** Counts of buckets up to `last`, per grid time, for one channel's ascending buckets. */
function within(buckets: readonly [number, number][], xs: readonly number[], B: Buckets): number[] {
  return xs.map((x) => {
    const last = lastBucketWithin(x, B);
    let n = 0;
    for (const [b, c] of buckets) if (b <= last) n += c;
    return n;
  });
}

/** (channel, x, within, n) as curveSql, channels and "(all)", from the merged histogram rows. */
export function cubeCurve(rows: readonly Row[], grid: readonly number[], B: Buckets): CurveRow[] {
  const {channels} = merged(rows);
  const all = new Map<number, number>();
  for (const list of channels.values()) for (const [b, n] of list) all.set(b, (all.get(b) ?? 0) + n);
  const series: [string, [number, number][]][] = [
    [ALL_CHANNELS, [...all].sort((a, b) => a[0] - b[0])],
    ...channels,
  ];
  series.sort((a, b) => compareText(a[0], b[0]));
  // As the SQL groups by time: a time given twice is one.
  const xs = [...new Set(grid.filter((x) => Number.isFinite(x)))].sort((a, b) => a - b);
  const out: CurveRow[] = [];
  for (const [channel, buckets] of series) {
    const n = buckets.reduce((s, [, c]) => s + c, 0);
    if (n === 0) continue;
    within(buckets, xs, B).forEach((w, i) => out.push({channel, x: xs[i]!, within: w, n}));
  }
  return out;
}

/** (channel, target, n, within, share) as attainmentSql, from the merged histogram rows. */
export function cubeAttainment(rows: readonly Row[], targets: ChannelTargets, B: Buckets): AttainmentRow[] {
  return [...merged(rows).channels]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([channel, buckets]) => {
      const m = Object.hasOwn(targets, channel) ? targets[channel] : null;
      const target = typeof m === "number" && Number.isFinite(m) && m >= 0 ? m : null;
      const n = buckets.reduce((s, [, c]) => s + c, 0);
      if (target === null) return {channel, target, n, within: 0, share: null};
      const [w] = within(buckets, [target], B);
      return {channel, target, n, within: w!, share: n ? w! / n : null};
    });
}

/** An exact double as SQL: the shortest text that reads back as the same number. */
const double = (x: number) => `CAST(${sqlString(String(x))} AS DOUBLE)`;

/** The SQL condition on `v` (and channel) selecting the tickets a cube bar or point counts. */
export function cubeDrillWhere(target: DrillTarget, B: Buckets): string {
  const channel = target.channel === "(all)" ? "TRUE" : `channel = ${sqlString(target.channel)}`;
  if (target.kind === "band") {
    const range = bandBuckets(B)[target.band];
    if (!Number.isInteger(target.band) || !range) throw new RangeError(`not a band: ${target.band}`);
    const parts = [channel];
    if (range.first !== null) parts.push(`v >= ${double(lowestOf(range.first, B))}`);
    if (range.end !== null) parts.push(`v < ${double(lowestOf(range.end, B))}`);
    return parts.join(" AND ");
  }
  if (!Number.isFinite(target.x) || target.x < 0) throw new RangeError(`not a time: ${target.x}`);
  return `${channel} AND v < ${double(lowestOf(lastBucketWithin(target.x, B) + 1, B))}`;
}

/** The counted tickets of the cut with their channel and time `v`, as speed-sql.ts counts them. */
function values(c: SpeedCut): string {
  const v = metricExpr(c.metric, c.clock);
  return `SELECT t.ticket_id, t.channel, ${v} AS v FROM tickets t
    WHERE ${ticketPredicate(c.filters, c.period)} AND ${v} IS NOT NULL`;
}

/** The number of ticket rows behind a cube bar or point: its count. */
export function cubeDrillCountSql(c: SpeedCut, target: DrillTarget, B: Buckets): string {
  return `WITH v AS (${values(c)}) SELECT CAST(count(*) AS INTEGER) AS n FROM v WHERE ${cubeDrillWhere(target, B)}`;
}

/** The first `limit` ticket rows behind a cube bar or point, slowest first (the drill-down's columns). */
export function cubeDrillRowsSql(c: SpeedCut, target: DrillTarget, limit: number, B: Buckets): string {
  return drillListSql({
    ctes: `v AS (${values(c)})`,
    picked: `SELECT ticket_id, v FROM v WHERE ${cubeDrillWhere(target, B)}`,
    order: "p.v DESC, t.ticket_id",
    clock: c.clock,
    limit,
  });
}
