import {ARCHETYPES, type Archetype} from "./archetypes.ts";
import {FEATURES, featureVector, standardise, type FeatureKey} from "./features.ts";
import {standardisationOf, type PanelModel} from "./model.ts";
import {mulberry32} from "./prng.ts";
import {joinWords, type Lang} from "./text.ts";

/** Seed of the power iteration's starting vectors: the same panel always gives the same map. */
export const PROJECTION_SEED = 20150204;

export interface PrincipalAxes {
  /** Unit eigenvectors of the covariance, largest eigenvalue first. */
  vectors: number[][];
  values: number[];
  /** Trace of the covariance: total variance. */
  total: number;
  /** Column means the data were centred on. */
  mean: number[];
}

/**
 * The `k` leading principal axes of `data` (rows = observations): eigenvectors of the population
 * covariance by power iteration from seeded random starts, with deflation. Each vector's sign is
 * fixed so that its largest component (in absolute value) is positive.
 */
export function principalAxes(
  data: readonly (readonly number[])[],
  k = 2,
  seed = PROJECTION_SEED,
): PrincipalAxes {
  const n = data.length;
  const d = data[0]?.length ?? 0;
  if (n === 0 || d === 0) throw new Error("principal axes of an empty table");
  const mean = Array.from({length: d}, (_, j) => data.reduce((s, r) => s + r[j]!, 0) / n);
  const cov = Array.from({length: d}, () => new Array<number>(d).fill(0));
  for (const r of data) {
    for (let a = 0; a < d; a++) {
      const da = r[a]! - mean[a]!;
      for (let b = a; b < d; b++) cov[a]![b]! += (da * (r[b]! - mean[b]!)) / n;
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a]![b] = cov[b]![a]!;
  const total = cov.reduce((s, row, j) => s + row[j]!, 0);

  const rng = mulberry32(seed);
  const work = cov.map((row) => row.slice());
  const vectors: number[][] = [];
  const values: number[] = [];
  for (let axis = 0; axis < Math.min(k, d); axis++) {
    let v = normalise(Array.from({length: d}, () => rng.next() - 0.5));
    for (let iter = 0; iter < 10000; iter++) {
      const w = multiply(work, v);
      const norm = Math.hypot(...w);
      // Nothing left along any axis (the data span fewer dimensions than asked).
      if (norm < 1e-300) break;
      const next = w.map((x) => x / norm);
      const delta = Math.max(...next.map((x, i) => Math.abs(x - v[i]!)));
      v = next;
      if (delta < 1e-12) break;
    }
    // Rayleigh quotient: the eigenvalue, whatever the sign the iteration settled on.
    const lambda = dot(v, multiply(work, v));
    const big = v.reduce((best, x, i) => (Math.abs(x) > Math.abs(v[best]!) ? i : best), 0);
    if (v[big]! < 0) v = v.map((x) => -x);
    vectors.push(v);
    values.push(lambda);
    // Deflate: remove this axis so the next iteration finds the next one.
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) work[a]![b]! -= lambda * v[a]! * v[b]!;
  }
  return {vectors, values, total, mean};
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const multiply = (m: readonly (readonly number[])[], v: readonly number[]) => m.map((row) => dot(row, v));
function normalise(v: number[]): number[] {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

export interface MapPoint {
  x: number;
  y: number;
  archetype: Archetype | null;
  cluster: number | null;
  /** Some features were unknown and stood at the panel mean for this picture only. */
  approximate: boolean;
}

export interface MapAxis {
  /** Share of the panel's variance (standardised features) along this axis, 0..1. */
  explained: number;
  loadings: Record<FeatureKey, number>;
  /** What the axis loads on, in words: "Volume and staffing: towards the right, ...". */
  text: {en: string; fr: string};
}

export interface PanelMap {
  /** One per panel organisation, anonymous: no code, no name, ordered by position, not as in the panel. */
  points: MapPoint[];
  centres: {x: number; y: number; cluster: number; archetype: Archetype}[];
  prototypes: {x: number; y: number; archetype: Archetype}[];
  you: MapPoint | null;
  axes: [MapAxis, MapAxis];
}

type Values = Partial<Record<FeatureKey, number | null>>;

/**
 * The panel drawn on its two principal axes: PCA of the model's standardised, log/logit
 * transformed features over the panel organisations, a feature an organisation does not know set
 * to the panel mean (0) for this picture only and the point flagged approximate. Cluster centres,
 * archetype prototypes and the organisation are projected the same way.
 */
export function panelMap(
  model: PanelModel,
  rows: readonly (Values & {archetype?: Archetype | null; cluster?: number | null})[],
  you: Values | null = null,
): PanelMap {
  const s = standardisationOf(model);
  const filled = (v: Values) => {
    const z = standardise(featureVector(v), s);
    return {z: z.map((x) => x ?? 0), approximate: z.some((x) => x === null)};
  };
  const table = rows.map((r) => filled(r));
  const pca = principalAxes(
    table.map((t) => t.z),
    2,
  );
  const project = (z: readonly number[]) => {
    const c = z.map((x, j) => x - pca.mean[j]!);
    return {x: dot(c, pca.vectors[0]!), y: dot(c, pca.vectors[1]!)};
  };
  // Ordered by position, not as in panel.csv: a row must not be recoverable from its place in the list.
  const points = table
    .map((t, i) => ({
      ...project(t.z),
      archetype: rows[i]!.archetype ?? null,
      cluster: rows[i]!.cluster ?? null,
      approximate: t.approximate,
    }))
    .sort((a, b) => a.x - b.x || a.y - b.y);
  const axes = pca.vectors.map((v, i) => axis(v, pca.values[i]! / pca.total, i)) as [MapAxis, MapAxis];
  let mine: MapPoint | null = null;
  if (you !== null) {
    const t = filled(you);
    mine = {...project(t.z), archetype: null, cluster: null, approximate: t.approximate};
  }
  return {
    points,
    centres: model.centroids.map((c, i) => ({
      ...project(c),
      cluster: i,
      archetype: model.cluster_archetype[i]!,
    })),
    prototypes: ARCHETYPES.map((a) => ({...project(model.prototypes[a].z), archetype: a})),
    you: mine,
    axes,
  };
}

/** Theme of each feature, and what a higher value means in words. */
const WORDS: Record<
  FeatureKey,
  {
    theme: "volume" | "staffing" | "complexity" | "coverage" | "tools" | "speed" | "satisfaction";
    up: {en: string; fr: string};
    down: {en: string; fr: string};
  }
> = {
  tickets_per_month: {
    theme: "volume",
    up: {en: "more tickets", fr: "plus de tickets"},
    down: {en: "fewer tickets", fr: "moins de tickets"},
  },
  tickets_per_agent_month: {
    theme: "staffing",
    up: {en: "more tickets per agent", fr: "plus de tickets par agent"},
    down: {en: "fewer tickets per agent", fr: "moins de tickets par agent"},
  },
  replies_per_ticket: {
    theme: "complexity",
    up: {en: "more replies per ticket", fr: "plus de réponses par ticket"},
    down: {en: "fewer replies per ticket", fr: "moins de réponses par ticket"},
  },
  coverage_hours_weekday: {
    theme: "coverage",
    up: {en: "longer weekday coverage", fr: "une couverture plus large en semaine"},
    down: {en: "shorter weekday coverage", fr: "une couverture plus courte en semaine"},
  },
  coverage_hours_weekend: {
    theme: "coverage",
    up: {en: "more weekend coverage", fr: "plus de couverture le week-end"},
    down: {en: "less weekend coverage", fr: "moins de couverture le week-end"},
  },
  self_service_ratio: {
    theme: "tools",
    up: {en: "more self-service", fr: "plus de selfcare"},
    down: {en: "less self-service", fr: "moins de selfcare"},
  },
  automation_rules: {
    theme: "tools",
    up: {en: "more automation", fr: "plus d'automatisation"},
    down: {en: "less automation", fr: "moins d'automatisation"},
  },
  first_reply_p50_minutes: {
    theme: "speed",
    up: {en: "slower first replies", fr: "des premières réponses plus lentes"},
    down: {en: "faster first replies", fr: "des premières réponses plus rapides"},
  },
  csat: {
    theme: "satisfaction",
    up: {en: "higher CSAT", fr: "un CSAT plus élevé"},
    down: {en: "lower CSAT", fr: "un CSAT plus bas"},
  },
};

const THEMES = {
  volume: {en: "volume", fr: "volume"},
  staffing: {en: "staffing", fr: "effectifs"},
  complexity: {en: "complexity", fr: "complexité"},
  coverage: {en: "coverage hours", fr: "plages de couverture"},
  tools: {en: "self-service and automation", fr: "selfcare et automatisation"},
  speed: {en: "speed", fr: "rapidité"},
  satisfaction: {en: "satisfaction", fr: "satisfaction"},
} as const;

/** A loading this large (of a unit vector over 9 features) is worth naming. */
const NAMED = 0.3;

function axis(v: readonly number[], explained: number, index: number): MapAxis {
  const loadings = Object.fromEntries(FEATURES.map((f, j) => [f.key, v[j]!])) as Record<FeatureKey, number>;
  const named = FEATURES.map((f, j) => ({key: f.key, w: v[j]!}))
    .filter((x) => Math.abs(x.w) >= NAMED)
    .sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
  const shown =
    named.length > 0
      ? named
      : [FEATURES.map((f, j) => ({key: f.key, w: v[j]!})).sort((a, b) => Math.abs(b.w) - Math.abs(a.w))[0]!];
  const themes = [...new Set(shown.map((x) => WORDS[x.key].theme))];
  const pct = Math.round(explained * 100);
  const text = (lang: Lang) => {
    const title = joinWords(
      themes.map((t) => THEMES[t][lang]),
      lang,
    );
    const towards = joinWords(
      shown.map((x) => (x.w > 0 ? WORDS[x.key].up : WORDS[x.key].down)[lang]),
      lang,
    );
    const side =
      index === 0
        ? lang === "en"
          ? "towards the right"
          : "vers la droite"
        : lang === "en"
          ? "towards the top"
          : "vers le haut";
    return lang === "en"
      ? `${title.charAt(0).toUpperCase()}${title.slice(1)} (${pct} % of the spread between organisations): ${side}, ${towards}.`
      : `${title.charAt(0).toUpperCase()}${title.slice(1)} (${pct} % de la dispersion entre organisations) : ${side}, ${towards}.`;
  };
  return {explained, loadings, text: {en: text("en"), fr: text("fr")}};
}
