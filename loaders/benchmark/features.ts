/** How a raw KPI is mapped before standardising; skewed counts and durations are logged. */
export type Transform =
  /** log(1 + x): counts and durations, right-skewed, may be 0. */
  | "log1p"
  /** log(p / (1 - p)) with p clamped to [0.01, 0.995]: rates bunched near 1. */
  | "logit"
  /** x unchanged: bounded and roughly symmetric. */
  | "linear";

export type FeatureKey =
  | "tickets_per_month"
  | "tickets_per_agent_month"
  | "replies_per_ticket"
  | "coverage_hours_weekday"
  | "coverage_hours_weekend"
  | "self_service_ratio"
  | "automation_rules"
  | "first_reply_p50_minutes"
  | "csat";

export interface FeatureDef {
  key: FeatureKey;
  /** Workload, strategy, resources (the Zendesk Q4 2014 cornerstones) or performance. */
  group: "workload" | "resources" | "maturity" | "performance";
  transform: Transform;
  /** Raw values a suggested change may reach. */
  bounds: readonly [number, number];
  /** Optional inputs the profile may not know (self-service, automation). */
  optional: boolean;
}

export const FEATURES: readonly FeatureDef[] = [
  {key: "tickets_per_month", group: "workload", transform: "log1p", bounds: [1, 1e6], optional: false},
  {key: "tickets_per_agent_month", group: "workload", transform: "log1p", bounds: [1, 1e4], optional: false},
  {key: "replies_per_ticket", group: "workload", transform: "log1p", bounds: [1, 50], optional: false},
  {key: "coverage_hours_weekday", group: "resources", transform: "linear", bounds: [1, 120], optional: false},
  {key: "coverage_hours_weekend", group: "resources", transform: "log1p", bounds: [0, 48], optional: false},
  {key: "self_service_ratio", group: "maturity", transform: "log1p", bounds: [0, 1000], optional: true},
  {key: "automation_rules", group: "maturity", transform: "log1p", bounds: [0, 5000], optional: true},
  {
    key: "first_reply_p50_minutes",
    group: "performance",
    transform: "log1p",
    bounds: [0.1, 1e5],
    optional: false,
  },
  {key: "csat", group: "performance", transform: "logit", bounds: [0.3, 0.995], optional: false},
];

export const FEATURE_KEYS: readonly FeatureKey[] = FEATURES.map((f) => f.key);

const LOGIT_MIN = 0.01;
const LOGIT_MAX = 0.995;

export function forward(transform: Transform, x: number): number {
  switch (transform) {
    case "log1p":
      return Math.log1p(Math.max(0, x));
    case "logit": {
      const p = Math.min(LOGIT_MAX, Math.max(LOGIT_MIN, x));
      return Math.log(p / (1 - p));
    }
    case "linear":
      return x;
  }
}

export function inverse(transform: Transform, y: number): number {
  switch (transform) {
    case "log1p":
      return Math.expm1(y);
    case "logit":
      return 1 / (1 + Math.exp(-y));
    case "linear":
      return y;
  }
}

/**
 * Transformed feature values of one organisation; `null` where the KPI is unknown, which the
 * model leaves out of every distance (never 0). An organisation without a single ticket knows no
 * volume: its 0 tickets a month is an empty export, not a quiet queue.
 */
export function featureVector(
  summary: Partial<Record<FeatureKey, number | null>> & {tickets?: number | null},
): (number | null)[] {
  const empty = summary.tickets === 0;
  return FEATURES.map((f) => {
    const raw = summary[f.key];
    if (empty && f.key === "tickets_per_month") return null;
    return raw === null || raw === undefined || !Number.isFinite(raw) ? null : forward(f.transform, raw);
  });
}

/** Per-feature standardisation parameters, in transformed units. */
export interface Standardisation {
  mean: number[];
  sd: number[];
  /** Panel range in standardised units, which bounds the changes `moves` may suggest. */
  min: number[];
  max: number[];
}

/** Means and sds over the known values of each feature (population sd; 1 when degenerate). */
export function fitStandardisation(vectors: readonly (number | null)[][]): Standardisation {
  const d = FEATURES.length;
  const mean: number[] = [];
  const sd: number[] = [];
  const min: number[] = [];
  const max: number[] = [];
  for (let j = 0; j < d; j++) {
    let n = 0;
    let sum = 0;
    for (const v of vectors) {
      const x = v[j];
      if (x !== null && x !== undefined) {
        n++;
        sum += x;
      }
    }
    const m = n > 0 ? sum / n : 0;
    let ss = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of vectors) {
      const x = v[j];
      if (x !== null && x !== undefined) {
        ss += (x - m) * (x - m);
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    const s = n > 1 ? Math.sqrt(ss / n) : 0;
    const sdj = s > 1e-9 ? s : 1;
    mean.push(m);
    sd.push(sdj);
    min.push(n > 0 ? (lo - m) / sdj : -3);
    max.push(n > 0 ? (hi - m) / sdj : 3);
  }
  return {mean, sd, min, max};
}

/** Standardised vector; unknown features stay `null` (never imputed). */
export function standardise(vector: readonly (number | null)[], s: Standardisation): (number | null)[] {
  return vector.map((x, j) => (x === null ? null : (x - s.mean[j]!) / s.sd[j]!));
}

/** Raw KPI value of feature `j` at standardised value `z`. */
export function rawFromZ(j: number, z: number, s: Standardisation): number {
  const f = FEATURES[j]!;
  return inverse(f.transform, s.mean[j]! + z * s.sd[j]!);
}
