/**
 * Log-spaced duration histograms that merge exactly by adding counts. Bucket b holds
 * [GAMMA^b, GAMMA^(b+1)); zero has its own bucket. Every value is represented by its bucket's
 * harmonic midpoint 2·lo·hi/(lo+hi), which is within a relative EPSILON = (GAMMA-1)/(GAMMA+1) of
 * any value in the bucket. Percentiles interpolate between the representatives of the two
 * neighbouring order statistics with DuckDB's quantile_cont weights, so the estimate is a convex
 * combination of values each within EPSILON: |estimate - quantile_cont| <= EPSILON x quantile_cont.
 */
export const GAMMA = 1.01;
export const EPSILON = (GAMMA - 1) / (GAMMA + 1);
/** Bucket index of the value 0 (no positive double maps this low). */
export const ZERO_BUCKET = -1_000_000;

const LOG_GAMMA = Math.log(GAMMA);

export function bucketOf(x: number): number {
  if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`duration must be finite and >= 0, got ${x}`);
  return x === 0 ? ZERO_BUCKET : Math.floor(Math.log(x) / LOG_GAMMA);
}

export function representative(bucket: number): number {
  if (bucket === ZERO_BUCKET) return 0;
  const lo = Math.pow(GAMMA, bucket);
  return (2 * lo * GAMMA) / (1 + GAMMA);
}

/** bucket -> count */
export type Histogram = Map<number, number>;

export function add(h: Histogram, x: number, count = 1): Histogram {
  const b = bucketOf(x);
  h.set(b, (h.get(b) ?? 0) + count);
  return h;
}

export function merge(...hs: readonly Histogram[]): Histogram {
  const out: Histogram = new Map();
  for (const h of hs) for (const [b, c] of h) out.set(b, (out.get(b) ?? 0) + c);
  return out;
}

export function total(h: Histogram): number {
  let n = 0;
  for (const c of h.values()) n += c;
  return n;
}

/** Histogram from `(bucket, count)` rows, e.g. a SQL `GROUP BY bucket` over shipped cells. */
export function fromRows(rows: readonly Record<string, unknown>[]): Histogram {
  const h: Histogram = new Map();
  for (const r of rows) h.set(Number(r.bucket), (h.get(Number(r.bucket)) ?? 0) + Number(r.count));
  return h;
}

/** Estimated quantile_cont(q), within relative EPSILON; null for an empty histogram. */
export function quantile(h: Histogram, q: number): number | null {
  const n = total(h);
  if (n === 0) return null;
  const pos = (n - 1) * q;
  const k = Math.floor(pos);
  const f = pos - k;
  const buckets = [...h.keys()].sort((a, b) => a - b);
  let seen = 0;
  let lower: number | null = null;
  for (const b of buckets) {
    seen += h.get(b)!;
    // The k-th and (k+1)-th order statistics (0-based) may fall in the same or adjacent buckets.
    if (lower === null && seen > k) lower = representative(b);
    if (seen > k + 1 || (f === 0 && lower !== null)) {
      const upper = representative(b);
      return lower! + f * (upper - lower!);
    }
  }
  return lower;
}
