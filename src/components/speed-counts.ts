/**
 * The Speed page's distributions counted in JavaScript from the cut's times, which one query
 * fetches (`timesSql`): row for row what `histogramSql`, `curveSql` and `attainmentSql` return
 * over the same tickets. A filter change asks DuckDB-WASM for one small result instead of three
 * scans, and a target change asks it nothing. Pure: no DOM, no I/O. The drill-down keeps the SQL
 * (`bandExpr`), and `bandOf` is its twin, so a bar's count is its drill-down's count.
 */
import {BAND_EDGES, type ChannelTargets} from "./speed-sql.js";

/** One channel's counted times, ascending (NaN, which DuckDB orders above every number, last). */
export interface ChannelTimes {
  channel: string;
  times: Float64Array;
}

export type HistogramRow = {channel: string; band: number; tickets: number};
export type CurveRow = {channel: string; x: number; within: number; n: number};
export type AttainmentRow = {
  channel: string;
  target: number | null;
  n: number;
  within: number;
  share: number | null;
};

/** The curve's line for every channel together, as `curveSql` names it. */
export const ALL_CHANNELS = "(all)";

/**
 * Text in DuckDB's order (its UTF-8 bytes, so code points): JavaScript's `<` compares UTF-16
 * units, which puts characters beyond U+FFFF before U+E000-U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** A list of times as numbers, whether DuckDB-WASM's Arrow vector or native DuckDB's array. */
function numbers(list: unknown): Float64Array {
  if (list == null) return new Float64Array(0);
  const arrow = list as {toArray?: () => ArrayLike<number>};
  // A copy either way: the Arrow array can be a view on the query's buffer, and it is sorted here.
  if (typeof arrow.toArray === "function") return Float64Array.from(arrow.toArray(), Number);
  return Float64Array.from(list as Iterable<number>, Number);
}

/** `timesSql`'s rows (channel, times) as sorted times per channel, channels in DuckDB's order. */
export function channelTimes(rows: Iterable<Record<string, unknown>>): ChannelTimes[] {
  const out: ChannelTimes[] = [];
  for (const row of rows) out.push({channel: String(row.channel), times: numbers(row.times).sort()});
  return out.sort((a, b) => compareText(a.channel, b.channel));
}

/** The band of a time, as `bandExpr`: the first band whose upper edge is above it, else the last. */
export function bandOf(v: number): number {
  for (let i = 1; i < BAND_EDGES.length; i++) if (v < BAND_EDGES[i]!) return i - 1;
  return BAND_EDGES.length - 1;
}

/** How many of the ascending `times` are `<= x` (NaN never is, and sorts last). */
export function countWithin(times: Float64Array, x: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `histogramSql`: tickets per channel and band, empty bands left out, by channel then band. */
export function histogramRows(cut: readonly ChannelTimes[]): HistogramRow[] {
  const out: HistogramRow[] = [];
  for (const {channel, times} of cut) {
    const counts = new Array<number>(BAND_EDGES.length).fill(0);
    for (const v of times) counts[bandOf(v)]!++;
    counts.forEach((tickets, band) => {
      if (tickets > 0) out.push({channel, band, tickets});
    });
  }
  return out;
}

/**
 * `curveSql`: for each channel and for all of them (ALL_CHANNELS), the tickets done within each
 * time of the grid, by channel then time. The SQL groups by time, so a time given twice is one.
 */
export function curveRows(cut: readonly ChannelTimes[], grid: readonly number[]): CurveRow[] {
  const xs = [...new Set(grid.filter((x) => Number.isFinite(x)).map(Number))].sort((a, b) => a - b);
  const present = cut.filter((c) => c.times.length > 0);
  if (present.length === 0) return [];
  const lines = present.map((c) => ({
    channel: c.channel,
    n: c.times.length,
    within: xs.map((x) => countWithin(c.times, x)),
  }));
  lines.push({
    channel: ALL_CHANNELS,
    n: lines.reduce((s, l) => s + l.n, 0),
    within: xs.map((_, i) => lines.reduce((s, l) => s + l.within[i]!, 0)),
  });
  lines.sort((a, b) => compareText(a.channel, b.channel));
  return lines.flatMap((l) => xs.map((x, i) => ({channel: l.channel, x, within: l.within[i]!, n: l.n})));
}

/** A channel's target as `attainmentSql` reads it: a finite, non-negative number, else none. */
function targetOf(targets: ChannelTargets, channel: string): number | null {
  const m = Object.hasOwn(targets, channel) ? targets[channel] : null;
  return typeof m === "number" && Number.isFinite(m) && m >= 0 ? m : null;
}

/** `attainmentSql`: each channel's counted tickets, those within its target and their share. */
export function attainmentRows(cut: readonly ChannelTimes[], targets: ChannelTargets): AttainmentRow[] {
  return cut
    .filter((c) => c.times.length > 0)
    .map(({channel, times}) => {
      const target = targetOf(targets, channel);
      const within = target === null ? 0 : countWithin(times, target);
      return {
        channel,
        target,
        n: times.length,
        within,
        share: target === null ? null : within / times.length,
      };
    });
}
